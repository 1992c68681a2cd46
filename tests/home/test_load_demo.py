import io

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command

from accounts.models import Organisation, OrganisationDomain, User

pytestmark = pytest.mark.django_db


def run_load_demo() -> str:
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def test_load_demo_creates_the_site_organisations_and_one_user_per_role():
    output = run_load_demo()
    assert "Demo content loaded" in output
    assert Organisation.objects.count() >= 25
    assert OrganisationDomain.objects.count() >= 20
    assert Organisation.objects.values("sector__group").distinct().count() >= 8
    for role in ["learner", "champion", "trainer", "manager", "partner"]:
        email = f"{role}@demo.dasv-learning.example"
        assert email in output
        user = User.objects.get(email=email)
        assert user.profile_is_complete
    assert "demo-Learning-2026" in output
    assert User.objects.get(email="manager@demo.dasv-learning.example").groups.filter(name="Training managers").exists()
    assert Group.objects.get(name="Partner leads").user_set.filter(email="partner@demo.dasv-learning.example")


def test_load_demo_is_idempotent():
    run_load_demo()
    counts = (User.objects.count(), Organisation.objects.count())
    output = run_load_demo()
    assert "Demo content already loaded: nothing changed." in output
    assert (User.objects.count(), Organisation.objects.count()) == counts


def test_demo_users_can_sign_in(client):
    run_load_demo()
    response = client.post(
        "/accounts/login/", {"login": "learner@demo.dasv-learning.example", "password": "demo-Learning-2026"}
    )
    assert response.status_code == 302
    assert "_auth_user_id" in client.session
