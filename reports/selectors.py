"""Reads for reports: the figures as reported (frozen or live), series, periods, partners' staff lists.

"As reported" means: for a frozen period the frozen table (``"final"``), for
any other the live figures (``"provisional"``). Suppression is applied by
the caller that publishes (``reports.suppression``), never here.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db import connection
from django.db.models import Avg, Count, F, Min, Prefetch, Q, QuerySet
from django.utils import timezone

from accounts.models import Organisation, User
from courses.certificates.rules import renewal_due_before
from courses.models import Certificate, Completion
from home.spreadsheets import SpreadsheetSafe

from . import measures as m
from . import periods as p
from .exports import csv_chunks, database_csv
from .models import BoardReport, MeasureSnapshot, PartnerApiToken, SnapshotTable
from .suppression import legend, suppress
from .tables import MeasureTable, as_output, build_table, from_snapshot

FINAL = "final"
PROVISIONAL = "provisional"


@dataclass
class Reported:
    """A table as reported, with the live one beside it when the period is frozen."""

    table: MeasureTable
    status: str
    frozen_at: datetime.datetime | None = None
    live: MeasureTable | None = None

    def differences(self) -> dict[tuple[int | str, str], object]:
        """(row index or "total", measure) -> live value, where the live figure differs from the frozen one."""
        if self.live is None:
            return {}
        changed: dict[tuple[int | str, str], object] = {}
        live_rows = {row.key: row for row in self.live.rows}
        for index, row in enumerate(self.table.rows):
            live_row = live_rows.get(row.key)
            for name in self.table.measures:
                live_value = live_row.values.get(name) if live_row else None
                if live_value != row.values.get(name):
                    changed[(index, name)] = live_value
        for name in self.table.measures:
            if self.live.total.get(name) != self.table.total.get(name):
                changed[("total", name)] = self.live.total.get(name)
        return changed


def frozen_table(period: p.Period, by: str) -> tuple[MeasureTable, datetime.datetime] | None:
    """The frozen table of a period by a breakdown (one query), or None when the period is not frozen."""
    stored = (
        SnapshotTable.objects.filter(snapshot__period=period.label, by=by)
        .select_related("snapshot")
        .only("data", "snapshot__frozen_at")
        .first()
    )
    if stored is None:
        return None
    return from_snapshot(period, by, stored.data), stored.snapshot.frozen_at


def reported(period: p.Period, by: str = "none", *, with_live: bool = False) -> Reported:
    """The figures as reported: frozen for a frozen period, live otherwise (optionally live beside frozen)."""
    by = m.check_breakdown(by)
    frozen = frozen_table(period, by)
    if frozen is None:
        return Reported(table=build_table(period, by), status=PROVISIONAL)
    table, frozen_at = frozen
    live = build_table(period, by) if with_live else None
    return Reported(table=table, status=FINAL, frozen_at=frozen_at, live=live)


def published(period: p.Period, by: str = "none", *, suppressed: bool = True) -> dict:
    """The figures in the published shape (the command's JSON, the API), suppressed unless asked otherwise."""
    result = reported(period, by)
    if not suppressed:
        return as_output(result.table, result.status)
    output = as_output(result.table, result.status, suppress(result.table))
    output["legend"] = legend()
    return output


def organisation_figures(period: p.Period, organisation: Organisation) -> Reported:
    """One organisation's own figures: its row of the by-organisation table, frozen when the period is."""
    result = reported(period, "organisation")
    row = next((r for r in result.table.rows if r.id == organisation.pk), None)
    values = row.values if row is not None else build_table(period, "none", organisation.pk).total
    table = MeasureTable(
        period=period, by="none", measures=result.table.measures, rows=[], total=dict(values), notes=[]
    )
    return Reported(table=table, status=result.status, frozen_at=result.frozen_at)


@dataclass
class SeriesPoint:
    period: p.Period
    status: str
    totals: dict[str, m.Value]


def series(last: p.Period, count: int = 8, names: tuple[str, ...] = m.MEASURE_NAMES) -> list[SeriesPoint]:
    """The totals of ``count`` quarters ending with ``last``, oldest first: frozen where frozen, live otherwise."""
    quarters = p.quarters_ending_with(last, count)
    frozen = {
        stored.snapshot.period: stored
        for stored in SnapshotTable.objects.filter(
            snapshot__period__in=[q.label for q in quarters], by="none"
        ).select_related("snapshot")
    }
    points = []
    for quarter in quarters:
        if quarter.label in frozen:
            table = from_snapshot(quarter, "none", frozen[quarter.label].data)
            points.append(SeriesPoint(quarter, FINAL, {n: table.total.get(n) for n in names}))
        else:
            figures = m.compute(quarter, "none", names=names)
            points.append(SeriesPoint(quarter, PROVISIONAL, {n: f.total for n, f in figures.items()}))
    return points


# --- Periods -----------------------------------------------------------------------------------------------


def snapshots() -> QuerySet[MeasureSnapshot]:
    return MeasureSnapshot.objects.select_related("frozen_by").order_by("-start")


@dataclass
class PeriodInfo:
    period: p.Period
    status: str
    frozen_at: datetime.datetime | None


def available_periods(today: datetime.date | None = None) -> list[PeriodInfo]:
    """Quarters and financial years from the first record (or the last two years) to today, newest first."""
    today = today or timezone.localdate()
    first = Completion.objects.aggregate(first=Min("completed_on"))["first"]
    earliest = p.quarters_ending_with(p.quarter_containing(today), 8)[0].start
    if first is not None and first < earliest:
        earliest = first
    frozen = dict(MeasureSnapshot.objects.values_list("period", "frozen_at"))
    periods: list[p.Period] = []
    for year_start in range(p.financial_year_of(today), p.financial_year_of(earliest) - 1, -1):
        year = p.financial_year(year_start)
        quarters = [p.quarter(year_start, n) for n in (4, 3, 2, 1)]
        periods.extend(q for q in quarters if q.start <= today and q.end >= earliest)
        periods.append(year)
    return [
        PeriodInfo(period, FINAL if period.label in frozen else PROVISIONAL, frozen.get(period.label))
        for period in periods
    ]


def quarter_choices(today: datetime.date | None = None) -> list[p.Period]:
    return [info.period for info in available_periods(today) if info.period.is_quarter]


# --- Board reports -----------------------------------------------------------------------------------------


def board_reports(limit: int = 20) -> QuerySet[BoardReport]:
    return BoardReport.objects.select_related("requested_by").order_by("-requested_at")[:limit]


def board_report_recipients() -> list[str]:
    return [address for address in getattr(settings, "BOARD_REPORT_RECIPIENTS", []) if address]


# --- Partners ----------------------------------------------------------------------------------------------


def organisation_staff(organisation: Organisation, today: datetime.date | None = None) -> QuerySet[User]:
    """The organisation's staff, by name, each with their completions and certificates preloaded (3 queries).

    Everyone whose profile names the organisation, including people whose imported history made them an
    account they have not claimed yet (inactive).

    ``completions_done`` holds their completions (newest first, with course
    and certificate); ``renewals_due`` the certificates that are not revoked,
    have an expiry date within the renewal window (or past it), and that no
    later completion of the same course has replaced.
    """
    completions = Completion.objects.select_related("course", "certificate").order_by("-completed_on", "-pk")
    return (
        User.objects.filter(organisation=organisation)
        .select_related("district")
        .prefetch_related(Prefetch("completions", queryset=completions, to_attr="completions_done"))
        .order_by("full_name", "email")
    )


@dataclass(frozen=True)
class StaffCounts:
    """How many of an organisation's staff are on the platform, and in what state their accounts are."""

    people: int
    in_use: int  # accounts people use
    not_signed_in: int  # accounts made by importing their training history, not claimed yet
    closed: int  # accounts that were used once and have been deactivated


def staff_counts(organisation: Organisation) -> StaffCounts:
    """The figures above the staff list, in one query.

    Everyone with a training record counts (a partner lead is answerable for their training), but the list
    says which people have never signed in: "people with an account" over a list of mostly unclaimed imported
    accounts told the lead something that was not so.
    """
    counts = User.objects.filter(organisation=organisation).aggregate(
        people=Count("pk"),
        in_use=Count("pk", filter=Q(is_active=True)),
        not_signed_in=Count("pk", filter=Q(is_active=False, last_login__isnull=True)),
        closed=Count("pk", filter=Q(is_active=False, last_login__isnull=False)),
    )
    return StaffCounts(**counts)


def renewals_due(person: User, today: datetime.date | None = None) -> list[Certificate]:
    """Of a person's preloaded completions: certificates due for renewal (expiring soon or expired, not replaced)."""
    due_before = renewal_due_before(today)
    latest_by_course: dict[int, Completion] = {}
    for completion in person.completions_done:
        latest = latest_by_course.get(completion.course_id)
        if latest is None or completion.completed_on > latest.completed_on:
            latest_by_course[completion.course_id] = completion
    due = []
    for completion in latest_by_course.values():
        certificate = getattr(completion, "certificate", None)
        if certificate is None or certificate.is_revoked or certificate.expires_on is None:
            continue
        if certificate.expires_on <= due_before:
            due.append(certificate)
    return sorted(due, key=lambda c: c.expires_on)


def api_tokens_of(user: User) -> QuerySet[PartnerApiToken]:
    return PartnerApiToken.objects.filter(user=user).order_by("revoked_at", "-created_at")


# --- Evaluations -------------------------------------------------------------------------------------------


def evaluation_results(period: p.Period) -> dict:
    """Evaluations submitted in the period: how many, and the mean scores (1-5), in one query.

    ``usefulness`` counts how many answered each score from 1 to 5.
    """
    evaluations = m.evaluations_in(period)
    summary = evaluations.aggregate(
        responses=Count("id"),
        before=Avg("confidence_before"),
        after=Avg("confidence_after"),
        uplift=Avg(F("confidence_after") - F("confidence_before")),
        useful=Avg("usefulness"),
        **{f"usefulness_{score}": Count("id", filter=Q(usefulness=score)) for score in range(1, 6)},
    )
    return {
        "responses": summary["responses"],
        "confidence_before": _rounded(summary["before"]),
        "confidence_after": _rounded(summary["after"]),
        "confidence_uplift": _rounded(summary["uplift"]),
        "usefulness": _rounded(summary["useful"]),
        "usefulness_scores": {str(score): summary[f"usefulness_{score}"] for score in range(1, 6)},
    }


def _rounded(value) -> float | None:
    return None if value is None else round(float(value), 2)


def frozen_evaluation_results(period: p.Period) -> dict | None:
    snapshot = MeasureSnapshot.objects.filter(period=period.label).only("evaluation").first()
    return snapshot.evaluation if snapshot is not None and snapshot.evaluation else None


# --- Exports -----------------------------------------------------------------------------------------------

COMPLETION_EXPORT_HEADERS = [
    "completed_on",
    "email",
    "name",
    "course",
    "organisation",
    "sector",
    "district",
    "source",
]


def completion_rows(period: p.Period, chunk_size: int = 5000):
    """Every completion in the period as a tuple (the export's columns), streamed from the database.

    A server-side cursor on PostgreSQL: the rows are never all in memory at once.
    """
    return _completion_export_query(period).iterator(chunk_size=chunk_size)


def _completion_export_query(period: p.Period, *, safe_text: bool = False):
    text = ["user__email", "user__full_name", "course__title", "organisation__name", "sector__name", "district__name"]
    records = m.completions_in(period).order_by("completed_on", "pk")
    if safe_text:
        records = records.annotate(**{f"safe_{n}": SpreadsheetSafe(n) for n in text})
        text = [f"safe_{n}" for n in text]
    return records.values_list("completed_on", *text, "source")


def completion_export(period: p.Period):
    """Every completion in the period as CSV byte chunks, in constant memory.

    On PostgreSQL the database writes the CSV (``COPY ... TO STDOUT``, text guarded against spreadsheet
    formulas in SQL); elsewhere Python's csv module writes the rows as they stream from the cursor.
    """
    if connection.vendor == "postgresql":
        return database_csv(_completion_export_query(period, safe_text=True), COMPLETION_EXPORT_HEADERS)
    return csv_chunks(COMPLETION_EXPORT_HEADERS, completion_rows(period))


def staff_rows(organisation: Organisation):
    """The partner lead's staff list as rows for the download: one row per completion (or one for none)."""
    headers = ["name", "email", "job title", "district", "course", "completed on", "certificate expires", "renewal due"]
    rows = []
    for person in organisation_staff(organisation):
        due = {c.pk for c in renewals_due(person)}
        if not person.completions_done:
            rows.append([person.full_name, person.email, person.job_title, str(person.district or ""), "", "", "", ""])
        for completion in person.completions_done:
            certificate = getattr(completion, "certificate", None)
            expires = certificate.expires_on if certificate and not certificate.revoked_at else None
            renewal = "yes" if certificate is not None and certificate.pk in due else ""
            rows.append(
                [
                    person.full_name,
                    person.email,
                    person.job_title,
                    str(person.district or ""),
                    completion.course.title,
                    completion.completed_on,
                    expires or "",
                    renewal,
                ]
            )
    return headers, rows
