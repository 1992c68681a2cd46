"""Partner API tokens: ``Authorization: Bearer dasv_...``, looked up by their SHA-256 hash."""

from __future__ import annotations

from django.utils import timezone
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import exceptions
from rest_framework.authentication import BaseAuthentication, get_authorization_header
from rest_framework.permissions import BasePermission
from rest_framework.throttling import SimpleRateThrottle

from .. import services
from ..models import PartnerApiToken

MALFORMED = (
    "The Authorization header is malformed: send “Authorization: Bearer <token>” with the token you created "
    "on your API tokens page."
)
MAX_TOKEN_LENGTH = 100


class PartnerTokenAuthentication(BaseAuthentication):
    """A partner lead's API token. Missing: 401; malformed, unknown or revoked: 401 with the reason."""

    keyword = "bearer"

    def authenticate(self, request):
        parts = get_authorization_header(request).split()
        if not parts:
            return None
        if parts[0].lower() not in (b"bearer", b"token") or len(parts) != 2:
            raise exceptions.AuthenticationFailed(MALFORMED, code="malformed_token")
        try:
            secret = parts[1].decode("ascii")
        except UnicodeDecodeError:
            raise exceptions.AuthenticationFailed(MALFORMED, code="malformed_token") from None
        if not secret.startswith(services.TOKEN_PREFIX) or len(secret) > MAX_TOKEN_LENGTH:
            raise exceptions.AuthenticationFailed(
                "That is not a partner API token: tokens start with “dasv_”.", code="malformed_token"
            )
        token = PartnerApiToken.objects.select_related("user").filter(key_hash=services.hash_token(secret)).first()
        if token is None:
            raise exceptions.AuthenticationFailed("The token is not recognised.", code="unknown_token")
        if token.revoked_at is not None:
            raise exceptions.AuthenticationFailed(
                f"This token was revoked on {timezone.localtime(token.revoked_at):%-d %B %Y}: create a new one.",
                code="revoked_token",
            )
        if not token.user.is_active:
            raise exceptions.AuthenticationFailed("The account this token belongs to is closed.", code="inactive_user")
        services.token_used(token)
        return token.user, token

    def authenticate_header(self, request) -> str:
        return 'Bearer realm="partner-api"'


class HasPartnerFigures(BasePermission):
    """Partner leads (and training managers): the ``accounts.view_partner_figures`` permission."""

    message = "Your account does not have access to partner figures."

    def has_permission(self, request, view) -> bool:
        return bool(
            request.user and request.user.is_authenticated and request.user.has_perm("accounts.view_partner_figures")
        )


class PartnerApiThrottle(SimpleRateThrottle):
    """Requests per token (the rate is ``DEFAULT_THROTTLE_RATES["partner_api"]``, read at each request)."""

    scope = "partner_api"

    def get_rate(self):
        from rest_framework.settings import api_settings

        return api_settings.DEFAULT_THROTTLE_RATES.get(self.scope, "120/minute")

    def get_cache_key(self, request, view):
        token = request.auth
        ident = f"token-{token.pk}" if isinstance(token, PartnerApiToken) else self.get_ident(request)
        return self.cache_format % {"scope": self.scope, "ident": ident}


class PartnerTokenScheme(OpenApiAuthenticationExtension):
    target_class = "reports.api.authentication.PartnerTokenAuthentication"
    name = "partnerToken"

    def get_security_definition(self, auto_schema):
        return {
            "type": "http",
            "scheme": "bearer",
            "description": "A partner lead's API token (created on the site's API tokens page), "
            "sent as `Authorization: Bearer dasv_...`.",
        }
