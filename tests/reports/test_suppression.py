"""Small-number suppression: what partners may see."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reports import measures as m
from reports.periods import parse_period
from reports.suppression import CONFIDENTIAL, TOTAL, suppress
from reports.tables import MeasureTable, Row

PERIOD = parse_period("2025-26-Q1")
COUNTS = ("professionals_trained", "completions")  # one distinct-people measure, one that adds up


def table(rows: list[dict], total: dict, by: str = "district", names=COUNTS) -> MeasureTable:
    return MeasureTable(
        period=PERIOD,
        by=by,
        measures=tuple(names),
        rows=[Row(key=f"r{i}", label=f"Row {i}", values=values) for i, values in enumerate(rows)],
        total=total,
    )


def shown(table_: MeasureTable, threshold: int = 5) -> dict:
    return suppress(table_, threshold)


def test_counts_from_one_to_four_show_as_less_than_five_and_zero_shows_as_zero():
    cells = shown(
        table(
            [
                {"professionals_trained": 0, "completions": 0},
                {"professionals_trained": 4, "completions": 4},
                {"professionals_trained": 3, "completions": 3},
                {"professionals_trained": 20, "completions": 20},
            ],
            {"professionals_trained": 27, "completions": 27},
        )
    )
    assert cells[(0, "completions")] == 0
    assert cells[(1, "completions")] == "<5"
    assert cells[(2, "completions")] == "<5"
    assert cells[(3, "completions")] == 20
    assert cells[(TOTAL, "completions")] == 27


def test_a_single_hidden_cell_in_a_column_hides_the_next_smallest_so_the_total_gives_nothing_away():
    cells = shown(
        table(
            [{"completions": 3}, {"completions": 9}, {"completions": 30}, {"completions": 0}],
            {"completions": 42},
            names=("completions",),
        )
    )
    assert cells[(0, "completions")] == "<5"
    assert cells[(1, "completions")] == CONFIDENTIAL
    assert cells[(2, "completions")] == 30
    assert cells[(3, "completions")] == 0
    assert cells[(TOTAL, "completions")] == 42


def test_a_single_hidden_cell_in_a_row_hides_the_next_smallest_in_that_row():
    cells = shown(
        table(
            [
                {"professionals_trained": 2, "completions": 6},
                {"professionals_trained": 40, "completions": 60},
                {"professionals_trained": 3, "completions": 7},
            ],
            {"professionals_trained": 45, "completions": 73},
        )
    )
    assert cells[(0, "professionals_trained")] == "<5"
    assert cells[(0, "completions")] == CONFIDENTIAL


def test_a_small_total_of_one_measure_does_not_hide_another_measures_total():
    cells = shown(
        table(
            [{"professionals_trained": 3, "completions": 30}, {"professionals_trained": 0, "completions": 12}],
            {"professionals_trained": 3, "completions": 42},
        )
    )
    assert cells[(TOTAL, "professionals_trained")] == "<5"
    assert cells[(TOTAL, "completions")] == 42
    assert cells[(0, "completions")] == "[c]"  # the first row has one hidden cell: its next smallest goes too


def test_two_hidden_cells_that_would_add_up_to_a_known_small_number_are_protected_further():
    # 1 + 1 = 42 - 40: both hidden cells would have to be 1, so another cell is hidden too.
    cells = shown(
        table(
            [{"completions": 1}, {"completions": 1}, {"completions": 40}], {"completions": 42}, names=("completions",)
        )
    )
    assert cells[(0, "completions")] == "<5" and cells[(1, "completions")] == "<5"
    assert cells[(2, "completions")] == CONFIDENTIAL or cells[(TOTAL, "completions")] == CONFIDENTIAL


def test_a_small_total_is_hidden_too():
    cells = shown(table([{"completions": 2}, {"completions": 0}], {"completions": 2}, names=("completions",)))
    assert cells[(TOTAL, "completions")] == "<5"


def test_the_threshold_is_a_setting(settings):
    settings.SUPPRESSION_THRESHOLD = 10
    cells = suppress(
        table(
            [{"completions": 7}, {"completions": 7}, {"completions": 30}], {"completions": 44}, names=("completions",)
        )
    )
    assert cells[(0, "completions")] == "<10"


def test_rates_and_means_resting_on_few_people_are_hidden():
    t = MeasureTable(
        period=PERIOD,
        by="none",
        measures=("completion_rate", "confidence_uplift"),
        rows=[],
        total={"completion_rate": m.Ratio(2, 10), "confidence_uplift": m.Mean(5, 3)},
    )
    cells = suppress(t, 5)
    assert cells[(TOTAL, "completion_rate")] == CONFIDENTIAL
    assert cells[(TOTAL, "confidence_uplift")] == CONFIDENTIAL
    t.total = {"completion_rate": m.Ratio(6, 10), "confidence_uplift": m.Mean(10, 8)}
    cells = suppress(t, 5)
    assert cells[(TOTAL, "completion_rate")] == 60.0
    assert cells[(TOTAL, "confidence_uplift")] == 1.25


# --- A reader with the table tries to work out hidden counts ---------------------------------------------


def possible_values(column: list, total, adds_up: bool, threshold: int) -> dict[int, set[int]]:
    """For each cell shown as "<t": every value it could have, given the shown cells and the total.

    Brute force over sums: a "<t" cell is 1..t-1, a "[c]" cell t..total (every cell is at most the total),
    and the cells add up to the total (plain counts) or to at least the total (distinct people).
    """
    if not isinstance(total, int):
        return {}
    label = f"<{threshold}"
    shown_sum = sum(v for v in column if isinstance(v, int))
    remaining = total - shown_sum
    hidden = [i for i, v in enumerate(column) if isinstance(v, str)]

    def span(i):
        return range(1, threshold) if column[i] == label else range(threshold, total + 1)

    result = {}
    for i in hidden:
        if column[i] != label:
            continue
        sums = {0}
        for j in hidden:
            if j != i:
                sums = {s + x for s in sums for x in span(j) if s + x <= total * len(column)}
        result[i] = {v for v in span(i) if (remaining - v in sums if adds_up else max(sums) >= remaining - v)}
    return result


@st.composite
def grids(draw):
    n_rows = draw(st.integers(min_value=1, max_value=6))
    by = draw(st.sampled_from(["district", "topic"]))
    rows = [
        {
            "professionals_trained": draw(st.integers(0, 12)),
            "completions": draw(st.integers(0, 14)),
        }
        for _ in range(n_rows)
    ]
    people = [r["professionals_trained"] for r in rows]
    # Distinct people: the total is at least the largest row and at most the sum (people in two rows).
    people_total = draw(st.integers(min_value=max(people), max_value=sum(people)))
    counts = [r["completions"] for r in rows]
    count_total = sum(counts) if by == "district" else draw(st.integers(max(counts), sum(counts)))
    return table(rows, {"professionals_trained": people_total, "completions": count_total}, by=by)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(grid=grids(), threshold=st.sampled_from([3, 5]))
def test_suppression_never_reveals_a_count_below_the_threshold(grid, threshold):
    cells = suppress(grid, threshold)
    for name in COUNTS:
        column = [cells[(i, name)] for i in range(len(grid.rows))]
        total = cells[(TOTAL, name)]
        raw = [row.values[name] for row in grid.rows] + [grid.total[name]]
        # Nothing from 1 to t-1 is ever shown, in a cell or a total.
        for value in [*column, total]:
            assert not (isinstance(value, int) and 1 <= value < threshold)
        for value, out in zip(raw, [*column, total], strict=True):
            assert isinstance(out, str) or out == value  # shown cells are the true figures
        # And no hidden small count can be worked out from the total and the cells shown.
        adds_up = name == "completions" and grid.by == "district"
        for index, values in possible_values(column, total, adds_up, threshold).items():
            assert len(values) >= 2, f"{name} row {index} pinned to {values}: {column} total {total}"


def test_brute_force_reader_would_catch_a_lone_hidden_cell():
    # The checker itself: a lone "<5" beside a shown total is pinned down.
    assert possible_values(["<5", 10], 13, True, 5) == {0: {3}}
