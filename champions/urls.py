from django.urls import path

from . import views

app_name = "champions"

urlpatterns = [
    path("directory/", views.directory_redirect, name="directory"),
    path("me/", views.my_champion_page, name="mine"),
    path("me/apply/", views.apply, name="apply"),
    path("me/edit/", views.edit_profile, name="edit"),
    path("me/activity/new/", views.log_activity, name="log_activity"),
    path("me/withdraw/", views.withdraw, name="withdraw"),
    path("me/check-in/<str:token>/", views.check_in, name="check_in"),
    path("agreement/<str:token>/", views.manager_agreement, name="agreement"),
]
