"""My learning: courses in progress, completed and due for renewal, and the learning record as CSV."""

import csv
import datetime
import io

import pytest
from django.core.cache import cache
from django.utils import timezone

from accounts.models import District
from courses.learning import services
from courses.models import Certificate, Completion, Enrolment, ModulePage, ModuleProgress
from tests.factories import (
    CourseIndexPageFactory,
    CoursePageFactory,
    ModulePageFactory,
    OrganisationFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

MY_LEARNING = "/learning/"
RECORD = "/learning/record.csv"


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()


@pytest.fixture
def catalogue(demo_site):
    return CourseIndexPageFactory(parent=demo_site.root_page)


def course_in(catalogue, title, *, modules=4, **fields):
    course = CoursePageFactory(parent=catalogue, title=title, **fields)
    for _ in range(modules):
        ModulePageFactory(parent=course)
    return course


def _certificate(completion, expires_on):
    return Certificate.objects.create(
        completion=completion,
        code=f"{completion.pk:016d}",
        holder_name=completion.user.full_name,
        course_title=completion.course.title,
        issued_on=completion.completed_on,
        expires_on=expires_on,
    )


def rows(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.content.decode())))


def test_my_learning_needs_a_signed_in_person(client):
    for url in (MY_LEARNING, RECORD):
        response = client.get(url)
        assert response.status_code == 302 and response.url.startswith("/accounts/login/")


def test_my_learning_shows_courses_in_progress_completed_and_due_for_renewal(client, catalogue):
    today = timezone.localdate()
    person = UserFactory()
    started = course_in(catalogue, "Coercive and controlling behaviour")
    enrolment = services.enrol(person, started)
    ModuleProgress.objects.create(enrolment=enrolment, module=ModulePage.objects.child_of(started).first())
    awareness = course_in(catalogue, "Domestic abuse awareness", cpd_hours="1.5")
    Completion.objects.create(user=person, course=awareness, completed_on=datetime.date(2026, 5, 14))
    stalking = course_in(catalogue, "Stalking and harassment")
    old = Completion.objects.create(user=person, course=stalking, completed_on=today - datetime.timedelta(days=1070))
    _certificate(old, today + datetime.timedelta(days=25))
    client.force_login(person)
    response = client.get(MY_LEARNING)
    overview = response.context["overview"]
    assert [(item.course.title, item.percent) for item in overview.in_progress] == [
        ("Coercive and controlling behaviour", 25)
    ]
    assert [item.course.title for item in overview.renewal_due] == ["Stalking and harassment"]
    assert [item.course.title for item in overview.completed] == ["Domestic abuse awareness", "Stalking and harassment"]
    html = response.content.decode()
    assert "25% done" in html and f'href="/learning/continue/{started.pk}/"' in html
    assert "14 May 2026" in html and "1.5" in html
    assert "Your certificate is being prepared" in html  # the completion without a certificate yet
    assert "Due for renewal" in html and "Renewal due" in html
    assert 'href="/learning/record.csv"' in html and "Download my learning record (CSV)" in html
    # Continue goes to the first unfinished module.
    second = ModulePage.objects.child_of(started).order_by("path")[1]
    assert client.get(f"/learning/continue/{started.pk}/").url == second.url
    # Taking a course again takes it off "due for renewal".
    services.enrol(person, stalking)
    assert client.get(MY_LEARNING).context["overview"].renewal_due == []


def test_an_empty_record_says_so(client, professional):
    client.force_login(professional)
    html = client.get(MY_LEARNING).content.decode()
    assert "You have no courses in progress." in html and "You have not completed a course yet." in html
    assert rows(client.get(RECORD)) == [
        ["Course", "Completed on", "CPD hours", "Organisation", "District", "Certificate expires"]
    ]


def test_the_learning_record_lists_the_persons_own_completions_as_they_were(client, catalogue):
    person = UserFactory()
    then_employer = OrganisationFactory(name="Fenland District Council")
    awareness = course_in(catalogue, "Domestic abuse awareness", cpd_hours="1.5")
    first = Completion.objects.create(
        user=person,
        course=awareness,
        completed_on=datetime.date(2024, 6, 3),
        organisation=then_employer,
        district=District.objects.get(slug="fenland"),
    )
    _certificate(first, datetime.date(2027, 6, 3))
    never_expires = course_in(catalogue, "Honour-based abuse", cpd_hours="2.0", certificate_validity_months=None)
    second = Completion.objects.create(
        user=person, course=never_expires, completed_on=datetime.date(2025, 1, 20), organisation=person.organisation
    )
    _certificate(second, None)
    Completion.objects.create(user=UserFactory(), course=awareness, completed_on=datetime.date(2025, 2, 2))
    client.force_login(person)
    response = client.get(RECORD)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="learning-record-')
    assert rows(response) == [
        ["Course", "Completed on", "CPD hours", "Organisation", "District", "Certificate expires"],
        ["Honour-based abuse", "2025-01-20", "2.0", person.organisation.name, "", "Does not expire"],
        ["Domestic abuse awareness", "2024-06-03", "1.5", "Fenland District Council", "Fenland", "2027-06-03"],
    ]


def test_the_learning_record_cannot_run_formulas_in_a_spreadsheet(client, catalogue):
    person = UserFactory()
    for number, title in enumerate(['=HYPERLINK("http://evil.example")', "+441234", "-1+1", "@SUM(A1)"]):
        course = course_in(catalogue, title, modules=0)
        employer = OrganisationFactory(name=f"=cmd|' /C calc'!A{number}")
        Completion.objects.create(
            user=person, course=course, completed_on=datetime.date(2025, 1, 1 + number), organisation=employer
        )
    client.force_login(person)
    for row in rows(client.get(RECORD))[1:]:
        assert row[0][0] == "'" and row[3].startswith("'=cmd")


@pytest.mark.parametrize("size", [1, 50])
def test_my_learning_runs_a_constant_number_of_queries(client, catalogue, size, django_assert_num_queries):
    person = UserFactory()
    today = timezone.localdate()
    for number in range(size):
        started = course_in(catalogue, f"Started {number}", modules=2)
        enrolment = services.enrol(person, started, source=Enrolment.Source.MANAGER)
        ModuleProgress.objects.create(enrolment=enrolment, module=ModulePage.objects.child_of(started).first())
        finished = course_in(catalogue, f"Finished {number}", modules=1)
        completion = Completion.objects.create(user=person, course=finished, completed_on=today)
        _certificate(completion, today + datetime.timedelta(days=10 + number))
    client.force_login(person)
    client.get(MY_LEARNING)
    with django_assert_num_queries(12):  # with the person's session bookings and assignments
        response = client.get(MY_LEARNING)
    assert len(response.context["overview"].in_progress) == size
    assert len(response.context["overview"].renewal_due) == size
    with django_assert_num_queries(3):
        assert len(rows(client.get(RECORD))) == size + 1
