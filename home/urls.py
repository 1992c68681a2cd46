from django.urls import path

from . import views

urlpatterns = [
    path("health/", views.health, name="health"),
    path("exit/", views.exit_this_page, name="exit_this_page"),
    path("staying-safe-online/", views.staying_safe_online, name="staying_safe_online"),
]
