from django.urls import path

from . import views

app_name = "privacy"

urlpatterns = [
    path("", views.your_data, name="your_data"),
    path("export/", views.request_export, name="request_export"),
    path("erase/", views.request_erasure, name="request_erasure"),
    path("exports/<uuid:export_id>/", views.download, name="download"),
    path("notice/", views.privacy_notice, name="notice"),
]
