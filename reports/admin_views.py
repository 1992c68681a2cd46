"""The training managers' dashboard in the Wagtail admin (Reports > Measures), its exports and board reports.

Every view checks ``measures_policy`` (``reports.permissions``: "view", and "freeze" to create a board
report) on the server, whatever the menu shows.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import FileResponse, Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.views.generic import TemplateView, View
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from champions import selectors as champion_selectors
from home.admin_permissions import PolicyCheckedMixin

from . import exports, selectors, services
from . import measures as m
from . import periods as p
from .charts import bar_chart
from .forms import DashboardForm
from .models import BoardReport
from .permissions import measures_policy
from .tables import as_output, display_value, format_figure, grid

SERIES_LENGTH = 8


class MeasuresDashboard(PolicyCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    permission_policy = measures_policy
    permission_required = "view"
    template_name = "reports/admin/dashboard.html"
    page_title = "Measures"
    header_icon = "table"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": "Measures"}]

    def get(self, request, *args, **kwargs):
        self.form = DashboardForm(request.GET or None)
        self.period, self.by, self.chart_measure = self.form.chosen()
        self.result = selectors.reported(self.period, self.by, with_live=True)
        export = request.GET.get("export")
        if export in ("csv", "xlsx"):
            return self.export(export)
        return super().get(request, *args, **kwargs)

    def export(self, file_format: str) -> HttpResponse:
        """The table as shown (unsuppressed: training managers see every figure), as CSV or XLSX."""
        output = as_output(self.result.table, self.result.status)
        headers, rows = exports.table_sheet(output)
        name = exports.filename(output, file_format)
        if file_format == "csv":
            response = StreamingHttpResponse(exports.csv_chunks(headers, rows), content_type="text/csv; charset=utf-8")
        else:
            response = HttpResponse(
                exports.xlsx_bytes(headers, rows, title=output["period"]["label"]),
                content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            )
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        output = as_output(self.result.table, self.result.status)
        table = grid(output)
        self._mark_live_differences(table)
        chart_measure = m.measure(self.chart_measure)
        last_quarter = self.period if self.period.is_quarter else p.quarter_containing(self.period.end)
        series = selectors.series(last_quarter, SERIES_LENGTH, names=(chart_measure.name,))
        series_points = [
            (
                point.period.label,
                display_value(point.totals[chart_measure.name]),
                format_figure(display_value(point.totals[chart_measure.name]), chart_measure),
                point.status,
            )
            for point in series
        ]
        district_output = output if self.by == "district" else as_output(*self._district_table(chart_measure.name))
        district_points = [
            (row["label"], row[chart_measure.name], format_figure(row[chart_measure.name], chart_measure), "")
            for row in district_output["rows"]
        ]
        query = self.request.GET.copy()
        query.pop("export", None)
        context.update(
            {
                "form": self.form.showing(),
                "refused": self.form.errors if self.form.is_bound else {},
                "period": self.period,
                "by": self.by,
                "result": self.result,
                "table": table,
                "notes": output["notes"],
                "chart_measure": chart_measure,
                "series_chart": bar_chart(f"{chart_measure.label}, the last {SERIES_LENGTH} quarters", series_points),
                "district_chart": bar_chart(f"{chart_measure.label} by district, {self.period.title}", district_points),
                "csv_url": f"?{urlencode({**query.dict(), 'export': 'csv'})}",
                "xlsx_url": f"?{urlencode({**query.dict(), 'export': 'xlsx'})}",
                "completions_url": reverse("reports_admin:completions_export")
                + "?"
                + urlencode(_period_query(self.period)),
                "can_freeze": measures_policy.user_has_permission(self.request.user, "freeze"),
                # Live, today: hiding from the directory changes no measure, so it is beside the table, not in it.
                "unconfirmed_champions": champion_selectors.unconfirmed_champions_count(),
                "can_see_champions": self.request.user.has_perm("champions.view_championprofile"),
                "snapshot_delay_days": services.snapshot_delay().days,
                "quarters": selectors.quarter_choices(),
                "board_reports": selectors.board_reports(),
                "snapshots": selectors.snapshots()[:12],
            }
        )
        return context

    def _district_table(self, name: str):
        frozen = selectors.frozen_table(self.period, "district")
        if frozen is not None:
            return frozen[0], selectors.FINAL
        from .tables import build_table

        return build_table(self.period, "district", names=(name,)), selectors.PROVISIONAL

    def _mark_live_differences(self, table: dict) -> None:
        """Beside each frozen figure that the live figures no longer match, the live figure."""
        differences = self.result.differences()
        columns = table["columns"]
        for index, row in enumerate(table["rows"]):
            for column, cell in zip(columns, row["cells"], strict=True):
                if (index, column.name) in differences:
                    cell["live"] = format_figure(display_value(differences[(index, column.name)]), column)
        for column, cell in zip(columns, table["total"], strict=True):
            if ("total", column.name) in differences:
                cell["live"] = format_figure(display_value(differences[("total", column.name)]), column)


def _period_query(period: p.Period) -> dict[str, str]:
    """The dashboard's query string for a period (a custom range as its two days)."""
    if period.kind == "range":
        return {"period": "custom", "start": period.start.isoformat(), "end": period.end.isoformat()}
    return {"period": period.label}


class CompletionsExport(PolicyCheckedMixin, View):
    """Every completion in the period as CSV, streamed (constant memory however many rows)."""

    permission_policy = measures_policy
    permission_required = "view"

    def get(self, request):
        form = DashboardForm(request.GET)
        period, _by, _chart = form.chosen()
        response = StreamingHttpResponse(selectors.completion_export(period), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="completions-{period.label}.csv"'
        return response


class RequestBoardReport(PolicyCheckedMixin, View):
    """Queue a quarter's board report (rendered by Celery); its job's page follows it, the dashboard lists it."""

    permission_policy = measures_policy
    permission_required = "freeze"
    http_method_names = ["post"]

    def post(self, request):
        back = f"{reverse('reports_admin:dashboard')}?{urlencode({'period': request.POST.get('period', '')})}"
        try:
            period = p.parse_period(request.POST.get("period", ""))
            job = services.request_board_report_job(period, request.user, return_url=f"{back}#board-reports")
        except (p.PeriodError, services.BoardReportError) as error:
            messages.error(request, str(error))
            return redirect(f"{back}#board-reports")
        # Post, then redirect to the job's page: progress while the worker renders it, then the link.
        return redirect("jobs:job", job_id=job.pk)


class DownloadBoardReport(PolicyCheckedMixin, View):
    """A ready board report's PDF."""

    permission_policy = measures_policy
    permission_required = "view"

    def load(self, *, report_id: int, **kwargs) -> None:
        self.report = get_object_or_404(BoardReport, pk=report_id)

    def get(self, request, report_id: int):
        report = self.report
        if report.status != BoardReport.Status.READY or not report.pdf:
            raise Http404("This board report is not ready.")
        return FileResponse(
            report.pdf.open("rb"),
            as_attachment=True,
            filename=f"board-report-{report.period}.pdf",
            content_type="application/pdf",
        )
