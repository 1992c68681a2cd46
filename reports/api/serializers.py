"""The shapes of the API's responses, for the OpenAPI schema (the views build plain dicts in these shapes)."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from .. import measures as m

SUPPRESSED_PATTERN = r"^(<\d+|\[c\])$"


SUPPRESSED = {"type": "string", "pattern": SUPPRESSED_PATTERN, "description": "Suppressed: `<5` or `[c]`."}


@extend_schema_field({"oneOf": [{"type": "integer", "minimum": 0}, SUPPRESSED, {"type": "null"}]})
class CountField(serializers.Field):
    """A count of people or records, a suppressed marker, or null (the measure has no rows by this breakdown)."""

    def to_representation(self, value):
        return value


@extend_schema_field({"oneOf": [{"type": "number"}, SUPPRESSED, {"type": "null"}]})
class DerivedField(serializers.Field):
    """A rate (percent) or mean, hidden when it rests on few people, or null (nothing to divide by)."""

    def to_representation(self, value):
        return value


@extend_schema_field({"oneOf": [{"type": "string"}, {"type": "integer"}, {"type": "null"}]})
class RowKeyField(serializers.Field):
    def to_representation(self, value):
        return value


def _figures() -> dict:
    return {
        measure.name: (CountField if measure.is_count else DerivedField)(
            help_text=f"{measure.label}: {measure.definition}"
        )
        for measure in m.MEASURES
    }


class PeriodSerializer(serializers.Serializer):
    label = serializers.CharField(help_text="2025-26-Q1, 2025-26, or 2025-04-01..2025-04-30 for a date range.")
    start = serializers.DateField()
    end = serializers.DateField()


TotalSerializer = type(
    "TotalSerializer",
    (serializers.Serializer,),
    {**_figures(), "__doc__": "The totals: distinct people are counted once however many rows they are in."},
)
RowSerializer = type(
    "RowSerializer",
    (serializers.Serializer,),
    {
        "key": RowKeyField(
            help_text="The row: a slug (district, sector, topic), an id (organisation, course), or "
            "null for records whose place was not recorded."
        ),
        "label": serializers.CharField(),
        **_figures(),
        "__doc__": "One row of the breakdown.",
    },
)


class MeasuresSerializer(serializers.Serializer):
    period = PeriodSerializer()
    by = serializers.ChoiceField(choices=m.BREAKDOWNS)
    status = serializers.ChoiceField(
        choices=["final", "provisional"], help_text="final: frozen figures on file; provisional: live figures."
    )
    rows = RowSerializer(many=True)
    total = TotalSerializer()
    notes = serializers.ListField(child=serializers.CharField())
    legend = serializers.CharField(help_text="What the suppression markers mean.")


class PeriodInfoSerializer(serializers.Serializer):
    label = serializers.CharField()
    kind = serializers.ChoiceField(choices=["quarter", "year"])
    title = serializers.CharField()
    start = serializers.DateField()
    end = serializers.DateField()
    status = serializers.ChoiceField(choices=["final", "provisional"])
    frozen_at = serializers.DateTimeField(allow_null=True)
    measures_url = serializers.CharField()


class PeriodsSerializer(serializers.Serializer):
    periods = PeriodInfoSerializer(many=True)


class ErrorSerializer(serializers.Serializer):
    message = serializers.CharField(help_text="What went wrong, in words a person can act on.")
    code = serializers.CharField(help_text="A stable code, e.g. unknown_period, bad_breakdown, revoked_token.")
