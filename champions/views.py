"""Pages of the champion network for professionals and champions. Thin: parse, call a service or selector, render.

The directory, a champion's page and the message form are routes of
``ChampionDirectoryPage`` (champions/models.py); these have ordinary URLs under /champions/.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from accounts.decorators import profile_required
from courses.certificates import selectors as certificate_selectors

from . import selectors, services
from .forms import ActivityForm, ChampionProfileForm
from .models import ChampionDirectoryPage, ChampionStatus


def _directory_page() -> ChampionDirectoryPage | None:
    return ChampionDirectoryPage.objects.live().public().first()


@profile_required
def directory_redirect(request: HttpRequest) -> HttpResponse:
    """A stable address for the header link: wherever the directory page sits in the page tree."""
    page = _directory_page()
    if page is None:
        raise Http404("The champion directory has not been published yet.")
    return redirect(page.url)


@profile_required
def my_champion_page(request: HttpRequest) -> HttpResponse:
    """The champion's own page: status, certificate expiry, events attended, activity, upcoming events.

    For someone who is not a champion it explains the role and how to apply.
    """
    profile = selectors.champion_profile_for(request.user)
    certificate = certificate_selectors.valid_champion_certificate(request.user)
    context = {
        "profile": profile,
        "certificate": certificate,
        "champion_courses": certificate_selectors.champion_training_courses(),
        "directory_page": _directory_page(),
    }
    if profile is not None:
        context.update(
            history=selectors.status_history(profile)[:10],
            activities=selectors.activities_of(profile)[:50],
            events_attended=selectors.events_attended_by(request.user)[:50],
            upcoming_events=(selectors.upcoming_network_events() if profile.status == ChampionStatus.ACTIVE else []),
            can_renew=profile.status == ChampionStatus.LAPSED and certificate is not None,
        )
    return render(request, "champions/my_champion_page.html", context)


@profile_required
@require_POST
def apply(request: HttpRequest) -> HttpResponse:
    """Apply to become a champion (or restore a lapsed champion whose training is renewed)."""
    try:
        profile = services.apply(request.user)
    except services.ChampionError as error:
        messages.error(request, str(error))
        return redirect("champions:mine")
    if profile.status == ChampionStatus.ACTIVE:
        messages.success(request, "Welcome back: you are an active Domestic Abuse Champion again.")
    else:
        messages.success(
            request, "Thank you for applying. A training manager will review your application and email you."
        )
    return redirect("champions:mine")


@profile_required
def edit_profile(request: HttpRequest) -> HttpResponse:
    """The champion chooses what the directory shows, and whether to appear in it at all."""
    profile = selectors.champion_profile_for(request.user)
    if profile is None or profile.status in (ChampionStatus.WITHDRAWN, ChampionStatus.DECLINED):
        messages.info(request, "Apply to become a champion first.")
        return redirect("champions:mine")
    form = ChampionProfileForm(request.POST or None, instance=profile)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_profile(profile, **form.cleaned_data)
        except services.ChampionError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "Your champion profile has been saved.")
            return redirect("champions:mine")
    return render(request, "champions/edit_profile.html", {"form": form, "profile": profile})


@profile_required
def log_activity(request: HttpRequest) -> HttpResponse:
    """An active champion logs an activity as counts (never details of a victim)."""
    profile = selectors.champion_profile_for(request.user)
    if profile is None or profile.status != ChampionStatus.ACTIVE:
        messages.info(request, "Only active champions can log activity.")
        return redirect("champions:mine")
    form = ActivityForm(request.POST or None, initial={"activity_date": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            services.log_activity(profile, **form.cleaned_data)
        except services.ChampionError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "Your activity has been logged.")
            return redirect("champions:mine")
    return render(request, "champions/log_activity.html", {"form": form})


@profile_required
def withdraw(request: HttpRequest) -> HttpResponse:
    """Step down as a champion (or withdraw an application): asks to confirm first."""
    profile = selectors.champion_profile_for(request.user)
    if profile is None or profile.status in (ChampionStatus.WITHDRAWN, ChampionStatus.DECLINED):
        return redirect("champions:mine")
    if request.method == "POST":
        try:
            services.withdraw(profile, by=request.user, reason="Withdrew themselves")
        except services.ChampionError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, "You have stepped down as a champion and left the directory.")
        return redirect("champions:mine")
    return render(request, "champions/withdraw.html", {"profile": profile})
