"""Learner-facing pages: the catalogue, a course, its modules, the evaluation and "My learning".

The catalogue, course and module pages are Wagtail pages whose ``serve()`` hands
over to the functions here; "My learning", the learning record and the evaluation
are plain Django views (``courses/urls.py``). Every function parses the request,
calls a selector or a service, and renders.
"""

from __future__ import annotations

import csv

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from accounts.decorators import profile_required
from home.spreadsheets import formula_safe_row

from ..catalogue import selectors as catalogue_selectors
from ..catalogue.forms import KnowledgeCheckForm
from ..catalogue.models import CourseIndexPage, CoursePage, ModulePage
from ..catalogue.page_cache import mark_anonymous_cacheable
from . import page_cache, selectors, services
from .forms import EvaluationForm
from .models import Enrolment, QuizAttempt

# --- The catalogue ------------------------------------------------------------------------------------------


def catalogue_context(request: HttpRequest, page: CourseIndexPage) -> dict:
    """The catalogue page's own context (the courses matching the GET filters), each with the person's status."""
    context = page.get_context(request)
    statuses = selectors.course_statuses(request.user, [row["course"] for row in context["courses"]])
    context["courses"] = [{"course": row["course"], "status": statuses[row["course"].pk]} for row in context["courses"]]
    return context


def _filters_are_canonical(request: HttpRequest, context: dict) -> bool:
    """Only the plain filters are worth caching for everyone (not searches, nor made-up parameters)."""
    filters = context["filters"]
    given = {key: request.GET.getlist(key) for key in request.GET}
    expected = {
        key: [value]
        for key, value in (("topic", filters.topic), ("level", filters.level), ("delivery", filters.delivery))
        if value
    }
    given_non_empty = {key: values for key, values in given.items() if values != [""]}
    return not filters.query and given_non_empty == expected


def catalogue(request: HttpRequest, page: CourseIndexPage) -> HttpResponse:
    context = catalogue_context(request, page)
    anonymous = not request.user.is_authenticated
    if anonymous and _filters_are_canonical(request, context) and not page.get_view_restrictions().exists():
        mark_anonymous_cacheable(request)
    return TemplateResponse(request, page.get_template(request), context)


def catalogue_redirect(request: HttpRequest) -> HttpResponse:
    """A stable link to the catalogue, wherever an editor put it (used by the site navigation)."""
    index = catalogue_selectors.catalogue_page()
    if index is None:
        raise Http404("There is no course catalogue yet.")
    return redirect(index.get_url(request))


# --- A course -----------------------------------------------------------------------------------------------


def course_context(request: HttpRequest, page: CoursePage) -> dict:
    """The course page's own context, with the learner's progress and what they can do next."""
    context = page.get_context(request)
    outline = context["outline"]
    state = selectors.learner_course_state(request.user, page, outline)
    status = selectors.course_statuses(request.user, [page])[page.pk]
    signed_in = request.user.is_authenticated
    missing = services.missing_prerequisites(request.user, page) if signed_in and not state.is_enrolled else []
    active = state.is_enrolled and not state.is_completed
    may_start = status.state == selectors.CourseState.NOT_STARTED or status.can_retake
    context.update(
        {
            "state": state,
            "status": status,
            "modules": state.module_rows(),
            "missing_prerequisites": missing,
            "resume": state.resume_module() if active else None,
            "started": bool(state.done) or bool(state.enrolment and state.enrolment.last_module_id),
            "can_enrol": signed_in and not active and not missing and may_start,
        }
    )
    return context


def course_or_enrol(request: HttpRequest, page: CoursePage) -> HttpResponse:
    """GET shows the course; POST enrols the signed-in professional."""
    return enrol(request, page) if request.method == "POST" else course(request, page)


def course(request: HttpRequest, page: CoursePage) -> HttpResponse:
    response = TemplateResponse(request, page.get_template(request), course_context(request, page))
    if not request.user.is_authenticated and not page.get_view_restrictions().exists():
        mark_anonymous_cacheable(request)
    return response


@profile_required
@require_http_methods(["POST"])
def enrol(request: HttpRequest, page: CoursePage) -> HttpResponse:
    """Enrol the signed-in professional, then take them to the module to start with."""
    already_enrolled = selectors.active_enrolment(request.user, page) is not None
    try:
        services.enrol(request.user, page)
    except services.EnrolmentError as error:
        messages.error(request, str(error))
        return redirect(page.get_url(request))
    if not already_enrolled:
        messages.success(request, f"You are enrolled on “{page.title}”.")
    resume = selectors.learner_course_state(request.user, page).resume_module()
    return redirect(resume.url if resume else page.get_url(request))


@login_required
@require_GET
def resume(request: HttpRequest, course_id: int) -> HttpResponse:
    """ "Continue where you left off": the first unfinished module of the learner's course."""
    page = catalogue_selectors.live_course(course_id)
    if page is None:
        raise Http404("No such course.")
    state = selectors.learner_course_state(request.user, page)
    module = state.resume_module() if state.is_enrolled else None
    return redirect(module.url if module else page.get_url(request))


# --- A module -----------------------------------------------------------------------------------------------


def module(request: HttpRequest, page: ModulePage) -> HttpResponse:
    """A module for an enrolled learner, in order; POST marks it done or submits its knowledge check."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    course_page = catalogue_selectors.course_of_module(page)
    keep = request.method == "GET" and not request.GET  # a page worth keeping for the learner's next visit
    # Read before the progress the page shows: a change made meanwhile is then never kept as current.
    before = selectors.learner_fingerprint(request.user, course_page.pk, page.pk) if keep else None
    state = selectors.learner_course_state(request.user, course_page)
    if not state.is_enrolled:
        messages.info(request, f"Enrol on “{course_page.title}” to open its modules.")
        return redirect(course_page.get_url(request))
    if state.outline.position(page.pk) is None:
        raise Http404("This module is not published.")
    if not state.is_unlocked(page.pk):
        first = state.first_unfinished()
        messages.info(request, f"Finish “{first.title}” before you start “{page.title}”.")
        return redirect(first.url)
    if request.method == "POST":
        return _module_post(request, page, state)
    services.record_module_visit(state.enrolment, page.pk)
    attempt = _attempt_to_show(request, page, state.enrolment)
    context = module_context(request, page, state, course_page=course_page, attempt=attempt)
    fingerprint = None
    if before is not None:
        after = selectors.learner_fingerprint(request.user, course_page.pk, page.pk)
        fingerprint = after if after == before._replace(last_module_id=page.pk) else None
    return _learner_response(request, page, course_page, context, fingerprint)


def _learner_response(request, page, course_page, context, fingerprint) -> HttpResponse:
    context["csrf_token"] = page_cache.CSRF_PLACEHOLDER
    html = render_to_string(page.get_template(request), context, request=request)
    return page_cache.learner_page_response(
        request,
        html,
        route=page_cache.LearnerRoute(module_id=page.pk, course_id=course_page.pk),
        fingerprint=fingerprint,
        submission_key=lambda: services.new_submission_key(request.user.pk, page.pk),
    )


def _attempt_to_show(request: HttpRequest, page: ModulePage, enrolment: Enrolment) -> QuizAttempt | None:
    attempt_id = request.GET.get("attempt", "")
    if not attempt_id.isdigit():
        return None
    return selectors.attempt_for(enrolment, page, int(attempt_id))


def module_context(
    request: HttpRequest,
    page: ModulePage,
    state: selectors.LearnerCourseState,
    *,
    course_page: CoursePage,
    attempt: QuizAttempt | None = None,
    form: KnowledgeCheckForm | None = None,
) -> dict:
    """The module page's own context (its content and place in the course), with the learner's progress, the
    knowledge check for their next attempt and the marking of the attempt shown."""
    context = page.get_context(request, course=course_page, outline=state.outline)
    check = page.knowledge_check
    marking = None
    if attempt is not None and check is not None:
        try:
            marking = services.mark_answers(check.value, attempt.answers)
        except services.LearningError:
            marking = None  # the check has changed since: show the score only
    review = services.review_for(check.value, attempt.passed) if attempt is not None and check is not None else None
    done = state.is_done(page.pk)
    if check is not None and form is None:
        form = KnowledgeCheckForm(
            check.value,
            initial={"block_id": check.id, "submission_key": page_cache.SUBMISSION_KEY_PLACEHOLDER},
            shuffle_seed=_shuffle_seed(check.value, state, page),
        )
    context.update(
        {
            "state": state,
            "preview": False,
            "next_unlocked": bool(context["next"]) and (done or state.is_completed),
            "modules": state.module_rows(),
            "form": form,
            "attempt": attempt,
            "marking": marking,
            "review": review,
            "done": done,
            "completed": state.is_completed,
        }
    )
    return context


def _shuffle_seed(check: dict, state: selectors.LearnerCourseState, page: ModulePage) -> str | None:
    """The order of a shuffled check's options for the learner's next attempt: new for each attempt, the same
    for every showing of one attempt (a reload, or the form again with an error). The page cache keys a
    learner's page by their attempt count too, so a cached copy never shows another attempt's order."""
    if not check.get("shuffle_options"):
        return None
    attempts = selectors.attempt_count(state.enrolment, page)
    return f"{state.enrolment.pk}:{page.pk}:{attempts}"


def _module_post(request: HttpRequest, page: ModulePage, state: selectors.LearnerCourseState) -> HttpResponse:
    action = request.POST.get("action")
    if action == "done":
        return _mark_done(request, page, state)
    if action == "check":
        return _submit_check(request, page, state)
    messages.error(request, "Sorry, that did not work. Please try again.")
    return redirect(page.get_url(request))


def _next_step(request: HttpRequest, page: ModulePage, state: selectors.LearnerCourseState, completion) -> str:
    course_page = catalogue_selectors.course_of_module(page)
    if completion is not None:
        messages.success(request, f"You have completed “{course_page.title}”. Well done.")
        return reverse("courses:evaluation", args=[completion.pk])
    position = state.outline.position(page.pk)
    modules = state.outline.modules
    return modules[position + 1].url if position + 1 < len(modules) else course_page.get_url(request)


def _mark_done(request: HttpRequest, page: ModulePage, state: selectors.LearnerCourseState) -> HttpResponse:
    try:
        completion = services.mark_module_done(state.enrolment, page)
    except services.LearningError as error:
        messages.error(request, str(error))
        return redirect(page.get_url(request))
    return redirect(_next_step(request, page, state, completion))


def _submit_check(request: HttpRequest, page: ModulePage, state: selectors.LearnerCourseState) -> HttpResponse:
    check = page.knowledge_check
    if check is None:
        messages.error(request, "This module has no knowledge check.")
        return redirect(page.get_url(request))
    form = KnowledgeCheckForm(check.value, request.POST, shuffle_seed=_shuffle_seed(check.value, state, page))
    if not form.is_valid():
        if "block_id" in form.errors or "submission_key" in form.errors:
            messages.error(request, "This form has expired. Please answer the questions again.")
            return redirect(page.get_url(request))
        course_page = catalogue_selectors.course_of_module(page)
        context = module_context(request, page, state, course_page=course_page, form=form)
        return _learner_response(request, page, course_page, context, None)
    try:
        outcome = services.submit_knowledge_check(
            state.enrolment,
            page,
            block_id=form.cleaned_data["block_id"],
            answers=form.answers(),
            submission_key=form.cleaned_data["submission_key"],
        )
    except services.LearningError as error:
        messages.error(request, str(error))
        return redirect(page.get_url(request))
    if outcome.completion is not None:
        return redirect(_next_step(request, page, state, outcome.completion))
    return redirect(f"{page.get_url(request)}?attempt={outcome.attempt.pk}#result")


# --- After completing: the evaluation -----------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def evaluation(request: HttpRequest, completion_id: int) -> HttpResponse:
    """The short evaluation after completing a course; it may be skipped."""
    completion = selectors.completion_for(request.user, completion_id)
    if completion is None:
        raise Http404("No such completion.")
    if hasattr(completion, "evaluation"):
        messages.info(request, "You have already sent your feedback on this course. Thank you.")
        return redirect("courses:my_learning")
    form = EvaluationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.submit_evaluation(completion, **form.cleaned_data)
        except services.LearningError as error:
            messages.info(request, str(error))
        else:
            messages.success(request, "Thank you for your feedback.")
        return redirect("courses:my_learning")
    return render(request, "courses/evaluation.html", {"form": form, "completion": completion})


# --- My learning --------------------------------------------------------------------------------------------


@login_required
@require_GET
def my_learning(request: HttpRequest) -> HttpResponse:
    return render(request, "courses/my_learning.html", {"overview": selectors.learning_overview(request.user)})


@login_required
@require_GET
def learning_record_csv(request: HttpRequest) -> HttpResponse:
    """The person's own completions as CSV, with where they worked when they completed each course."""
    today = timezone.localdate()
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="learning-record-{today:%Y-%m-%d}.csv"'
    writer = csv.writer(response)
    writer.writerow(["Course", "Completed on", "CPD hours", "Organisation", "District", "Certificate expires"])
    for completion in selectors.learning_record(request.user):
        certificate = getattr(completion, "certificate", None)
        if certificate is None:
            expires = ""
        elif certificate.expires_on is None:
            expires = "Does not expire"
        else:
            expires = certificate.expires_on.isoformat()
        writer.writerow(
            formula_safe_row(
                [
                    completion.course.title,
                    completion.completed_on.isoformat(),
                    completion.course.cpd_hours,
                    completion.organisation.name if completion.organisation else "",
                    completion.district.name if completion.district else "",
                    expires,
                ]
            )
        )
    return response
