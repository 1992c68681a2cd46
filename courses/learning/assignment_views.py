"""Assigning learning: the training managers' screens in the admin ("Learning" menu) and the partner leads' page.

Training managers assign to anyone (addresses pasted or uploaded, or an organisation's, a sector's or a
district's staff) and list the assignments; a partner lead assigns only to their own organisation's staff,
on the site beside their staff list (another organisation's id is a 404). The form checks everything
(due date, every address) before anything is queued; the assigning itself runs in the worker.
"""

from __future__ import annotations

from django import forms
from django.contrib import messages as site_messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.generic import TemplateView
from wagtail.admin import messages as admin_messages

from accounts.models import District, Organisation, Sector
from home.pagination import get_page

from ..catalogue.models import CoursePage
from . import addresses as address_lists
from . import assignments
from .admin_views import PAGE_SIZE, _LearningPage
from .models import Assignment
from .permissions import assignment_policy

ASSIGN_OWN_PERMISSION = "courses.assign_own_organisation"

PEOPLE = "people"


class AssignCourseForm(forms.Form):
    """What to assign, by when, and to whom; ``within`` (a partner lead's organisation) limits it to its staff."""

    course = forms.ModelChoiceField(queryset=CoursePage.objects.live().order_by("title"), empty_label="Choose a course")
    due_on = forms.DateField(label="Due date", widget=forms.DateInput(attrs={"type": "date"}))
    recurs_on_renewal = forms.BooleanField(
        label="Assign again when the certificate is due for renewal",
        required=False,
        help_text="A new assignment is made, due on the day the certificate expires.",
    )
    assign_to = forms.ChoiceField(
        label="Assign to",
        widget=forms.RadioSelect,
        choices=[
            (PEOPLE, "People, by email address"),
            (Assignment.Source.ORGANISATION, "Everyone at an organisation"),
            (Assignment.Source.SECTOR, "Everyone in a sector"),
            (Assignment.Source.DISTRICT, "Everyone working in a district"),
        ],
        initial=PEOPLE,
    )
    organisation = forms.ModelChoiceField(queryset=Organisation.objects.order_by("name"), required=False)
    sector = forms.ModelChoiceField(queryset=Sector.objects.all(), required=False)
    district = forms.ModelChoiceField(queryset=District.objects.all(), required=False)
    emails = forms.CharField(
        label="Email addresses",
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="One per line (addresses separated by commas or semicolons are fine too). Someone without an "
        "account is invited to sign up.",
    )
    file = forms.FileField(
        label="Or upload a list",
        required=False,
        help_text="A text file with one address per line, or a CSV file with an “email” column.",
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.txt,text/csv,text/plain"}),
    )

    def __init__(self, *args, within: Organisation | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.within = within
        if within is not None:
            for name in ("organisation", "sector", "district"):
                del self.fields[name]
            self.fields["assign_to"].choices = [
                (Assignment.Source.ORGANISATION, f"Everyone at {within.name}"),
                (PEOPLE, f"Some of {within.name}'s staff, by email address"),
            ]
            self.fields["assign_to"].initial = Assignment.Source.ORGANISATION

    def clean_due_on(self):
        due_on = self.cleaned_data["due_on"]
        try:
            assignments.check_due_date(due_on)
        except assignments.AssignmentError as error:
            raise forms.ValidationError(str(error)) from None
        return due_on

    def clean(self):
        cleaned = super().clean()
        source = cleaned.get("assign_to")
        cleaned["target"], cleaned["chosen"] = None, None
        if source == PEOPLE:
            cleaned["source"] = Assignment.Source.DIRECT
            cleaned["chosen"] = self._chosen(cleaned)
        elif source == Assignment.Source.ORGANISATION and self.within is not None:
            cleaned["source"], cleaned["target"] = source, self.within
        elif source in (Assignment.Source.ORGANISATION, Assignment.Source.SECTOR, Assignment.Source.DISTRICT):
            cleaned["source"], cleaned["target"] = source, cleaned.get(source)
            if cleaned["target"] is None:
                self.add_error(source, f"Choose the {source}.")
        return cleaned

    def _chosen(self, cleaned) -> assignments.ChosenPeople | None:
        user_ids, new_addresses = [], []
        for field, read in (
            ("emails", lambda: address_lists.addresses_from_text(cleaned.get("emails") or "")),
            ("file", lambda: address_lists.addresses_from_file(cleaned["file"].read()) if cleaned.get("file") else []),
        ):
            try:
                addresses = read()
                if addresses:
                    chosen = assignments.people_for_addresses(addresses, within=self.within)
                    user_ids += chosen.user_ids
                    new_addresses += chosen.new_addresses
            except address_lists.AddressListRejected as rejected:
                for problem in rejected.problems:
                    self.add_error(field, str(problem))
        if not self.errors and not (user_ids or new_addresses):
            self.add_error("emails", "Give at least one email address.")
        return assignments.ChosenPeople(user_ids, new_addresses)


def _start(form: AssignCourseForm, request, *, return_url: str):
    data = form.cleaned_data
    return assignments.start_assignment(
        data["course"],
        by=request.user,
        due_on=data["due_on"],
        source=data["source"],
        recurs_on_renewal=data["recurs_on_renewal"],
        target=data["target"],
        chosen=data["chosen"],
        return_url=return_url,
    )


# --- Training managers (admin) -------------------------------------------------------------------------------


class AssignCourseView(_LearningPage, TemplateView):
    """Assign a course; the assigning runs as a job whose page shows the figures (and who was already assigned)."""

    permission_policy = assignment_policy
    permission_required = "add"
    template_name = "courses/admin/assign_course.html"
    page_title = "Assign a course"
    header_icon = "date"

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data(form=AssignCourseForm()))

    def post(self, request, *args, **kwargs):
        form = AssignCourseForm(request.POST, request.FILES)
        if not form.is_valid():
            admin_messages.error(request, "Nothing was assigned. Fix the problems below and try again.")
            return self.render_to_response(self.get_context_data(form=form))
        job = _start(form, request, return_url=reverse("courses_admin:assign_course"))
        return redirect("jobs:job", job_id=job.pk)


class AssignmentFilterForm(forms.Form):
    course = forms.ModelChoiceField(queryset=CoursePage.objects.order_by("title"), required=False, empty_label="Any")
    status = forms.ChoiceField(
        required=False,
        choices=[("", "Any"), ("open", "Not done yet"), ("overdue", "Overdue"), ("done", "Done")],
    )


class AssignmentsView(_LearningPage, TemplateView):
    """Every assignment, soonest due first, filtered by course and state."""

    permission_policy = assignment_policy
    permission_required = "view"
    template_name = "courses/admin/assignments.html"
    page_title = "Assignments"
    header_icon = "date"

    def get_context_data(self, **kwargs):
        filters = AssignmentFilterForm(self.request.GET)
        course = status = None
        if filters.is_valid():
            course, status = filters.cleaned_data["course"], filters.cleaned_data["status"]
        today = timezone.localdate()
        page = get_page(
            Paginator(assignments.assignment_list(course=course, status=status, today=today), PAGE_SIZE),
            self.request.GET.get("p"),
        )
        query = self.request.GET.copy()
        query.pop("p", None)
        return super().get_context_data(
            filters=filters,
            page=page,
            assignments=list(page.object_list),
            filter_query=query.urlencode(),
            today=today,
            can_assign=assignment_policy.user_has_permission(self.request.user, "add"),
            **kwargs,
        )


# --- Partner leads (site) ------------------------------------------------------------------------------------


@login_required
def assign_to_own_staff(request, organisation_id: int):
    """A partner lead assigns a course to their own organisation's staff (any other organisation: 404)."""
    if not request.user.has_perm(ASSIGN_OWN_PERMISSION):
        raise PermissionDenied("Assigning courses to staff is for partner leads.")
    if request.user.organisation_id is None or organisation_id != request.user.organisation_id:
        raise Http404("No such organisation.")
    organisation = request.user.organisation
    form = AssignCourseForm(request.POST or None, request.FILES or None, within=organisation)
    staff_list = reverse("reports:organisation_staff", kwargs={"organisation_id": organisation.pk})
    if request.method == "POST":
        if form.is_valid():
            job = _start(form, request, return_url=staff_list)
            job.refresh_from_db()
            message = job.result.get("message") if job.is_finished else None
            site_messages.success(
                request,
                message
                or f"Assigning “{form.cleaned_data['course'].title}”: your staff list shows it as the assignments "
                "are made.",
            )
            return redirect(staff_list)
        site_messages.error(request, "Nothing was assigned. Fix the problems below and try again.")
    return render(
        request,
        "courses/assign_to_staff.html",
        {"form": form, "organisation": organisation, "staff_list": staff_list},
        status=400 if form.errors else 200,
    )
