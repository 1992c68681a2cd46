from django.urls import path, re_path
from drf_spectacular.views import SpectacularAPIView

from ..views import api_docs
from . import views

app_name = "reports_api"

urlpatterns = [
    path("measures/", views.MeasuresView.as_view(), name="measures"),
    path("periods/", views.PeriodsView.as_view(), name="periods"),
    path(
        "schema/",
        SpectacularAPIView.as_view(authentication_classes=[], permission_classes=[], schema=None),
        name="schema",
    ),
    path("docs/", api_docs, name="docs"),
    re_path(r"^.*$", views.not_found),
]
