from functools import wraps
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.urls import reverse


def profile_required(view):
    """Signed in with a complete profile (organisation, district, job title), or sent to finish it."""

    @wraps(view)
    @login_required
    def wrapper(request, *args, **kwargs):
        if not request.user.profile_is_complete:
            messages.info(request, "Please complete your profile first: we need to know where you work.")
            return redirect(f"{reverse('accounts:profile')}?{urlencode({'next': request.get_full_path()})}")
        return view(request, *args, **kwargs)

    return wrapper
