"""Trainers' screens in the Wagtail admin: "My sessions", each date's register, and its QR check-in code.

In the admin (not the public site) because a register shows people's names and organisations: the admin
is where staff have had to sign in with two steps (``accounts.middleware.StaffTwoStepMiddleware``). The
screens are laid out for a tablet: one list, large radio buttons, one Save button. A trainer sees only the
sessions they teach (another session's date is a 404); training managers see every session's.

Thin views: each checks the role, loads what it is about, calls ``attendance`` / ``register_import`` /
``checkin_codes``, and renders or redirects.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Prefetch, Q
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.views import View
from django.views.generic import TemplateView
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from accounts.roles import TRAINERS, TRAINING_MANAGERS

from . import attendance, calendars, checkin_codes, register_import
from .models import SEAT_STATUSES, Booking, SessionDate
from .register_forms import RegisterImportForm


def keeps_registers(user) -> bool:
    """Trainers, training managers and superusers (one query unless the groups are cached)."""
    return user.is_superuser or user.groups.filter(name__in=(TRAINERS, TRAINING_MANAGERS)).exists()


class TrainerView(WagtailAdminTemplateMixin, TemplateView):
    header_icon = "date"

    def dispatch(self, request, *args, **kwargs):
        if not keeps_registers(request.user):
            raise PermissionDenied
        self.load(**kwargs)
        return super().dispatch(request, *args, **kwargs)

    def load(self, **kwargs) -> None:
        """Fetch what the screen is about (after the role check, so a 404 tells outsiders nothing)."""

    def get_breadcrumbs_items(self):
        items = [*self.breadcrumbs_items]
        if not isinstance(self, MySessionsView):
            items.append({"url": reverse("session_registers:my_sessions"), "label": "My sessions"})
        return [*items, {"url": "", "label": self.get_page_title()}]


class MySessionsView(TrainerView):
    """The sessions the person teaches, upcoming first, each date with its register and QR code."""

    template_name = "courses/sessions/admin/my_sessions.html"
    page_title = "My sessions"

    def get_context_data(self, **kwargs):
        sessions = list(
            attendance.sessions_taught_by(self.request.user)
            .annotate(seats_taken=Count("bookings", filter=Q(bookings__status__in=SEAT_STATUSES)))
            .prefetch_related(Prefetch("dates", queryset=SessionDate.objects.order_by("starts_at", "pk")))
        )
        now = timezone.now()
        upcoming = [s for s in sessions if s.ends_at is None or s.ends_at >= now]
        upcoming.sort(key=lambda s: (s.starts_at is None, s.starts_at or now, s.pk))
        past = [s for s in sessions if s.ends_at is not None and s.ends_at < now]
        return super().get_context_data(
            upcoming=upcoming,
            past=past,
            calendar_feed_url=reverse("session_pages:calendar_feed"),
            **kwargs,
        )


class DateView(TrainerView):
    def load(self, **kwargs) -> None:
        self.session_date = attendance.taught_date(self.request.user, kwargs["date_id"])
        if self.session_date is None:
            raise Http404("No such session date among the sessions you teach.")
        self.session = self.session_date.session

    def title_of_date(self) -> str:
        when = timezone.localtime(self.session_date.starts_at)
        return f"{calendars.session_title(self.session)}, {when:%a %-d %b %Y}"


class RegisterView(DateView):
    """The register of one date: mark each person attended or absent, close the register, import a sheet."""

    template_name = "courses/sessions/admin/register.html"

    def get_page_title(self):
        return f"Register: {self.title_of_date()}"

    def get_context_data(self, import_form=None, import_problems=None, **kwargs):
        now = timezone.now()
        rows = attendance.register(self.session_date)
        dates = list(self.session.dates.order_by("starts_at", "pk"))
        closed = self.session.register_closed_at is not None
        return super().get_context_data(
            session=self.session,
            session_date=self.session_date,
            rows=rows,
            marked=sum(1 for row in rows if row.present is not None),
            present=sum(1 for row in rows if row.present),
            dates=dates,
            marking_open=attendance.is_marking_open(self.session_date, now),
            marking_opens_at=attendance.marking_opens_at(self.session_date),
            closed=closed,
            may_close=not closed
            and not self.session.is_cancelled
            and self.session.ends_at is not None
            and now >= self.session.ends_at,
            import_form=import_form or RegisterImportForm(),
            import_problems=import_problems or [],
            qr_url=reverse("session_registers:qr", args=[self.session_date.pk]),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        action = request.POST.get("action")
        try:
            if action == "mark":
                marks = {}
                for row in attendance.register(self.session_date):
                    value = request.POST.get(f"mark-{row.booking.pk}")
                    if value in ("present", "absent"):
                        marks[row.booking.pk] = value == "present"
                saved = attendance.mark_register(self.session_date, marks, by=request.user)
                messages.success(request, f"Register saved: {saved} {'person' if saved == 1 else 'people'} marked.")
            elif action == "close":
                summary = attendance.close_register(self.session, by=request.user)
                messages.success(
                    request,
                    f"Register closed: {summary.attended} attended, {summary.partly_attended} partly attended, "
                    f"{summary.no_shows} did not come; {summary.completions} course completion(s) recorded.",
                )
            elif action == "note":
                booking = Booking.objects.filter(session=self.session, pk=request.POST.get("booking") or 0).first()
                if booking is None:
                    raise Http404("No such booking on this session.")
                attendance.record_outcome_note(booking, request.POST.get("note", ""), by=request.user)
                messages.success(request, f"Note saved for {booking.user.full_name or booking.user.email}.")
            elif action == "import":
                form = RegisterImportForm(request.POST, request.FILES)
                if not form.is_valid():
                    return self.render_to_response(self.get_context_data(import_form=form))
                try:
                    summary = register_import.import_register(
                        self.session, form.cleaned_data["file"].read(), by=request.user
                    )
                except register_import.RegisterImportRejected as rejected:
                    messages.error(request, "Nothing was imported: correct the lines listed and upload the file again.")
                    return self.render_to_response(
                        self.get_context_data(import_form=form, import_problems=[str(p) for p in rejected.problems])
                    )
                messages.success(request, f"Sign-in sheet imported: {summary}.")
            else:
                messages.error(request, "Choose what to do: save the register, close it, or import a sheet.")
        except attendance.AttendanceError as error:
            messages.error(request, str(error))
        return redirect(request.path)


class QrView(DateView):
    """The check-in code to show on a screen: it changes every 30 seconds (static/js/check-in-code.js)."""

    template_name = "courses/sessions/admin/qr.html"

    def get_page_title(self):
        return f"Check-in code: {self.title_of_date()}"

    def get_context_data(self, **kwargs):
        now = timezone.now()
        showing = attendance.is_marking_open(self.session_date, now) and now <= (
            self.session_date.ends_at + attendance.CHECK_IN_CLOSES_AFTER
        )
        return super().get_context_data(
            session=self.session,
            session_date=self.session_date,
            showing=showing,
            marking_opens_at=attendance.marking_opens_at(self.session_date),
            image_url=reverse("session_registers:qr_image", args=[self.session_date.pk]),
            register_url=reverse("session_registers:register", args=[self.session_date.pk]),
            period=checkin_codes.PERIOD,
            **kwargs,
        )


class QrImageView(View):
    """A fresh code as an SVG image, never cached (each request makes a new signed token)."""

    def get(self, request, date_id: int):
        if not keeps_registers(request.user):
            raise PermissionDenied
        session_date = attendance.taught_date(request.user, date_id)
        if session_date is None:
            raise Http404("No such session date among the sessions you teach.")
        now = timezone.now()
        if not attendance.is_marking_open(session_date, now) or now > (
            session_date.ends_at + attendance.CHECK_IN_CLOSES_AFTER
        ):
            raise Http404("Check-in is not open for this date.")
        url = checkin_codes.check_in_url(checkin_codes.make_code(session_date))
        svg = checkin_codes.qr_svg(url, title="Check-in code")
        response = HttpResponse(svg, content_type="image/svg+xml")
        response["Cache-Control"] = "no-store"
        return response
