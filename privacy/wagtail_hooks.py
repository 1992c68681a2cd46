"""The Data protection menu in the admin (for data protection officers) and the audit actions it records."""

from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.menu import Menu, SubmenuMenuItem

from home.admin_permissions import PolicyMenuItem

from . import admin_views, services
from .permissions import audit_policy, erasure_request_policy, legal_hold_policy


class DataProtectionMenu(SubmenuMenuItem):
    def is_shown(self, request):
        return erasure_request_policy.user_has_permission(request.user, "view")


@hooks.register("register_admin_urls")
def register_privacy_admin_urls():
    urls = [
        path("requests/", admin_views.RequestListView.as_view(), name="requests"),
        path("requests/<int:pk>/", admin_views.RequestView.as_view(), name="request"),
        path("people/", admin_views.PeopleView.as_view(), name="people"),
        path("people/<int:pk>/", admin_views.PersonView.as_view(), name="person"),
        path("audit/", admin_views.AuditView.as_view(), name="audit"),
    ]
    return [path("privacy/", include((urls, "privacy_admin"), namespace="privacy_admin"))]


@hooks.register("register_admin_menu_item")
def register_privacy_menu():
    menu = Menu(
        items=[
            PolicyMenuItem(
                "Erasure requests",
                reverse("privacy_admin:requests"),
                icon_name="warning",
                order=100,
                policy=erasure_request_policy,
                action="view",
            ),
            PolicyMenuItem(
                "People and legal holds",
                reverse("privacy_admin:people"),
                icon_name="user",
                order=200,
                policy=legal_hold_policy,
                action="view",
            ),
            PolicyMenuItem(
                "Audit log",
                reverse("privacy_admin:audit"),
                icon_name="history",
                order=300,
                policy=audit_policy,
                action="view",
            ),
        ]
    )
    return DataProtectionMenu("Data protection", menu, icon_name="lock", order=900)


@hooks.register("register_log_actions")
def register_privacy_log_actions(actions):
    actions.register_action(services.ERASURE_REQUESTED, "Erasure request", "Erasure requested")
    actions.register_action(services.ERASURE_REFUSED, "Erasure refusal", "Erasure request refused")
    actions.register_action(services.ERASURE_APPROVED, "Erasure", "Erasure approved and carried out")
    actions.register_action(services.HOLD_PLACED, "Legal hold", "Placed on legal hold")
    actions.register_action(services.HOLD_LIFTED, "Legal hold lifted", "Legal hold lifted")
    actions.register_action(services.EXPORT_CREATED, "Subject-access export", "Subject-access export made")
    actions.register_action(services.EXPORT_DOWNLOADED, "Subject-access download", "Subject-access export downloaded")
    actions.register_action(services.RETENTION_RUN, "Retention run", "Retention schedule applied")
