from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme

from .forms import ProfileForm


@login_required
def profile(request):
    """The professional profile: where someone works and what they do.

    Right after sign-up people are sent here until it is complete, since a
    completion is counted under the organisation and district given here.
    """
    was_complete = request.user.profile_is_complete
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Your profile has been saved.")
        next_url = request.POST.get("next") or request.GET.get("next")
        if next_url and url_has_allowed_host_and_scheme(next_url, {request.get_host()}, request.is_secure()):
            return redirect(next_url)
        return redirect("/" if not was_complete else "accounts:profile")
    return render(
        request,
        "accounts/profile.html",
        {"form": form, "completing": not was_complete, "next": request.GET.get("next", "")},
    )


def admin_sign_in(request):
    """Wagtail's sign-in address sends people to the site's one sign-in, keeping where they were going.

    Answers a POST the same way and reads nothing from it: no password is ever checked here.
    """
    next_url = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}, request.is_secure()):
        next_url = ""
    login_url = reverse("account_login")
    return redirect(f"{login_url}?{urlencode({'next': next_url or reverse('wagtailadmin_home')})}")


def admin_password_reset(request):
    """Wagtail's password reset is off; anyone who follows an old link is sent to the site's own."""
    return redirect("account_reset_password")
