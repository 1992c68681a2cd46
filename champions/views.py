"""Pages of the champion network for professionals and champions. Thin: parse, call a service or selector, render.

The directory, a champion's page and the message form are routes of
``ChampionDirectoryPage`` (champions/models.py); these have ordinary URLs under /champions/.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from accounts.decorators import profile_required
from courses.certificates import selectors as certificate_selectors

from . import agreements, check_ins, selectors, services
from .forms import ActivityForm, AgreementAnswerForm, ApplyForm, ChampionProfileForm
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


def _my_champion_page(request: HttpRequest, apply_form: ApplyForm | None = None, status: int = 200) -> HttpResponse:
    profile = selectors.champion_profile_for(request.user)
    certificate = certificate_selectors.valid_champion_certificate(request.user)
    context = {
        "profile": profile,
        "certificate": certificate,
        "champion_courses": certificate_selectors.champion_training_courses(),
        "directory_page": _directory_page(),
        "apply_form": apply_form or ApplyForm(),
    }
    if profile is not None:
        check_in = check_ins.open_check_in(profile) if profile.status == ChampionStatus.ACTIVE else None
        context.update(
            history=selectors.status_history(profile)[:10],
            activities=selectors.activities_of(profile)[:50],
            events_attended=selectors.events_attended_by(request.user)[:50],
            upcoming_events=(selectors.upcoming_network_events() if profile.status == ChampionStatus.ACTIVE else []),
            can_renew=profile.status == ChampionStatus.LAPSED and certificate is not None,
            agreement=agreements.current_agreement(profile) if profile.status == ChampionStatus.APPLIED else None,
            check_in=check_in,
            check_in_url=check_ins.link_for(check_in) if check_in else "",
        )
    return render(request, "champions/my_champion_page.html", context, status=status)


@profile_required
def my_champion_page(request: HttpRequest) -> HttpResponse:
    """The champion's own page: status, certificate expiry, events attended, activity, upcoming events.

    For someone who is not a champion it explains the role and how to apply (with their line manager's
    details); an applicant sees whether their manager has agreed; a champion, any check-in to confirm.
    """
    return _my_champion_page(request)


@profile_required
@require_POST
def apply(request: HttpRequest) -> HttpResponse:
    """Apply to become a champion, naming the line manager (or restore a lapsed champion whose training is renewed)."""
    profile = selectors.champion_profile_for(request.user)
    details = {}
    if profile is None or profile.status != ChampionStatus.LAPSED:
        form = ApplyForm(request.POST)
        if not form.is_valid():
            return _my_champion_page(request, apply_form=form, status=400)
        details = form.cleaned_data
    try:
        profile = services.apply(request.user, **details)
    except services.ChampionError as error:
        messages.error(request, str(error))
        return redirect("champions:mine")
    if profile.status == ChampionStatus.ACTIVE:
        messages.success(request, "Welcome back: you are an active Domestic Abuse Champion again.")
    else:
        messages.success(
            request,
            "Thank you for applying. We have emailed your line manager the role agreement; a training manager "
            "will review your application once they agree, and email you.",
        )
    return redirect("champions:mine")


@never_cache
def manager_agreement(request: HttpRequest, token: str) -> HttpResponse:
    """The line manager reads the role agreement and agrees or declines: no account, only the signed link.

    An altered link is refused (400); answering an answered link (409) or an expired one (410) changes nothing
    and says why. Once answered, the page shows the answer.
    """
    try:
        agreement = agreements.agreement_from_token(token)
    except agreements.AgreementLinkError as error:
        return render(request, "champions/agreement_problem.html", {"problem": str(error)}, status=400)
    answered = agreement.outcome != agreement.Outcome.WAITING
    problem = agreements.link_problem(agreement)
    form = AgreementAnswerForm(request.POST or None)
    status = 410 if problem and not answered else 200
    if request.method == "POST":
        if problem:
            status = 409 if answered else 410
        elif form.is_valid():
            agreed = form.cleaned_data["decision"] == "agree"
            try:
                agreements.answer(agreement, agreed=agreed, comment=form.cleaned_data["comment"])
            except services.ChampionError as error:
                form.add_error(None, str(error))
                status = 400
            else:
                messages.success(
                    request,
                    "Thank you: you agreed. The training team will now review the application."
                    if agreed
                    else "Thank you: you declined. The training team and the applicant have been told.",
                )
                return redirect(request.path)
        else:
            status = 400
    return render(
        request,
        "champions/manager_agreement.html",
        {
            "agreement": agreement,
            "applicant": agreement.profile.user,
            "answered": answered,
            "problem": problem if (request.method == "POST" or not answered) else None,
            "form": form,
            "blocks": agreements.text_blocks(agreement.agreement_text or agreements.role_agreement_text()),
        },
        status=status,
    )


@login_required
@never_cache
def check_in(request: HttpRequest, token: str) -> HttpResponse:
    """The yearly check-in: the champion sees their details and confirms with one button (after signing in).

    A link that was altered, or that is someone else's, is not found.
    """
    found = check_ins.check_in_from_token(token, request.user)
    if found is None:
        raise Http404("No check-in found.")
    if request.method == "POST":
        try:
            check_ins.confirm(found, by=request.user)
        except services.ChampionError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, "Thank you: you have confirmed you are still a Domestic Abuse Champion.")
        return redirect("champions:mine")
    profile = selectors.champion_profile_for(request.user)
    return render(request, "champions/check_in.html", {"check_in": found, "profile": profile})


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
