"""Training managers' screens in the Wagtail admin ("Learning" menu).

Importing completion history, enrolling a list of people on a course, and a
course's enrolments with withdrawal. Each view checks its own permission on
the server, parses the request and calls ``importing`` or ``bulk_enrolment``.
"""

from __future__ import annotations

import django_filters
from django import forms
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.functional import cached_property
from django.views.generic import FormView, TemplateView, View
from wagtail.admin import messages
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.generic import BaseListingView, WagtailAdminTemplateMixin

from accounts.models import User
from home.admin_permissions import PolicyCheckedMixin
from home.forms import SearchField
from home.pagination import ClampedPageMixin

from ..catalogue.models import CoursePage
from . import addresses as address_lists
from . import bulk_enrolment, importing
from .models import Enrolment
from .permissions import completion_policy, enrolment_policy, user_policy

PAGE_SIZE = 50


def _can(request, policy, action: str) -> bool:
    return policy.user_has_permission(request.user, action)


class _LearningPage(PolicyCheckedMixin, WagtailAdminTemplateMixin):
    """A "Learning" screen: the permission (a policy and an action) is checked before anything is looked up."""

    header_icon = "user"

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("courses_admin:index"), "label": "Learning"},
            {"url": "", "label": self.get_header_title()},
        ]


# Importing completion history ------------------------------------------------------------------------------------


class ImportCompletionsForm(forms.Form):
    file = forms.FileField(
        label="Completions file (CSV)",
        help_text="A CSV file saved as UTF-8, with the columns " + ",".join(importing.COLUMNS) + ".",
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        # Refused before it is stored; everything else about the file is checked by the import itself.
        if upload.size > importing.MAX_FILE_BYTES:
            raise forms.ValidationError(
                f"The file is larger than {importing.MAX_FILE_BYTES // (1024 * 1024)} MB; split it into parts."
            )
        return upload


class ImportCompletionsView(_LearningPage, FormView):
    """Upload a history of completions; the import runs in the worker and its page shows how it went.

    Post, then redirect to the job's page: rows checked and written as it runs, then the summary, or
    every bad line of a refused file (which writes nothing).
    """

    permission_policy = completion_policy
    permission_required = "add"
    form_class = ImportCompletionsForm
    template_name = "courses/admin/import_completions.html"
    page_title = "Import completions"
    header_icon = "upload"

    def form_valid(self, form):
        job = importing.start_import(
            form.cleaned_data["file"], by=self.request.user, return_url=reverse("courses_admin:import_completions")
        )
        return redirect("jobs:job", job_id=job.pk)

    def get_context_data(self, **kwargs):
        return super().get_context_data(columns=importing.COLUMNS, **kwargs)


# Enrolling people -----------------------------------------------------------------------------------------------


class EnrolPeopleForm(forms.Form):
    course = forms.ModelChoiceField(queryset=CoursePage.objects.live().order_by("title"), empty_label="Choose a course")
    search = SearchField(
        label="Find people by name or email",
        required=False,
        help_text="Then choose Search people, and tick the people to enrol.",
    )
    people = forms.ModelMultipleChoiceField(
        label="People found",
        queryset=User.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    emails = forms.CharField(
        label="Email addresses",
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="One per line (addresses separated by commas or semicolons are fine too).",
    )
    file = forms.FileField(
        label="Or upload a list",
        required=False,
        help_text="A text file with one address per line, or a CSV file with an “email” column.",
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.txt,text/csv,text/plain"}),
    )

    def __init__(self, *args, found: list[User] | None = None, chosen_ids: list[int] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        # Offer the people found by the last search plus anyone already ticked, so ticks survive a new search.
        ids = {user.pk for user in found or []} | set(chosen_ids or [])
        self.fields["people"].queryset = User.objects.filter(is_active=True, pk__in=ids).order_by("full_name")
        self.fields["people"].label_from_instance = lambda user: f"{user.full_name} ({user.email})"
        if not ids:
            self.fields["people"].widget = forms.MultipleHiddenInput()

    def clean(self):
        cleaned = super().clean()
        people = list(cleaned.get("people") or [])
        for field, read in (
            ("emails", lambda: address_lists.addresses_from_text(cleaned.get("emails") or "")),
            ("file", lambda: address_lists.addresses_from_file(cleaned["file"].read()) if cleaned.get("file") else []),
        ):
            try:
                addresses = read()
                if addresses:
                    people += address_lists.people_for_addresses(addresses)
            except address_lists.AddressListRejected as rejected:
                for problem in rejected.problems:
                    self.add_error(field, str(problem))
        if not self.errors and not people:
            raise forms.ValidationError("Choose at least one person, or give their email addresses.")
        cleaned["all_people"] = people
        return cleaned


def _int_list(values: list[str]) -> list[int]:
    return [int(value) for value in values if value.isdigit()]


class EnrolPeopleView(_LearningPage, TemplateView):
    """Enrol people on a course: ticked from a search, pasted, or uploaded. All or nothing."""

    permission_policy = enrolment_policy
    permission_required = "add"
    template_name = "courses/admin/enrol_people.html"
    page_title = "Enrol people on a course"
    header_icon = "user"

    def get(self, request, *args, **kwargs):
        initial = {"course": request.GET.get("course")}
        return self.render_to_response(self.get_context_data(form=EnrolPeopleForm(initial=initial)))

    def post(self, request, *args, **kwargs):
        chosen_ids = _int_list(request.POST.getlist("people"))
        if request.POST.get("action") == "search":
            # Searching is not submitting: show the matches, keep what was entered, and report no errors yet.
            found = bulk_enrolment.find_people(request.POST.get("search", ""))
            form = EnrolPeopleForm(
                initial={
                    "course": request.POST.get("course"),
                    "search": request.POST.get("search", ""),
                    "people": chosen_ids,
                    "emails": request.POST.get("emails", ""),
                },
                found=found,
                chosen_ids=chosen_ids,
            )
            return self.render_to_response(self.get_context_data(form=form, searched=True, found=found))
        form = EnrolPeopleForm(request.POST, request.FILES, chosen_ids=chosen_ids)
        if not form.is_valid():
            messages.error(request, "Nobody was enrolled. Fix the problems below and try again.")
            return self.render_to_response(self.get_context_data(form=form))
        course = form.cleaned_data["course"]
        try:
            result = bulk_enrolment.enrol_people(course, form.cleaned_data["all_people"], by=request.user)
        except address_lists.AddressListRejected as rejected:
            form.add_error(None, [str(problem) for problem in rejected.problems])
            return self.render_to_response(self.get_context_data(form=form))
        messages.success(
            request,
            f"Enrolled {result.enrolled} {'person' if result.enrolled == 1 else 'people'} on “{course.title}”; "
            f"{result.already_enrolled} {'was' if result.already_enrolled == 1 else 'were'} already enrolled.",
        )
        if _can(request, enrolment_policy, "view"):
            return redirect("courses_admin:course_enrolments", course_id=course.pk)
        return redirect("courses_admin:enrol_people")


# Courses and their enrolments ----------------------------------------------------------------------------------


class LearningIndexView(_LearningPage, TemplateView):
    """Every course with its active and completed enrolments, linking to each course's enrolments."""

    permission_policy = enrolment_policy
    permission_required = "view"
    template_name = "courses/admin/index.html"
    page_title = "Learning"
    header_icon = "doc-full-inverse"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": "Learning"}]

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            courses=bulk_enrolment.courses_with_enrolment_counts(),
            can_enrol=_can(self.request, enrolment_policy, "add"),
            can_import=_can(self.request, completion_policy, "add"),
            **kwargs,
        )


class _SearchFilter(django_filters.CharFilter):
    field_class = SearchField


class EnrolmentFilterSet(WagtailFilterSet):
    """What the enrolments list may be narrowed to; ``bulk_enrolment.course_enrolments`` does the narrowing."""

    status = django_filters.ChoiceFilter(label="Status", choices=Enrolment.Status.choices, empty_label="Any status")
    q = _SearchFilter(label="Name or email", max_length=200)

    class Meta:
        model = Enrolment
        fields = ["status", "q"]

    def __init__(self, *args, search_emails: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        if not search_emails:
            self.form.fields["q"].label = "Name"


class CourseEnrolmentsView(ClampedPageMixin, _LearningPage, BaseListingView):
    """A course's enrolments, filtered and paginated; people with the permission may select some to withdraw.

    Wagtail's listing view paginates (``?p=``) and parses the filters (``filterset_class``); the selector
    filters, because a search matches email addresses only for someone who may see them.
    """

    permission_policy = enrolment_policy
    permission_required = "view"
    template_name = "courses/admin/course_enrolments.html"
    page_title = "Enrolments"
    header_icon = "list-ul"
    filterset_class = EnrolmentFilterSet
    paginate_by = PAGE_SIZE

    def load(self, *, course_id: int, **kwargs) -> None:
        self.course = get_object_or_404(CoursePage, pk=course_id)

    def get_page_subtitle(self):
        return self.course.title

    @cached_property
    def show_emails(self) -> bool:
        return _can(self.request, user_policy, "view")

    def get_filterset_kwargs(self):
        return {**super().get_filterset_kwargs(), "search_emails": self.show_emails}

    def get_base_queryset(self):
        status = search = ""
        if self.filters.is_valid():
            status, search = self.filters.form.cleaned_data["status"], self.filters.form.cleaned_data["q"].strip()
        return bulk_enrolment.course_enrolments(
            self.course, status=status, search=search, search_emails=self.show_emails
        )

    def filter_queryset(self, queryset):
        return queryset  # filtered by get_base_queryset's selector

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = self.request.GET.copy()
        query.pop(self.page_kwarg, None)
        context.update(
            course=self.course,
            page=context["page_obj"],
            enrolments=list(context["object_list"]),
            filter_query=query.urlencode(),
            can_withdraw=_can(self.request, enrolment_policy, "change"),
            can_enrol=_can(self.request, enrolment_policy, "add"),
            show_emails=self.show_emails,
        )
        return context


class WithdrawEnrolmentsView(_LearningPage, View):
    """Withdraw the selected active enrolments, after a confirmation page that lists them."""

    permission_policy = enrolment_policy
    permission_required = "change"
    page_title = "Withdraw enrolments"
    header_icon = "warning"

    def load(self, *, course_id: int, **kwargs) -> None:
        self.course = get_object_or_404(CoursePage, pk=course_id)

    def get_page_subtitle(self):
        return self.course.title

    def post(self, request, *args, **kwargs):
        ids = _int_list(request.POST.getlist("enrolment"))
        back = reverse("courses_admin:course_enrolments", kwargs={"course_id": self.course.pk})
        if request.POST.get("confirm") == "yes":
            withdrawn = bulk_enrolment.withdraw_enrolments(self.course, ids)
            messages.success(
                request, f"Withdrew {withdrawn} enrolment{'' if withdrawn == 1 else 's'} from “{self.course.title}”."
            )
            return redirect(back)
        enrolments = list(bulk_enrolment.active_enrolments(self.course, ids))
        if not enrolments:
            messages.error(request, "Select at least one enrolment that is in progress to withdraw.")
            return redirect(back + (f"?{request.POST['return_query']}" if request.POST.get("return_query") else ""))
        return TemplateResponse(
            request,
            "courses/admin/confirm_withdraw.html",
            self.get_context_data(course=self.course, enrolments=enrolments, back=back),
        )

    def get(self, request, *args, **kwargs):
        return redirect("courses_admin:course_enrolments", course_id=self.course.pk)
