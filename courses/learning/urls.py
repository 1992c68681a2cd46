from django.urls import path

from . import assignment_views, follow_up_views, views

app_name = "courses"

urlpatterns = [
    path("", views.my_learning, name="my_learning"),
    path("record.csv", views.learning_record_csv, name="learning_record_csv"),
    path("catalogue/", views.catalogue_redirect, name="catalogue"),
    path("continue/<int:course_id>/", views.resume, name="continue"),
    path("assign/<int:organisation_id>/", assignment_views.assign_to_own_staff, name="assign_to_staff"),
    path("follow-up/<str:token>/", follow_up_views.follow_up, name="follow_up"),
    path("evaluation/<int:completion_id>/", views.evaluation, name="evaluation"),
]
