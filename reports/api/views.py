"""The partner API: thin views over ``reports.selectors``; every error is JSON with a message and a code."""

from __future__ import annotations

from django.http import JsonResponse
from django.urls import reverse
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import APIView, exception_handler

from .. import measures as m
from .. import periods as p
from .. import selectors
from .authentication import HasPartnerFigures, PartnerApiThrottle, PartnerTokenAuthentication
from .serializers import ErrorSerializer, MeasuresSerializer, PeriodsSerializer

ERRORS = {
    400: OpenApiResponse(ErrorSerializer, description="Bad input: an unknown period or breakdown."),
    401: OpenApiResponse(ErrorSerializer, description="No token, or a malformed, unknown or revoked token."),
    403: OpenApiResponse(ErrorSerializer, description="The token's account has no access to partner figures."),
    429: OpenApiResponse(ErrorSerializer, description="Too many requests: wait and try again."),
}


class BadInput(exceptions.APIException):
    status_code = status.HTTP_400_BAD_REQUEST
    default_code = "bad_request"


def json_errors(exc, context):
    """DRF's handler, reshaped to ``{"message": ..., "code": ...}``."""
    response = exception_handler(exc, context)
    if response is None:
        return None
    detail = getattr(exc, "detail", None)
    if isinstance(detail, dict | list):
        codes = exc.get_codes()
        message, code = _first(detail), _first(codes)
    else:
        message = str(detail) if detail is not None else response.reason_phrase
        code = getattr(detail, "code", None) or "error"
    if isinstance(exc, exceptions.Throttled):
        code = "throttled"
    response.data = {"message": str(message), "code": str(code)}
    return response


def _first(value):
    while isinstance(value, dict | list):
        value = next(iter(value.values())) if isinstance(value, dict) else value[0]
    return value


class PartnerApiView(APIView):
    authentication_classes = [PartnerTokenAuthentication]
    permission_classes = [HasPartnerFigures]
    throttle_classes = [PartnerApiThrottle]

    def get_exception_handler(self):
        return json_errors


def _period_from(request) -> p.Period:
    try:
        return p.period_from_input(
            request.query_params.get("period"), request.query_params.get("from"), request.query_params.get("to")
        )
    except p.PeriodError as error:
        raise BadInput(str(error), code="unknown_period") from None


class MeasuresView(PartnerApiView):
    @extend_schema(
        operation_id="measures",
        summary="The measures for a period, by a breakdown (suppressed)",
        description="All the measures for a financial quarter, a financial year or a date range, by district, "
        "sector, organisation, course or topic, with small numbers suppressed. Frozen quarters give the figures "
        "on file (`status: final`); others the live figures (`status: provisional`).",
        parameters=[
            OpenApiParameter("period", str, description="A financial quarter (2025-26-Q1) or year (2025-26)."),
            OpenApiParameter("from", str, description="Instead of period: the first day (YYYY-MM-DD)."),
            OpenApiParameter("to", str, description="Instead of period: the last day (YYYY-MM-DD)."),
            OpenApiParameter("by", str, enum=m.BREAKDOWNS, default="none", description="The breakdown."),
        ],
        responses={200: MeasuresSerializer, **ERRORS},
        examples=[
            OpenApiExample(
                "Unknown period",
                value={
                    "message": "“2025-26-Q5” is not a period: a financial year has quarters Q1 to Q4.",
                    "code": "unknown_period",
                },
                response_only=True,
                status_codes=["400"],
            )
        ],
    )
    def get(self, request):
        period = _period_from(request)
        try:
            by = m.check_breakdown(request.query_params.get("by"))
        except m.BreakdownError as error:
            raise BadInput(str(error), code="bad_breakdown") from None
        return Response(selectors.published(period, by, suppressed=True))


class PeriodsView(PartnerApiView):
    @extend_schema(
        operation_id="periods",
        summary="The periods with figures, newest first",
        description="Financial quarters and years from the first record to today, each final (frozen) or "
        "provisional, with the URL of its measures.",
        responses={200: PeriodsSerializer, **ERRORS},
    )
    def get(self, request):
        base = request.build_absolute_uri(reverse("reports_api:measures"))
        return Response(
            {
                "periods": [
                    {
                        "label": info.period.label,
                        "kind": info.period.kind,
                        "title": info.period.title,
                        "start": info.period.start.isoformat(),
                        "end": info.period.end.isoformat(),
                        "status": info.status,
                        "frozen_at": info.frozen_at.isoformat() if info.frozen_at else None,
                        "measures_url": f"{base}?period={info.period.label}",
                    }
                    for info in selectors.available_periods()
                ]
            }
        )


def not_found(request, *args, **kwargs):
    """Anything else under /api/v1/: a JSON 404 rather than a web page."""
    return JsonResponse(
        {"message": "There is nothing at this address: see /api/v1/docs/ for the endpoints.", "code": "not_found"},
        status=404,
    )
