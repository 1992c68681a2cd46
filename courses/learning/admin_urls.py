"""The training managers' "Learning" screens, mounted under /admin/learning/ by ``wagtail_hooks``."""

from django.urls import path

from . import admin_views, assignment_views

app_name = "courses_admin"

urlpatterns = [
    path("", admin_views.LearningIndexView.as_view(), name="index"),
    path("import/", admin_views.ImportCompletionsView.as_view(), name="import_completions"),
    path("enrol/", admin_views.EnrolPeopleView.as_view(), name="enrol_people"),
    path("assign/", assignment_views.AssignCourseView.as_view(), name="assign_course"),
    path("assignments/", assignment_views.AssignmentsView.as_view(), name="assignments"),
    path("courses/<int:course_id>/enrolments/", admin_views.CourseEnrolmentsView.as_view(), name="course_enrolments"),
    path(
        "courses/<int:course_id>/enrolments/withdraw/",
        admin_views.WithdrawEnrolmentsView.as_view(),
        name="withdraw_enrolments",
    ),
]
