"""Partner leads' pages on the site: the partnership's figures, their own organisation's, their staff, API tokens.

Every view checks ``accounts.view_partner_figures`` on the server; a partner
lead sees only their own organisation's staff (any other id is a 404).
"""

from __future__ import annotations

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from accounts.models import Organisation
from courses.certificates.rules import renewal_window_days
from courses.learning.assignments import AssignmentCounts, assignment_counts
from home.pagination import get_page

from . import exports, selectors, services, suppression
from . import measures as m
from .forms import ApiTokenForm, PartnerPeriodForm
from .models import PartnerApiToken
from .tables import as_output, grid

STAFF_PER_PAGE = 50


def partner_required(view):
    """Signed in, with the ``accounts.view_partner_figures`` permission (partner leads, training managers)."""

    @wraps(view)
    @login_required
    def wrapper(request, *args, **kwargs):
        if not request.user.has_perm("accounts.view_partner_figures"):
            raise PermissionDenied("Partner figures are for partner leads.")
        return view(request, *args, **kwargs)

    return wrapper


def _own_organisation(request, organisation_id: int) -> Organisation:
    """The partner lead's own organisation; any other id is not found (it is not theirs to ask about)."""
    if request.user.organisation_id is None or organisation_id != request.user.organisation_id:
        raise Http404("No such organisation.")
    return get_object_or_404(Organisation, pk=organisation_id)


@partner_required
def partner_figures(request):
    """The partnership's suppressed figures for a period, and the partner lead's organisation's own."""
    form = PartnerPeriodForm(request.GET or None)
    period = form.chosen_period()
    totals = selectors.reported(period, "none")

    def published(by: str) -> dict:
        result = totals if by == "none" else selectors.reported(period, by)
        return as_output(result.table, result.status, suppression.suppress(result.table))

    by_district = published("district")
    context = {
        "form": form,
        "period": period,
        "status": totals.status,
        "frozen_at": totals.frozen_at,
        "totals": grid(published("none")),
        "by_district": grid(by_district),
        "by_sector": grid(published("sector")),
        "notes": by_district["notes"],
        "legend": suppression.legend(),
        "organisation": request.user.organisation,
    }
    if request.user.organisation_id:
        own = selectors.organisation_figures(period, request.user.organisation)
        context["own"] = grid(as_output(own.table, own.status))
    return render(request, "reports/partner_figures.html", context)


@partner_required
def organisation_staff(request, organisation_id: int):
    """The partner lead's own organisation's staff: courses completed and certificates due for renewal."""
    organisation = _own_organisation(request, organisation_id)
    page = get_page(Paginator(selectors.organisation_staff(organisation), STAFF_PER_PAGE), request.GET.get("page"))
    today = timezone.localdate()
    counts = assignment_counts([person.pk for person in page.object_list], today)
    people = []
    for person in page.object_list:
        person.assignment_counts = counts.get(person.pk, AssignmentCounts())
        people.append((person, selectors.renewals_due(person)))
    return render(
        request,
        "reports/organisation_staff.html",
        {
            "organisation": organisation,
            "page": page,
            "people": people,
            "counts": selectors.staff_counts(organisation),
            "renewal_window": renewal_window_days(),
            "today": today,
            "can_assign": request.user.has_perm("courses.assign_own_organisation"),
        },
    )


@partner_required
def organisation_staff_download(request, organisation_id: int):
    """The staff list as CSV; each download is recorded in the audit trail."""
    organisation = _own_organisation(request, organisation_id)
    headers, rows = selectors.staff_rows(organisation)
    services.record_staff_list_download(request.user, organisation, len(rows))
    response = StreamingHttpResponse(exports.csv_chunks(headers, rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="staff-{organisation.pk}-learning-record.csv"'
    response["Cache-Control"] = "no-store"
    return response


NEW_TOKEN_SESSION_KEY = "reports:new-api-token"


@never_cache
@partner_required
def api_tokens(request):
    """The partner lead's API tokens: create one (its secret is shown once, now) or revoke one."""
    form = ApiTokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        token, secret = services.create_api_token(request.user, form.cleaned_data["name"])
        messages.success(request, f"Token “{token.name}” created. Copy it now: it will not be shown again.")
        # Post, then redirect: a reload must not create a second token. The secret waits in the (server-side)
        # session for the one page that shows it, and is gone from there as that page is rendered.
        request.session[NEW_TOKEN_SESSION_KEY] = secret
        return redirect("reports:api_tokens")
    new_secret = request.session.pop(NEW_TOKEN_SESSION_KEY, None) if request.method == "GET" else None
    return render(
        request,
        "reports/api_tokens.html",
        {"form": form, "tokens": selectors.api_tokens_of(request.user), "new_secret": new_secret},
        status=400 if form.errors else 200,
    )


@require_POST
@partner_required
def revoke_api_token(request, token_id: int):
    token = get_object_or_404(PartnerApiToken, pk=token_id, user=request.user)
    services.revoke_api_token(token, by=request.user)
    messages.success(request, f"Token “{token.name}” revoked: it no longer works.")
    return redirect("reports:api_tokens")


def api_docs(request):
    """The partner API, for the people who will call it (public: it holds no figures)."""
    return render(
        request,
        "reports/api_docs.html",
        {
            "measures": m.MEASURES,
            "breakdowns": m.BREAKDOWNS,
            "legend": suppression.legend(),
            "threshold": suppression.threshold(),
        },
    )
