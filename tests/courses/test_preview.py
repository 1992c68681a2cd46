"""Editors preview a course page (live preview, and a revision) as the public would see it.

In a preview the page's relations are modelcluster's in-memory ones (the form's data, not the database's),
so the course page must not need a queryset method such as ``.live()`` on them.
"""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import querydict_from_html

from tests.courses.course_pages import course
from tests.factories import ModulePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def course_with_a_prerequisite(demo_site):
    first = course("domestic-abuse-awareness", title="Domestic abuse awareness")
    second = course("dash-risk", title="DASH risk identification")
    second.prerequisites.set([first])
    second.save_revision().publish()
    ModulePageFactory(parent=second, title="What DASH asks")
    return second


@pytest.fixture
def editor_client(client, training_manager):
    client.force_login(training_manager)
    return client


def test_the_live_preview_of_a_course_page_shows_the_edited_course_and_its_prerequisites(
    editor_client, course_with_a_prerequisite
):
    page = course_with_a_prerequisite
    edit = editor_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert edit.status_code == 200
    data = querydict_from_html(edit.content.decode(), form_id="page-edit-form")
    data["title"] = "DASH risk identification (edited)"
    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])

    response = editor_client.post(preview_url, data)
    assert response.json() == {"is_valid": True, "is_available": True}
    response = editor_client.get(preview_url)

    assert response.status_code == 200
    html = response.content.decode()
    assert "DASH risk identification (edited)" in html
    assert "Domestic abuse awareness" in html  # the prerequisite, from the form's in-memory relation
    policy = response["Content-Security-Policy"]
    assert "frame-ancestors 'self'" in policy and "'none'" not in policy.split("frame-ancestors")[1]
    assert "script-src 'self';" in policy + ";"  # the page's own strict policy, as the public gets it


def test_an_earlier_revision_of_a_course_page_can_be_viewed(editor_client, course_with_a_prerequisite):
    page = course_with_a_prerequisite
    revision = page.latest_revision
    page.title = "A later title"
    page.save_revision()

    response = editor_client.get(reverse("wagtailadmin_pages:revisions_view", args=[page.pk, revision.pk]))

    assert response.status_code == 200
    html = response.content.decode()
    assert "DASH risk identification" in html and "A later title" not in html
    assert "Domestic abuse awareness" in html
