"""Champion-network fixtures: a champion-training course, its certificates, and champions made by the services."""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import Page, Site

from champions import agreements, services
from champions.models import ChampionProfile
from courses.certificates.services import issue_certificate
from courses.models import Certificate, Completion, CourseIndexPage, CoursePage
from tests.factories import UserFactory


def make_champion_course(title: str = "Domestic Abuse Champion Training") -> CoursePage:
    index = CourseIndexPage.objects.first()
    if index is None:
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        parent = site.root_page if site else Page.get_first_root_node()
        index = parent.add_child(instance=CourseIndexPage(title="Courses", slug="courses"))
    return index.add_child(
        instance=CoursePage(
            title=title,
            summary="Become your workplace's domestic abuse point of contact.",
            is_champion_training=True,
            certificate_validity_months=36,
        )
    )


def certify(user, course: CoursePage, *, completed_on: datetime.date | None = None, expires_on=None) -> Certificate:
    """Give the user a completion of the course and its certificate, issued by the certificates service.

    ``expires_on`` overrides the expiry the course's validity gives (to test lapsing).
    """
    completed_on = completed_on or timezone.localdate()
    completion = Completion.objects.create(
        user=user,
        course=course,
        completed_on=completed_on,
        organisation=user.organisation,
        sector_id=user.organisation.sector_id if user.organisation else None,
        district=user.district,
    )
    certificate = issue_certificate(completion)
    if expires_on is not None:
        certificate.expires_on = expires_on
        certificate.save(update_fields=["expires_on"])
    return certificate


MANAGER = {"manager_name": "Morgan Manager", "manager_email": "morgan.manager@example.org"}


def apply_with_agreement(user, *, at=None, agree: bool = True) -> ChampionProfile:
    """Apply through the service naming a line manager who (unless ``agree=False``) agrees through their link."""
    profile = services.apply(user, at=at, **MANAGER)
    if agree and profile.status == "applied":
        agreements.answer(agreements.current_agreement(profile), agreed=True, at=at)
    return profile


@pytest.fixture
def champion_course(demo_site):
    return make_champion_course()


@pytest.fixture
def make_champion(champion_course, training_manager):
    """``make_champion(user=None, visible=True, expires_on=None, at=None, **profile)``: an approved champion."""

    def make(user=None, *, visible=True, expires_on=None, at=None, **profile_fields) -> ChampionProfile:
        user = user or UserFactory()
        day = timezone.localdate(at) if at else timezone.localdate()
        certify(user, champion_course, completed_on=day, expires_on=expires_on)
        profile = apply_with_agreement(user, at=at)
        profile = services.approve(profile, by=training_manager, at=at)
        specialisms = profile_fields.pop("specialisms", [])
        languages = profile_fields.pop("languages", [])
        districts = profile_fields.pop("districts", None)
        if visible or profile_fields or specialisms or languages or districts is not None:
            services.update_profile(
                profile,
                bio=profile_fields.pop("bio", ""),
                specialisms=specialisms,
                languages=languages,
                districts=districts if districts is not None else list(profile.districts.all()),
                visible_in_directory=visible,
                share_contact_details=profile_fields.pop("share_contact_details", False),
                work_email=profile_fields.pop("work_email", ""),
                work_phone=profile_fields.pop("work_phone", ""),
            )
        profile.refresh_from_db()
        return profile

    return make


@pytest.fixture
def directory_page(demo_site):
    from champions.models import ChampionDirectoryPage

    return demo_site.root_page.add_child(
        instance=ChampionDirectoryPage(title="Champion directory", slug="champion-directory")
    )


@pytest.fixture
def champion_client(client, make_champion):
    """A client signed in as an active champion (returned as ``client.champion``)."""
    champion = make_champion(visible=False)
    client.force_login(champion.user)
    client.champion = champion
    return client


@pytest.fixture(autouse=True)
def _fresh_directory_filter_options():
    """Each test starts without the cached filter choices of an earlier test's (rolled back) data."""
    from champions.selectors import forget_directory_filter_options

    forget_directory_filter_options()
    yield
    forget_directory_filter_options()
