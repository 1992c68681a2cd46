"""Response headers: framing for Wagtail's preview, the Content-Security-Policy and the Permissions-Policy."""

from csp.constants import HEADER, SELF, UNSAFE_INLINE
from csp.middleware import CSPMiddleware
from django.conf import settings


class AdminPreviewFrameMiddleware:
    """Let Wagtail's live preview frame its own preview pages; every other page stays DENY.

    It sits below Django's XFrameOptionsMiddleware in MIDDLEWARE, so it sees the
    response first; Django's middleware leaves an existing header alone.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith("/admin/") and "/preview/" in request.path:
            response.headers.setdefault("X-Frame-Options", "SAMEORIGIN")
        return response


# The admins' own templates still have inline <script> (Wagtail 8's date and time widgets, inline
# panels; checked in wagtail/admin/templates) and style attributes, with no nonce to give them: under
# the site's strict policy they stop working. Staff sign in with TOTP and the admin shows no text a
# learner wrote unescaped, so there scripts may also be inline, never from another origin.
ADMIN_PREFIXES = ("/admin/", "/django-admin/")
ADMIN_POLICY_ADDITIONS = {
    "script-src": [UNSAFE_INLINE],
    "style-src": [UNSAFE_INLINE],
    "img-src": ["blob:"],  # Wagtail's image chooser previews an upload before it is sent
}


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's policy from settings, relaxed for the admins, and framable by Wagtail's live preview."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if request.path_info.startswith(ADMIN_PREFIXES):
            parts.update = {**ADMIN_POLICY_ADDITIONS, **(parts.update or {})}
        return parts

    def process_response(self, request, response):
        response = super().process_response(request, response)
        path = request.path_info
        if path.startswith("/admin/") and "/preview/" in path and HEADER in response:
            # Wagtail serves the previewed page through the middleware again, so it carries the site's own
            # strict policy (right: it is the page as the public gets it), with frame-ancestors 'none';
            # the admin's preview panel must be able to frame it.
            kept = [part.strip() for part in response[HEADER].split(";") if part.strip()]
            kept = [part for part in kept if not part.startswith("frame-ancestors")]
            response[HEADER] = "; ".join([*kept, f"frame-ancestors {SELF}"])
        return response


class PermissionsPolicyMiddleware:
    """The ``Permissions-Policy`` header from ``settings.PERMISSIONS_POLICY`` (feature -> allowed origins).

    An empty list turns the feature off for the page and for anything it frames (``camera=()``).
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.header = ", ".join(
            f"{feature}=({' '.join(origins)})" for feature, origins in settings.PERMISSIONS_POLICY.items()
        )

    def __call__(self, request):
        response = self.get_response(request)
        if self.header:
            response.headers.setdefault("Permissions-Policy", self.header)
        return response
