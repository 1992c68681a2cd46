"""How django-allauth signs people up here.

Accounts are placed in an organisation by email domain, people are sent to
finish their profile, and an account created by importing someone's
training history is *claimed* by signing up with its address: the sign-up
fills in that account (password, name), activates it and sends the usual
verification email, so the imported history stays attached.

The sign-up form lives here, not in ``accounts.forms``: allauth builds its
own sign-up form on ``accounts.forms.SignupExtraForm``, so a subclass of
allauth's form cannot be defined in that module without a circular import.
"""

import time
from types import SimpleNamespace

from allauth.account import app_settings as account_settings
from allauth.account.adapter import DefaultAccountAdapter, get_adapter
from allauth.account.authentication import get_authentication_records
from allauth.account.forms import LoginForm as AllauthLoginForm
from allauth.account.forms import ResetPasswordForm as AllauthResetPasswordForm
from allauth.account.forms import SignupForm as AllauthSignupForm
from django.conf import settings
from django.core.exceptions import ValidationError
from django.urls import reverse

from . import services
from .models import User


class SignupForm(AllauthSignupForm):
    """allauth's sign-up form, except that an unclaimed imported account's address is not "already registered"."""

    def clean_email(self) -> str:
        email = get_adapter().clean_email(User.objects.normalize_email(self.cleaned_data["email"]))
        if services.unclaimed_account(email) is not None:
            self.account_already_exists = False
            return email
        return super().clean_email()


class LoginForm(AllauthLoginForm):
    """allauth's sign-in form without its "Forgot your password?" help text: the page has its own link."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["password"].help_text = ""


class ResetPasswordForm(AllauthResetPasswordForm):
    """The password-reset request: the same answer whether or not the address has an account.

    allauth says "not assigned to any user account" unless ACCOUNT_PREVENT_ENUMERATION is on, which would
    also blur sign-up's message; here the page never says, and an address without an account is sent
    allauth's "unknown account" email instead, so its owner still learns what happened.
    """

    def clean_email(self) -> str:
        try:
            return super().clean_email()
        except ValidationError:
            # allauth's "unknown_email", raised after it found no users: carry on to the email.
            self.users = []
            return self.cleaned_data["email"]


class AccountAdapter(DefaultAccountAdapter):
    """Places new accounts by email domain and sends people to finish their profile."""

    def save_user(self, request, user, form, commit=True):
        unclaimed = services.unclaimed_account((getattr(form, "cleaned_data", None) or {}).get("email", ""))
        if unclaimed is not None:
            # Fill in the imported account instead of creating a second one for the same address.
            user = unclaimed
        user = super().save_user(request, user, form, commit=False)
        if unclaimed is not None:
            services.claim_account(user)
        services.place_in_organisation_by_domain(user)
        if commit:
            user.save()
        return user

    def _profile_or(self, request, default):
        user = request.user
        if user.is_authenticated and not user.profile_is_complete:
            return reverse("accounts:profile")
        return default

    def get_login_redirect_url(self, request):
        return self._profile_or(request, super().get_login_redirect_url(request))

    def get_signup_redirect_url(self, request):
        return self._profile_or(request, super().get_signup_redirect_url(request))

    def is_reauthentication_required(self, *, app: str, **kwargs) -> bool:
        """Setting up two-step sign-in right after signing in does not ask for the password a second time.

        allauth counts only a re-entered password as recent; staff are sent to the set-up straight from
        the sign-in page, so a sign-in within the reauthentication timeout counts too.
        """
        if app == "allauth.mfa" and self._signed_in_recently():
            return False
        return super().is_reauthentication_required(app=app, **kwargs)

    def _signed_in_recently(self) -> bool:
        request = self.request
        if request is None or not request.user.is_authenticated:
            return False
        records = get_authentication_records(request, request.user)
        return bool(records) and time.time() - records[-1]["at"] < account_settings.REAUTHENTICATION_TIMEOUT

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        """allauth's emails speak as the site, not as the host name the request came in on.

        allauth's own templates greet with "Hello from <host>!"; ours (templates/account/email,
        templates/mfa/email) sign off as the training team, with the site's and the partnership's names.
        """
        # allauth's own send_mail reads the request from its middleware's context, which is gone when a
        # notice is sent from an on-commit callback after the response; the adapter keeps its own.
        request = self.request
        site_name = settings.WAGTAIL_SITE_NAME
        context = {
            "request": request,
            "email": email,
            "site_name": site_name,
            "partnership_name": partnership_name(request),
            # For any allauth template not overridden here.
            "current_site": SimpleNamespace(name=site_name, domain=request.get_host() if request else ""),
            **context,
        }
        self.render_mail(template_prefix, email, context).send()

    def send_notification_mail(self, template_prefix: str, user, context=None, email=None) -> None:
        """allauth's notices (password changed, two-step sign-in turned on...) greet the person by name."""
        super().send_notification_mail(template_prefix, user, {"user": user, **(context or {})}, email)


def partnership_name(request) -> str:
    """The partnership's name from the site settings a training manager edits (home.SiteSettings)."""
    from home.selectors import site_settings

    return site_settings(request).partnership_name
