from django.apps import AppConfig
from wagtail.users.apps import WagtailUsersAppConfig


class AccountsConfig(AppConfig):
    # The default config for "accounts", although this module also holds the Wagtail users' one.
    default = True
    name = "accounts"
    verbose_name = "Accounts and organisations"

    def ready(self):
        from . import signal_handlers

        signal_handlers.connect()


class WagtailUsersConfig(WagtailUsersAppConfig):
    """Wagtail's user admin, with forms for our User (full name, organisation, district), and a permission
    policy under which only superusers manage staff accounts (see accounts.viewsets)."""

    user_viewset = "accounts.viewsets.UserViewSet"

    def ready(self):
        from django.contrib.auth.models import Group
        from wagtail.permissions import register_permission_policy

        from .viewsets import UserPermissionPolicy

        User = self.apps.get_model("accounts", "User")
        register_permission_policy(User, UserPermissionPolicy(User))
        register_permission_policy(Group)
