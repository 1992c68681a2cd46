"""The measures, computed in the database, against what they are defined to count."""

import pytest

from accounts.models import District
from courses.models import Enrolment, Topic
from reports import measures as m
from reports.periods import parse_period
from reports.tables import build_table
from tests.factories import OrganisationFactory, district, sector
from tests.reports.conftest import D, complete, enrol, evaluate

pytestmark = pytest.mark.django_db

Q1 = parse_period("2025-26-Q1")


def test_a_completion_counts_where_the_person_worked_when_they_completed(courses, person):
    someone = person(district=district("fenland"))
    complete(someone, courses["awareness"], D(2025, 5, 1))
    someone.district = district("peterborough")
    someone.organisation = OrganisationFactory(sector=sector("nhs-acute"))
    someone.save()

    by_district = m.professionals_trained(Q1, "district")
    assert by_district.rows == {district("fenland").pk: 1}
    assert m.professionals_trained(Q1, "sector").rows == {sector("police").pk: 1}


def test_people_are_distinct_in_each_row_and_in_the_total(courses, person):
    mover = person(district=district("fenland"))
    complete(mover, courses["awareness"], D(2025, 4, 10))
    complete(mover, courses["specialist"], D(2025, 6, 1), district=district("peterborough"))
    complete(mover, courses["champion"], D(2025, 6, 2), district=district("peterborough"))
    other = person(district=district("fenland"))
    complete(other, courses["awareness"], D(2025, 4, 11))

    trained = m.professionals_trained(Q1, "district")
    assert trained.rows == {district("fenland").pk: 2, district("peterborough").pk: 1}
    assert trained.total == 2  # not 3: the mover is one person
    table = build_table(Q1, "district")
    assert any("total can be less than the sum of its rows" in note for note in table.notes)
    assert m.completions(Q1, "district").total == 4


def test_only_completions_inside_the_period_count(courses, person):
    someone = person()
    complete(someone, courses["awareness"], D(2025, 3, 31))
    complete(someone, courses["specialist"], D(2025, 7, 1))
    assert m.professionals_trained(Q1).total == 0
    complete(someone, courses["awareness"], D(2025, 6, 30))
    complete(person(), courses["awareness"], D(2025, 4, 1))
    assert m.professionals_trained(Q1).total == 2


def test_specialist_training_counts_only_courses_marked_specialist(courses, person):
    complete(person(), courses["awareness"], D(2025, 5, 1))
    complete(person(), courses["specialist"], D(2025, 5, 1))
    assert m.specialist_da_trained(Q1).total == 1
    assert m.professionals_trained(Q1).total == 2


def test_by_topic_a_completion_counts_under_every_topic_of_its_course(courses, person):
    complete(person(), courses["specialist"], D(2025, 5, 1))
    complete(person(), courses["champion"], D(2025, 5, 1))  # no topic
    topics = {t.slug: t.pk for t in Topic.objects.all()}
    result = m.completions(Q1, "topic")
    assert result.rows == {topics["domestic_abuse"]: 1, topics["stalking_harassment"]: 1, None: 1}
    assert result.total == 2
    table = build_table(Q1, "topic")
    assert table.rows[-1].label == "No topic"


def test_by_course(courses, person):
    complete(person(), courses["specialist"], D(2025, 5, 1))
    complete(person(), courses["specialist"], D(2025, 5, 2))
    assert m.professionals_trained(Q1, "course").rows == {courses["specialist"].pk: 2}


def test_enrolments_and_completion_rate_follow_enrolments_started_in_the_period(courses, person):
    someone, other = person(), person()
    done = enrol(someone, courses["awareness"], D(2025, 4, 2), Enrolment.Status.COMPLETED)
    complete(someone, courses["awareness"], D(2025, 8, 1), enrolment=done)  # completed after the quarter
    enrol(other, courses["awareness"], D(2025, 4, 3))
    enrol(other, courses["specialist"], D(2025, 4, 4), Enrolment.Status.WITHDRAWN)
    enrol(other, courses["specialist"], D(2025, 7, 4))  # next quarter

    assert m.enrolments(Q1).total == 3
    assert m.completion_rate(Q1).total == m.Ratio(1, 3)
    assert m.completion_rate(Q1).total.percent == 33.3


def test_enrolments_count_where_the_person_works_by_their_profile(courses, person):
    someone = person(district=district("fenland"))
    enrol(someone, courses["awareness"], D(2025, 4, 2))
    enrol(person(district=district("peterborough")), courses["specialist"], D(2025, 4, 3))
    assert m.enrolments(Q1, "district").rows == {district("peterborough").pk: 1, district("fenland").pk: 1}


def test_confidence_uplift_is_the_mean_change_over_evaluations_in_the_period(courses, person):
    evaluate(complete(person(), courses["awareness"], D(2025, 5, 1)), before=2, after=4)
    evaluate(complete(person(), courses["awareness"], D(2025, 5, 2)), before=3, after=4)
    evaluate(complete(person(), courses["awareness"], D(2025, 3, 2)), before=1, after=5)  # last quarter
    uplift = m.confidence_uplift(Q1)
    assert uplift.total == m.Mean(3, 2)
    assert uplift.total.value == 1.5


def test_one_organisations_own_figures(courses, person):
    mine = OrganisationFactory()
    complete(person(organisation=mine), courses["awareness"], D(2025, 5, 1))
    complete(person(), courses["awareness"], D(2025, 5, 1))
    assert m.professionals_trained(Q1, "none", organisation_id=mine.pk).total == 1
    assert m.professionals_trained(Q1, "district", organisation_id=mine.pk).rows == {district("fenland").pk: 1}


def test_unknown_breakdowns_are_refused_with_the_list_of_breakdowns():
    with pytest.raises(m.BreakdownError, match="choose one of none, district, sector"):
        m.check_breakdown("postcode")


def test_every_district_and_sector_is_listed_even_at_zero(courses, person):
    complete(person(), courses["awareness"], D(2025, 5, 1))
    table = build_table(Q1, "district")
    assert [row.label for row in table.rows] == [d.name for d in District.objects.all()]
    fenland = next(row for row in table.rows if row.key == "fenland")
    assert fenland.values["professionals_trained"] == 1
    assert sum(row.values["professionals_trained"] == 0 for row in table.rows) == District.objects.count() - 1


def test_a_place_not_recorded_has_its_own_row(courses, person):
    someone = person(district=None)
    completion = complete(someone, courses["awareness"], D(2025, 5, 1))
    completion.district = None
    completion.save()
    table = build_table(Q1, "district")
    assert table.rows[-1].key is None
    assert table.rows[-1].label == "District not recorded"
    assert table.rows[-1].values["completions"] == 1


def test_champion_measures_read_the_champion_records(make_champion, courses, person):
    from champions import services
    from tests.reports.conftest import at

    champion = make_champion(at=at(D(2025, 5, 10)))
    services.log_activity(
        champion, kind="colleagues_briefed", activity_date=D(2025, 6, 1), people_reached=12, topic=None, note=""
    )
    assert m.active_champions(Q1).total == 1
    assert m.new_champions(Q1).total == 1
    assert m.colleagues_reached(Q1).total == 12
    assert m.colleagues_reached(Q1, "district").rows == {champion.user.district_id: 12}
    # The champion completed champion training in the quarter and was active: one person, two ways.
    assert m.champion_network_accessed(Q1).total == 1
    assert m.new_champions(Q1, "course").rows is None  # not applicable by course
    assert m.active_champions(parse_period("2025-26-Q2")).total == 1
    assert m.new_champions(parse_period("2025-26-Q2")).total == 0


def test_all_measures_by_district_take_a_fixed_number_of_queries(courses, person, django_assert_max_num_queries):
    def run():
        build_table(Q1, "district")

    for day in range(1, 4):
        complete(person(), courses["awareness"], D(2025, 5, day))
    with django_assert_max_num_queries(30) as few:  # with the sessions', assignments' and follow-ups' measures
        run()
    for day in range(4, 30):
        complete(person(district=district("peterborough")), courses["specialist"], D(2025, 5, day))
    with django_assert_max_num_queries(len(few.captured_queries)):
        run()


def test_without_specialist_or_champion_courses_those_measures_are_zero(person):
    from tests.courses.course_pages import course

    plain = course("plain-course", "Plain course")
    complete(person(), plain, D(2025, 5, 1))
    for by in ("none", "district"):
        assert m.specialist_da_trained(Q1, by).total == 0
        assert m.champion_network_accessed(Q1, by).total == 0
    assert m.compute(Q1, "district")["professionals_trained"].total == 1
