from allauth.account.adapter import DefaultAccountAdapter
from django.urls import reverse

from . import services


class AccountAdapter(DefaultAccountAdapter):
    """Places new accounts by email domain and sends people to finish their profile."""

    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=False)
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
