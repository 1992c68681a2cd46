from django.urls import path

from . import views

app_name = "sessions"

urlpatterns = [
    path("<int:session_id>/", views.session_page, name="session"),
    path("<int:session_id>/book/", views.book, name="book"),
    path("bookings/<int:booking_id>/cancel/", views.cancel, name="cancel"),
]
