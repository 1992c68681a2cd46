"""Property-based: on random records, every measure equals a brute-force count in Python.

Each example adds random completions, enrolments, evaluations and champion records inside a savepoint that
is rolled back afterwards, then checks every measure by every breakdown against sets built in Python from
the same records, that totals are distinct counts, and that the suppressed table never reveals a count
from 1 to 4.
"""

import datetime
from collections import defaultdict

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from accounts.models import District
from champions import selectors as champion_selectors
from champions.models import ChampionActivity, ChampionContact, ChampionProfile, ChampionStatusChange
from courses.models import Completion, Enrolment, Evaluation, Topic
from reports import measures as m
from reports.periods import date_range, parse_period
from reports.suppression import TOTAL, suppress
from reports.tables import build_table
from tests.factories import OrganisationFactory, UserFactory, sector
from tests.reports.conftest import at
from tests.reports.test_suppression import possible_values

pytestmark = pytest.mark.django_db

FIRST_DAY = datetime.date(2025, 3, 1)
PEOPLE = 5


@pytest.fixture
def world(courses):
    organisations = [OrganisationFactory(sector=sector(s)) for s in ("police", "nhs-acute", "education")]
    districts = list(District.objects.all()[:3])
    people = [UserFactory(organisation=organisations[i % 3], district=districts[i % 3]) for i in range(PEOPLE)]
    profiles = [ChampionProfile.objects.create(user=p) for p in people]
    topics = list(Topic.objects.all()[:2])
    return {
        "courses": [courses["awareness"], courses["specialist"], courses["champion"]],
        "organisations": organisations,
        "districts": districts,
        "people": people,
        "profiles": profiles,
        "topics": topics,
    }


days = st.integers(min_value=0, max_value=200)
person = st.integers(min_value=0, max_value=PEOPLE - 1)
place = st.tuples(st.integers(0, 2), st.integers(0, 2))  # (district index, organisation index)

records = st.fixed_dictionaries(
    {
        "completions": st.lists(st.tuples(person, st.integers(0, 2), days, place), max_size=25),
        "enrolments": st.lists(
            st.tuples(person, st.integers(0, 2), days, st.sampled_from(Enrolment.Status.values)), max_size=10
        ),
        "evaluations": st.lists(st.tuples(st.integers(1, 5), st.integers(1, 5), st.integers(1, 5), days), max_size=8),
        "status_changes": st.lists(st.tuples(person, days, st.sampled_from(["active", "lapsed"]), place), max_size=8),
        "activities": st.lists(st.tuples(person, days, st.integers(1, 30), st.integers(-1, 1), place), max_size=6),
        "contacts": st.lists(st.tuples(person, person, days, place), max_size=4),
    }
)


@st.composite
def periods(draw):
    if draw(st.booleans()):
        return parse_period(draw(st.sampled_from(["2025-26-Q1", "2025-26-Q2", "2024-25-Q4"])))
    start = FIRST_DAY + datetime.timedelta(days=draw(days))
    return date_range(start, start + datetime.timedelta(days=draw(st.integers(0, 120))))


def create(world, data):
    w = world
    completions = []
    seen = set()
    for who, which, day, (d, o) in data["completions"]:
        on = FIRST_DAY + datetime.timedelta(days=day)
        if (who, which, on) in seen:
            continue
        seen.add((who, which, on))
        organisation = w["organisations"][o]
        completions.append(
            Completion.objects.create(
                user=w["people"][who],
                course=w["courses"][which],
                completed_on=on,
                completed_at=at(on),
                organisation=organisation,
                sector_id=organisation.sector_id,
                district=w["districts"][d],
            )
        )
    for who, which, day, status in data["enrolments"]:
        if (
            status == "active"
            and Enrolment.objects.filter(user=w["people"][who], course=w["courses"][which], status="active").exists()
        ):
            continue
        Enrolment.objects.create(
            user=w["people"][who],
            course=w["courses"][which],
            status=status,
            enrolled_at=at(FIRST_DAY + datetime.timedelta(days=day)),
        )
    for completion, (before, after, useful, day) in zip(completions, data["evaluations"], strict=False):
        Evaluation.objects.create(
            completion=completion,
            confidence_before=before,
            confidence_after=after,
            usefulness=useful,
            submitted_at=at(FIRST_DAY + datetime.timedelta(days=day), 12),
        )
    for n, (who, day, status, (d, o)) in enumerate(data["status_changes"]):
        on = FIRST_DAY + datetime.timedelta(days=day)
        organisation = w["organisations"][o]
        ChampionStatusChange.objects.create(
            profile=w["profiles"][who],
            user=w["people"][who],
            to_status=status,
            changed_on=on,
            changed_at=at(on, 9) + datetime.timedelta(minutes=n),
            organisation=organisation,
            sector_id=organisation.sector_id,
            district=w["districts"][d],
        )
    for who, day, reached, topic, (d, o) in data["activities"]:
        organisation = w["organisations"][o]
        ChampionActivity.objects.create(
            champion=w["profiles"][who],
            user=w["people"][who],
            activity_date=FIRST_DAY + datetime.timedelta(days=day),
            kind="colleagues_briefed",
            people_reached=reached,
            topic=w["topics"][topic] if topic >= 0 else None,
            organisation=organisation,
            sector_id=organisation.sector_id,
            district=w["districts"][d],
        )
    for sender, champion, day, (d, o) in data["contacts"]:
        on = FIRST_DAY + datetime.timedelta(days=day)
        organisation = w["organisations"][o]
        ChampionContact.objects.create(
            sender=w["people"][sender],
            champion=w["profiles"][champion],
            sent_on=on,
            sent_at=at(on),
            organisation=organisation,
            sector_id=organisation.sector_id,
            district=w["districts"][d],
        )


# --- Brute force -------------------------------------------------------------------------------------------


def place_key(record, by):
    return {"district": record.district_id, "sector": record.sector_id, "organisation": record.organisation_id}[by]


def completion_keys(c, by, topics_of):
    if by in ("district", "sector", "organisation"):
        return [place_key(c, by)]
    if by == "course":
        return [c.course_id]
    return topics_of[c.course_id] or [None]


def enrolment_keys(e, by, topics_of):
    """Enrolments count where the person works by their profile (nothing is copied when someone enrols)."""
    if by == "district":
        return [e.user.district_id]
    if by == "sector":
        return [e.user.organisation.sector_id]
    if by == "organisation":
        return [e.user.organisation_id]
    if by == "course":
        return [e.course_id]
    return topics_of[e.course_id] or [None]


def brute_force(period, by):
    topics_of = {
        c.pk: [t.pk for t in c.topics.all()]
        for c in {x.course for x in Completion.objects.all()} | {x.course for x in Enrolment.objects.all()}
    }
    lower = at(period.start, 0)
    upper = at(period.end + datetime.timedelta(days=1), 0)
    comps = [c for c in Completion.objects.select_related("course") if period.start <= c.completed_on <= period.end]
    enrols = [e for e in Enrolment.objects.select_related("user__organisation") if lower <= e.enrolled_at < upper]
    evals = [e for e in Evaluation.objects.select_related("completion") if lower <= e.submitted_at < upper]
    expected = {}

    def people(items, keys_of, who=lambda r: r.user_id):
        total = {who(r) for r in items}
        if by == "none":
            return len(total), {}
        cells = defaultdict(set)
        for r in items:
            for k in keys_of(r):
                cells[k].add(who(r))
        return len(total), {k: len(v) for k, v in cells.items()}

    def count(items, keys_of, amount=lambda r: 1):
        total = sum(amount(r) for r in items)
        if by == "none":
            return total, {}
        cells = defaultdict(int)
        for r in items:
            for k in keys_of(r):
                cells[k] += amount(r)
        return total, dict(cells)

    def ckeys(c):
        return completion_keys(c, by, topics_of)

    expected["professionals_trained"] = people(comps, ckeys)
    expected["specialist_da_trained"] = people([c for c in comps if c.course.counts_as_specialist_da], ckeys)
    expected["completions"] = count(comps, ckeys)
    expected["enrolments"] = count(enrols, lambda e: enrolment_keys(e, by, topics_of))
    done = [e for e in enrols if e.status == "completed"]
    rate_total, rate_rows = count(enrols, lambda e: enrolment_keys(e, by, topics_of))
    done_total, done_rows = count(done, lambda e: enrolment_keys(e, by, topics_of))
    expected["completion_rate"] = (
        m.Ratio(done_total, rate_total),
        {k: m.Ratio(done_rows.get(k, 0), n) for k, n in rate_rows.items()},
    )
    sums = count(evals, lambda e: ckeys(e.completion), amount=lambda e: e.confidence_after - e.confidence_before)
    counts = count(evals, lambda e: ckeys(e.completion))
    expected["confidence_uplift"] = (
        m.Mean(sums[0], counts[0]),
        {k: m.Mean(sums[1].get(k, 0), n) for k, n in counts[1].items()},
    )

    place_by = by in ("none", "district", "sector", "organisation")

    def rows_of(qs):
        return [type("R", (), dict(row, user_id=row.get("user_id", row.get("sender_id")))) for row in qs]

    if place_by:
        access = rows_of(champion_selectors.champion_network_access(period.start, period.end))
        access += [c for c in comps if c.course.is_champion_training]
        expected["champion_network_accessed"] = people(access, lambda r: [place_key(r, by)])
        expected["active_champions"] = people(
            rows_of(champion_selectors.active_champions_on(period.end)), lambda r: [place_key(r, by)]
        )
        expected["new_champions"] = people(
            rows_of(champion_selectors.new_champions(period.start, period.end)), lambda r: [place_key(r, by)]
        )
    activity = rows_of(champion_selectors.champion_activity(period.start, period.end))
    if place_by or by == "topic":
        keys = (lambda r: [r.topic_id]) if by == "topic" else (lambda r: [place_key(r, by)])
        expected["colleagues_reached"] = count(activity, keys, amount=lambda r: r.people_reached)
    else:
        expected["colleagues_reached"] = (sum(r.people_reached for r in activity), None)
    return expected


def non_zero(rows):
    if rows is None:
        return None
    return {k: v for k, v in rows.items() if v not in (0, m.Ratio(0, 0), m.Mean(0, 0))}


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
@given(data=records, period=periods(), by=st.sampled_from(m.BREAKDOWNS))
def test_every_measure_equals_a_brute_force_count(world, data, period, by):
    with transaction.atomic():
        create(world, data)
        expected = brute_force(period, by)
        computed = m.compute(period, by)
        # Each measure alone (its own statements) gives what compute() gives (measures sharing a pass).
        for measure in m.MEASURES:
            assert measure.function(period, by) == computed[measure.name], measure.name
        for name, (total, rows) in expected.items():
            assert computed[name].total == total, name
            if by == "none":
                continue
            assert non_zero(computed[name].rows) == non_zero(rows), name
        for name in ("champion_network_accessed", "active_champions", "new_champions"):
            if name not in expected:
                assert computed[name].rows is None
        # Distinct people: the total is never more than the rows add up to, and never less than any row.
        for measure in m.MEASURES:
            figures = computed[measure.name]
            if measure.kind == "people" and figures.rows:
                assert max(figures.rows.values()) <= figures.total <= sum(figures.rows.values())
        # Suppressed, the table never shows 1-4 nor lets one be worked out from a total.
        table = build_table(period, by)
        cells = suppress(table, 5)
        for measure in m.MEASURES:
            if not measure.is_count:
                continue
            column = [cells[(i, measure.name)] for i in range(len(table.rows))]
            total = cells[(TOTAL, measure.name)]
            for value in [*column, total]:
                assert not (isinstance(value, int) and 1 <= value <= 4)
            if column and None not in column:
                adds_up = measure.adds_up and by in m.PARTITIONS
                for values in possible_values(column, total, adds_up, 5).values():
                    assert len(values) >= 2
        transaction.set_rollback(True)
