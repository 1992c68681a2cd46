from django.apps import AppConfig
from wagtail.users.apps import WagtailUsersAppConfig


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = "Accounts and organisations"


class WagtailUsersConfig(WagtailUsersAppConfig):
    """Wagtail's user admin, with forms for our User (full name, organisation, district)."""

    user_viewset = "accounts.viewsets.UserViewSet"
