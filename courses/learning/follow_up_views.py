"""The three-month follow-up form, reached from its emailed, signed and expiring link (sign-in required)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from . import follow_ups
from .forms import FollowUpForm


@login_required
def follow_up(request: HttpRequest, token: str) -> HttpResponse:
    """Answer or skip the follow-up; a bad, expired or someone else's link is a 404 saying why."""
    try:
        found = follow_ups.follow_up_for_link(token, request.user)
    except follow_ups.FollowUpError as error:
        return render(request, "courses/follow_up_refused.html", {"reason": str(error)}, status=404)
    if found.is_closed and request.method == "POST":
        messages.info(request, "You have already answered (or skipped) this follow-up. Thank you.")
        return redirect("courses:follow_up", token=token)
    form = FollowUpForm(request.POST or None)
    if request.method == "POST":
        if request.POST.get("action") == "skip":
            follow_ups.skip(found)
            messages.info(request, "Skipped: we will not ask about this course again.")
            return redirect("courses:follow_up", token=token)
        if form.is_valid():
            try:
                follow_ups.answer(found, **form.cleaned_data)
            except follow_ups.FollowUpError as error:
                messages.info(request, str(error))
            else:
                messages.success(request, "Thank you: your answer helps show what the training changes in practice.")
            return redirect("courses:follow_up", token=token)
    return render(
        request,
        "courses/follow_up.html",
        {"form": form, "follow_up": found, "course": found.completion.course},
        status=400 if form.errors else 200,
    )
