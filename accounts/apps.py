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
    """Wagtail's user admin, with forms for our User (full name, organisation, district)."""

    user_viewset = "accounts.viewsets.UserViewSet"
