"""Staff must set up two-step sign-in before they reach the parts of the site that need it."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse

from . import roles, two_step

MESSAGE = (
    "Your role lets you see other people's records, so your account needs two-step sign-in. "
    "Set it up now with an authenticator app on your phone: it takes a minute."
)


class StaffTwoStepMiddleware:
    """Sends a staff member (roles.STAFF_GROUPS, superusers) without TOTP to allauth's set-up page.

    Only from the staff areas: the Wagtail admin (with the managers' dashboard) and the partner pages
    (with the API tokens). The learner site, the two-step pages themselves, signing out and static files
    lie outside them, so staff can still learn, set it up and leave. With TOTP cached as set up
    (accounts.two_step) a request costs no query here.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self._areas: tuple[str, ...] | None = None
        self._open: tuple[str, ...] | None = None

    def _protected(self, path: str) -> bool:
        if self._areas is None:
            self._areas = (reverse("wagtailadmin_home"), reverse("reports:partner_figures"))
            # Wagtail's own sign-in and sign-out addresses: the first only redirects to allauth's.
            self._open = (reverse("admin_sign_in"), reverse("wagtailadmin_logout"))
        return path.startswith(self._areas) and not path.startswith(self._open)

    def __call__(self, request):
        if self._protected(request.path_info) and self._must_set_up(request.user):
            messages.warning(request, MESSAGE)
            return redirect("mfa_activate_totp")
        return self.get_response(request)

    @staticmethod
    def _must_set_up(user) -> bool:
        if not user.is_authenticated or two_step.has_two_step(user):
            return False
        return roles.is_staff_member(user)
