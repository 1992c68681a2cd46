"""Training managers enrol lists of people on a course and withdraw enrolments, in the Wagtail admin."""

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from courses.models import Enrolment
from tests.courses.course_pages import course
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

ENROL = "/admin/learning/enrol/"


def enrolments_url(course_page) -> str:
    return f"/admin/learning/courses/{course_page.pk}/enrolments/"


def withdraw_url(course_page) -> str:
    return f"/admin/learning/courses/{course_page.pk}/enrolments/withdraw/"


@pytest.fixture
def stalking():
    return course("stalking-and-harassment", "Stalking and harassment")


@pytest.fixture
def manager_client(client, training_manager):
    client.force_login(training_manager)
    return client


@pytest.fixture
def trainer(db):
    return UserFactory(groups=["Trainers"], job_title="Domestic abuse trainer")


def page_text(response) -> str:
    return response.content.decode()


def test_a_manager_enrols_people_ticked_from_a_search_and_each_is_emailed_a_link_to_the_course(
    manager_client, training_manager, stalking, django_capture_on_commit_callbacks
):
    priya = UserFactory(full_name="Priya Shah", email="priya.shah@cpft.nhs.uk")
    UserFactory(full_name="Priya Patel", email="ppatel@cambs.police.uk", is_active=False)
    UserFactory(full_name="Daniel Okafor")

    found = manager_client.post(ENROL, {"course": stalking.pk, "search": "priya", "action": "search"})
    html = page_text(found)
    assert "Priya Shah (priya.shah@cpft.nhs.uk)" in html
    assert "Priya Patel" not in html  # inactive accounts cannot be enrolled
    assert "Daniel Okafor" not in html

    with django_capture_on_commit_callbacks(execute=True):
        response = manager_client.post(ENROL, {"course": stalking.pk, "people": [priya.pk], "action": "enrol"})
    assert response.status_code == 302
    assert response.url == enrolments_url(stalking)
    enrolment = Enrolment.objects.get()
    assert enrolment.user == priya
    assert enrolment.course == stalking
    assert enrolment.status == Enrolment.Status.ACTIVE
    assert enrolment.source == Enrolment.Source.MANAGER
    assert enrolment.enrolled_by == training_manager

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["priya.shah@cpft.nhs.uk"]
    assert message.subject == "You have been enrolled on Stalking and harassment"
    # On the site's public address (SITE_URL), not the Wagtail site record's host name.
    assert "http://testserver/courses/stalking-and-harassment/" in message.body
    assert training_manager.full_name in message.body

    listing = page_text(manager_client.get(response.url))
    assert "Enrolled 1 person on “Stalking and harassment”; 0 were already enrolled." in listing
    assert "Priya Shah" in listing


def test_pasted_addresses_are_enrolled_and_the_result_counts_those_already_enrolled(
    manager_client, stalking, django_capture_on_commit_callbacks
):
    from courses.learning import services

    already = UserFactory(email="already@example.org")
    services.enrol(already, stalking)
    first = UserFactory(email="first@example.org")
    second = UserFactory(email="second@example.org")
    pasted = "First@Example.org\n\n  second@example.org ; already@example.org\nfirst@example.org\n"

    with django_capture_on_commit_callbacks(execute=True):
        response = manager_client.post(ENROL, {"course": stalking.pk, "emails": pasted, "action": "enrol"}, follow=True)

    assert "Enrolled 2 people on “Stalking and harassment”; 1 was already enrolled." in page_text(response)
    assert set(Enrolment.objects.filter(source=Enrolment.Source.MANAGER).values_list("user", flat=True)) == {
        first.pk,
        second.pk,
    }
    assert Enrolment.objects.filter(user=already).count() == 1
    assert sorted(m.to[0] for m in mail.outbox) == ["first@example.org", "second@example.org"]


def test_an_uploaded_csv_with_an_email_column_enrols_everyone_in_it(manager_client, stalking):
    people = [UserFactory(email=f"person{i}@fenland.gov.uk") for i in range(3)]
    upload = SimpleUploadedFile(
        "team.csv",
        ("\ufeffname,email\r\n" + "".join(f"P {i},{p.email}\r\n" for i, p in enumerate(people))).encode(),
        content_type="text/csv",
    )
    response = manager_client.post(ENROL, {"course": stalking.pk, "file": upload, "action": "enrol"}, follow=True)
    assert "Enrolled 3 people" in page_text(response)
    assert Enrolment.objects.filter(course=stalking, status="active").count() == 3


def test_unknown_and_inactive_addresses_in_an_upload_are_listed_by_line_and_nobody_is_enrolled(
    manager_client, stalking
):
    UserFactory(email="fine@example.org")
    UserFactory(email="left@example.org", is_active=False)
    upload = SimpleUploadedFile(
        "list.txt", b"fine@example.org\nnobody@example.org\n\nleft@example.org\nnot an address@\n", "text/plain"
    )
    response = manager_client.post(ENROL, {"course": stalking.pk, "file": upload, "action": "enrol"})

    assert response.status_code == 200
    errors = response.context["form"].errors["file"]
    assert errors == [
        "Line 2: nobody has an account with the address nobody@example.org.",
        "Line 4: the account for left@example.org is not active (they have not signed up yet, or have left).",
        "Line 5: “not” is not a valid email address.",
        "Line 5: “an” is not a valid email address.",
        "Line 5: “address@” is not a valid email address.",
    ]
    html = page_text(response)
    assert "Nobody was enrolled" in html
    assert "Line 2: nobody has an account with the address nobody@example.org." in html
    assert not Enrolment.objects.exists()
    assert len(mail.outbox) == 0


def test_problems_in_pasted_addresses_are_listed_by_line(manager_client, stalking):
    UserFactory(email="fine@example.org")
    response = manager_client.post(
        ENROL, {"course": stalking.pk, "emails": "fine@example.org\nwho@example.org", "action": "enrol"}
    )
    assert response.context["form"].errors["emails"] == [
        "Line 2: nobody has an account with the address who@example.org."
    ]
    assert not Enrolment.objects.exists()


def test_enrolling_with_nobody_given_or_no_course_is_refused(manager_client, stalking):
    response = manager_client.post(ENROL, {"course": stalking.pk, "action": "enrol"})
    assert "Choose at least one person" in page_text(response)
    response = manager_client.post(ENROL, {"emails": "someone@example.org", "action": "enrol"})
    assert "course" in response.context["form"].errors
    assert not Enrolment.objects.exists()


def test_a_new_search_keeps_the_people_already_ticked_and_the_pasted_list(manager_client, stalking):
    ticked = UserFactory(full_name="Alice Ticked")
    UserFactory(full_name="Bob Found")
    response = manager_client.post(
        ENROL,
        {"course": stalking.pk, "people": [ticked.pk], "search": "bob", "emails": "x@example.org", "action": "search"},
    )
    html = page_text(response)
    assert "Bob Found" in html
    assert f'value="{ticked.pk}" id="id_people_' in html and "checked" in html
    assert "x@example.org</textarea>" in html
    assert not Enrolment.objects.exists()


def test_a_courses_enrolments_are_listed_filtered_and_paginated(manager_client, stalking):
    from courses.learning import services

    for i in range(55):
        services.enrol(UserFactory(full_name=f"Learner {i:02d}"), stalking)
    withdrawn = services.withdraw(services.enrol(UserFactory(full_name="Wendy Withdrawn"), stalking))
    other_course = course("forced-marriage", "Forced marriage and FGM")
    services.enrol(UserFactory(full_name="Elsewhere Person"), other_course)

    first_page = page_text(manager_client.get(enrolments_url(stalking)))
    assert "Page 1 of 2 (56 enrolments)" in first_page
    assert "Elsewhere Person" not in first_page
    assert first_page.count('name="enrolment"') == 49  # 50 rows, one of them withdrawn (no checkbox)

    second_page = page_text(manager_client.get(enrolments_url(stalking) + "?p=2"))
    assert "Page 2 of 2" in second_page

    only_withdrawn = page_text(manager_client.get(enrolments_url(stalking) + "?status=withdrawn"))
    assert "Wendy Withdrawn" in only_withdrawn
    assert "Learner 00" not in only_withdrawn
    assert withdrawn.status == Enrolment.Status.WITHDRAWN

    searched = page_text(manager_client.get(enrolments_url(stalking) + "?q=learner+07"))
    assert "Learner 07" in searched
    assert "Learner 08" not in searched


def test_the_enrolments_list_runs_the_same_queries_for_one_enrolment_or_sixty(
    manager_client, stalking, django_assert_num_queries
):
    from courses.learning import services

    services.enrol(UserFactory(), stalking)
    manager_client.get(enrolments_url(stalking))  # warm per-process caches (content types, site root paths)
    with CaptureQueriesContext(connection) as captured:
        manager_client.get(enrolments_url(stalking))
    one = len(captured)

    for _ in range(59):
        services.enrol(UserFactory(), stalking, by=UserFactory(), source=Enrolment.Source.MANAGER)
    with django_assert_num_queries(one):
        response = manager_client.get(enrolments_url(stalking))
    assert len(response.context["enrolments"]) == 50


def test_the_courses_list_runs_the_same_queries_for_one_course_or_many(manager_client, django_assert_num_queries):
    from courses.learning import services

    services.enrol(UserFactory(), course("course-0"))
    manager_client.get("/admin/learning/")
    with CaptureQueriesContext(connection) as captured:
        manager_client.get("/admin/learning/")
    one = len(captured)
    for i in range(1, 20):
        services.enrol(UserFactory(), course(f"course-{i}"))
    with django_assert_num_queries(one):
        response = manager_client.get("/admin/learning/")
    assert "Course 19" in page_text(response)


def test_withdrawing_asks_for_confirmation_then_withdraws_only_the_selected_active_enrolments(manager_client, stalking):
    from courses.learning import services

    keep, go, done = (UserFactory(full_name=name) for name in ("Kim Keep", "Gus Go", "Dee Done"))
    keep_enrolment = services.enrol(keep, stalking)
    go_enrolment = services.enrol(go, stalking)
    done_enrolment = services.enrol(done, stalking)
    services.record_completion(done, stalking, enrolment=done_enrolment)

    confirm = manager_client.post(withdraw_url(stalking), {"enrolment": [go_enrolment.pk, done_enrolment.pk]})
    html = page_text(confirm)
    assert confirm.status_code == 200
    assert "Withdraw 1 person from “Stalking and harassment”?" in html
    assert "Gus Go" in html and "Dee Done" not in html
    go_enrolment.refresh_from_db()
    assert go_enrolment.status == Enrolment.Status.ACTIVE  # nothing changes before confirming

    response = manager_client.post(
        withdraw_url(stalking), {"enrolment": [go_enrolment.pk, done_enrolment.pk], "confirm": "yes"}, follow=True
    )
    assert "Withdrew 1 enrolment from “Stalking and harassment”." in page_text(response)
    for enrolment in (keep_enrolment, go_enrolment, done_enrolment):
        enrolment.refresh_from_db()
    assert go_enrolment.status == Enrolment.Status.WITHDRAWN
    assert go_enrolment.withdrawn_at is not None
    assert keep_enrolment.status == Enrolment.Status.ACTIVE
    assert done_enrolment.status == Enrolment.Status.COMPLETED

    again = manager_client.post(withdraw_url(stalking), {"enrolment": [go_enrolment.pk], "confirm": "yes"}, follow=True)
    assert "Withdrew 0 enrolments" in page_text(again)


def test_withdrawing_with_nothing_selected_says_so(manager_client, stalking):
    response = manager_client.post(withdraw_url(stalking), {}, follow=True)
    assert "Select at least one enrolment that is in progress" in page_text(response)


def test_an_enrolment_on_another_course_cannot_be_withdrawn_through_this_one(manager_client, stalking):
    from courses.learning import services

    elsewhere = services.enrol(UserFactory(), course("honour-based-abuse"))
    manager_client.post(withdraw_url(stalking), {"enrolment": [elsewhere.pk], "confirm": "yes"})
    elsewhere.refresh_from_db()
    assert elsewhere.status == Enrolment.Status.ACTIVE


@pytest.mark.parametrize("who", ["trainer", "professional"])
def test_trainers_and_professionals_cannot_enrol_people_or_withdraw_enrolments(client, who, request, stalking):
    from courses.learning import services

    person = request.getfixturevalue(who)
    learner = UserFactory(email="learner@example.org")
    enrolment = services.enrol(learner, stalking)
    client.force_login(person)

    for response in (
        client.get(ENROL),
        client.post(ENROL, {"course": stalking.pk, "emails": "learner@example.org", "action": "enrol"}),
        client.post(ENROL, {"course": stalking.pk, "people": [person.pk], "action": "enrol"}),
        client.post(withdraw_url(stalking), {"enrolment": [enrolment.pk], "confirm": "yes"}),
    ):
        assert response.status_code in (302, 403)
        assert not response.get("Location", "").startswith("/admin/learning/")
    enrolment.refresh_from_db()
    assert enrolment.status == Enrolment.Status.ACTIVE
    assert Enrolment.objects.count() == 1
    assert len(mail.outbox) == 0


def test_a_trainer_sees_a_courses_enrolments_without_the_means_to_withdraw_them(client, trainer, stalking):
    from courses.learning import services

    services.enrol(UserFactory(full_name="Visible Learner"), stalking)
    client.force_login(trainer)
    html = page_text(client.get(enrolments_url(stalking)))
    assert "Visible Learner" in html
    assert 'name="enrolment"' not in html
    assert "Withdraw selected" not in html


def test_a_professional_cannot_see_enrolments(client, professional, stalking):
    client.force_login(professional)
    response = client.get(enrolments_url(stalking))
    assert response.status_code == 302
    assert "Visible" not in page_text(response)


def test_signed_out_visitors_are_sent_to_sign_in(client, stalking):
    for url in (ENROL, enrolments_url(stalking), "/admin/learning/", "/admin/learning/import/"):
        response = client.get(url)
        assert response.status_code == 302
        assert "login" in response.url


def test_the_learning_menu_shows_each_person_only_what_they_may_use(client, training_manager, trainer):
    client.force_login(training_manager)
    html = page_text(client.get("/admin/"))
    for label in ("Learning", "Courses and enrolments", "Enrol people", "Import completions"):
        assert label in html
    client.force_login(trainer)
    html = page_text(client.get("/admin/"))
    assert "Courses and enrolments" in html
    assert "Enrol people" not in html
    assert "Import completions" not in html


def test_someone_refused_cannot_tell_which_courses_exist(client, professional, trainer, stalking):
    missing = course("missing-course")
    missing_id = missing.pk
    missing.delete()

    def refused_the_same_way(person, path: str) -> None:
        client.force_login(person)
        existing = client.post(f"/admin/learning/courses/{stalking.pk}/{path}")
        absent = client.post(f"/admin/learning/courses/{missing_id}/{path}")
        assert existing.status_code == absent.status_code == 302
        assert existing.url.split("?")[0] == absent.url.split("?")[0]

    refused_the_same_way(professional, "enrolments/")
    refused_the_same_way(professional, "enrolments/withdraw/")
    refused_the_same_way(trainer, "enrolments/withdraw/")
