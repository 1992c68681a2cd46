"""The Measures dashboard in the admin's Reports menu, and the audit-trail actions reports records."""

from django.urls import include, path, reverse
from wagtail import hooks

from home.admin_permissions import PolicyMenuItem

from . import admin_views, services
from .permissions import measures_policy


@hooks.register("register_admin_urls")
def register_measures_urls():
    urls = [
        path("", admin_views.MeasuresDashboard.as_view(), name="dashboard"),
        path("completions.csv", admin_views.CompletionsExport.as_view(), name="completions_export"),
        path("board-reports/", admin_views.RequestBoardReport.as_view(), name="request_board_report"),
        path(
            "board-reports/<int:report_id>/download/",
            admin_views.DownloadBoardReport.as_view(),
            name="download_board_report",
        ),
    ]
    return [path("measures/", include((urls, "reports_admin"), namespace="reports_admin"))]


@hooks.register("register_reports_menu_item")
def register_measures_menu_item():
    return PolicyMenuItem(
        "Measures",
        reverse("reports_admin:dashboard"),
        name="measures",
        icon_name="table",
        order=1,
        policy=measures_policy,
        action="view",
    )


@hooks.register("register_log_actions")
def register_reports_log_actions(actions):
    actions.register_action(services.FREEZE, "Freeze figures", "Figures frozen")
    actions.register_action(services.REFREEZE, "Freeze figures again", "Figures frozen again (forced)")
    actions.register_action(services.STAFF_LIST_DOWNLOAD, "Download staff list", "Staff list downloaded")
    actions.register_action(services.TOKEN_CREATE, "Create partner API token", "Partner API token created")
    actions.register_action(services.TOKEN_REVOKE, "Revoke partner API token", "Partner API token revoked")
    actions.register_action(services.BOARD_REPORT, "Render board report", "Board report rendered")
