import pytest
from django.contrib.auth.models import Group

from accounts.models import District, Sector, SectorGroup

pytestmark = pytest.mark.django_db


def test_the_eight_districts_with_their_ons_codes():
    districts = {d.name: d.ons_code for d in District.objects.all()}
    assert districts == {
        "Cambridge City": "E07000008",
        "East Cambridgeshire": "E07000009",
        "Fenland": "E07000010",
        "Huntingdonshire": "E07000011",
        "South Cambridgeshire": "E07000012",
        "Peterborough": "E06000031",
        "Countywide": "",
        "Outside the area": "",
    }
    assert District.objects.get(name="Cambridge City").ons_name == "Cambridge"


def test_sectors_roll_up_into_groups():
    nhs = set(Sector.objects.filter(group=SectorGroup.NHS).values_list("name", flat=True))
    assert {"NHS: acute", "NHS: mental health", "Integrated care board"} <= nhs
    assert Sector.objects.filter(group=SectorGroup.SPECIALIST).exists()
    assert Sector.objects.values("group").distinct().count() == len(SectorGroup)


@pytest.mark.parametrize(
    ("group", "permission"),
    [
        ("Training managers", "wagtailadmin.access_admin"),
        ("Training managers", "accounts.change_organisation"),
        ("Trainers", "wagtailadmin.access_admin"),
        ("Partner leads", "accounts.view_partner_figures"),
    ],
)
def test_roles_are_groups_with_permissions(group, permission):
    from tests.factories import UserFactory

    user = UserFactory(groups=[group])
    assert user.has_perm(permission)


def test_a_professional_has_no_role_permissions(professional):
    assert not professional.has_perm("wagtailadmin.access_admin")
    assert not professional.has_perm("accounts.view_partner_figures")
    assert Group.objects.filter(name__in=["Training managers", "Trainers", "Partner leads"]).count() == 3
