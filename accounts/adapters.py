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

from allauth.account.adapter import DefaultAccountAdapter, get_adapter
from allauth.account.forms import SignupForm as AllauthSignupForm
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
