"""Every model with a foreign key to the user is covered by the subject-access export and by erasure, or is
listed as deliberately excluded with its reason: a new model (a session booking, say) cannot be forgotten."""

import pytest
from django.apps import apps
from django.db import models

from privacy import coverage, erasure, export


def test_every_foreign_key_to_the_user_is_exported_and_erased_or_excluded_with_a_reason():
    exported, erased = export.covered_fields(), erasure.covered_fields()
    problems = []
    for field in coverage.user_foreign_keys():
        if field in coverage.EXCLUDED:
            assert coverage.EXCLUDED[field].strip(), f"{field}: give the reason it is excluded"
            continue
        if field not in exported:
            problems.append(f"{field} is not in any privacy.export.SECTIONS entry")
        if field not in erased:
            problems.append(f"{field} is not in any privacy.erasure.STEPS entry")
    assert not problems, "\n".join(problems)


def test_the_lists_name_only_fields_that_exist():
    """A renamed or removed field must leave the lists too, or they would claim coverage of nothing."""
    existing = set(coverage.user_foreign_keys())
    named = export.covered_fields() | erasure.covered_fields() | set(coverage.EXCLUDED)
    assert named - existing == set()


def test_the_walk_finds_the_platforms_own_foreign_keys():
    found = set(coverage.user_foreign_keys())
    assert {"courses.Completion.user", "champions.ChampionContact.sender", "reports.PartnerApiToken.user"} <= found
    assert "wagtailcore.Page.owner" in found and "home.HomePage.owner" not in found  # declared once, on Page


def uncovered() -> list[str]:
    covered = (export.covered_fields() & erasure.covered_fields()) | set(coverage.EXCLUDED)
    return [field for field in coverage.user_foreign_keys() if field not in covered]


def test_a_new_model_pointing_at_the_user_fails_until_it_is_covered(settings):
    """A booking model, as sessions will add: registered for real (then removed again), it is found."""

    class Booking(models.Model):
        person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

        class Meta:
            app_label = "privacy"

        def __str__(self) -> str:
            return f"Booking {self.pk}"

    try:
        assert uncovered() == ["privacy.Booking.person"]
    finally:
        del apps.all_models["privacy"]["booking"]
        apps.clear_cache()
    assert uncovered() == []


@pytest.mark.django_db
def test_every_exported_section_is_in_the_zip(client, professional):
    client.force_login(professional)
    client.post("/your-data/export/")
    from privacy.models import SubjectAccessExport

    names = export.read_zip_names(SubjectAccessExport.objects.get())
    assert {f"{section.name}.json" for section in export.SECTIONS} <= set(names)
