"""The partner pages on the site (the API is in reports.api.urls)."""

from django.urls import path

from . import views

app_name = "reports"

urlpatterns = [
    path("", views.partner_figures, name="partner_figures"),
    path("staff/<int:organisation_id>/", views.organisation_staff, name="organisation_staff"),
    path(
        "staff/<int:organisation_id>/download.csv",
        views.organisation_staff_download,
        name="organisation_staff_download",
    ),
    path("api-tokens/", views.api_tokens, name="api_tokens"),
    path("api-tokens/<int:token_id>/revoke/", views.revoke_api_token, name="revoke_api_token"),
]
