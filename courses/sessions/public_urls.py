"""Check-in and calendar feed addresses (mounted at /sessions/ beside the booking pages, namespace
"session_pages")."""

from django.urls import path

from . import public_views

app_name = "session_pages"

urlpatterns = [
    path("check-in/", public_views.confirm, name="check_in_confirm"),
    path("check-in/<str:code>/", public_views.scan, name="check_in"),
    path("calendar/", public_views.calendar_feed, name="calendar_feed"),
    path("calendar/reset/", public_views.reset_calendar_feed, name="reset_calendar_feed"),
    path("calendar/<str:token>.ics", public_views.calendar_feed_ics, name="calendar_feed_ics"),
]
