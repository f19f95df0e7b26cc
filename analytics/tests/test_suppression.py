from analytics.suppression import (
    COMPLEMENT,
    SUPPRESSED,
    Cell,
    count_cell,
    pinned,
    protect_dashboard,
    protect_figures,
    protect_line,
    shown_rate,
)


def test_four_people_are_suppressed():
    assert count_cell(4, suppress=True) == SUPPRESSED


def test_five_people_are_shown():
    assert count_cell(5, suppress=True) == 5


def test_zero_is_a_small_cell_too():
    assert count_cell(0, suppress=True) == SUPPRESSED


def test_counts_are_shown_unsuppressed_inside_the_organisation():
    assert count_cell(1, suppress=False) == 1


def _summary(reached, completed, *, budget=None):
    figures = {"totals": {"reached": reached, "completed": completed, "certified": 0}}
    figures["budget"] = {"cost_per_learner_reached": budget}
    shown = protect_figures(figures)
    totals = shown["totals"]
    return shown_rate(totals["completed"], totals["reached"]), shown["budget"]


def test_a_rate_from_a_small_numerator_is_suppressed():
    assert _summary(100, 4)[0] == SUPPRESSED


def test_a_rate_from_a_small_denominator_is_suppressed():
    assert _summary(4, 4)[0] == SUPPRESSED


def test_a_rate_from_two_counts_of_five_or_more_is_shown():
    assert _summary(20, 5)[0] == 0.25


def test_a_rate_without_denominator_is_empty():
    assert shown_rate(0, 0) is None


def test_cost_per_learner_of_fewer_than_five_is_suppressed():
    assert _summary(4, 0, budget=25_000.0)[1]["cost_per_learner_reached"] == SUPPRESSED
    assert _summary(5, 0, budget=20_000.0)[1]["cost_per_learner_reached"] == 20_000.0


# --- complementary suppression ----------------------------------------------------


def _line(*values, total=None):
    cells = [Cell.of(v, floor=1) for v in values]
    total_cell = Cell.of(sum(values) if total is None else total)
    protect_line(cells, total_cell)
    return [c.shown for c in cells]


def test_a_lone_small_cell_gets_a_complement_the_next_smallest():
    # 1,335 - 1,332 would give the 3 back.
    assert _line(3, 1332) == ["<5", "x"]
    assert _line(3, 40, 1292) == ["<5", "x", 1292]


def test_two_small_cells_need_no_complement():
    assert _line(3, 2, 1330) == ["<5", "<5", 1330]


def test_a_complement_of_exactly_five_is_not_enough():
    # 1 + "x" = 6 with "x" at least 5 pins both: a third cell goes.
    assert _line(1, 5, 6) == ["<5", "x", "x"]


def test_a_line_that_cannot_be_protected_inside_hides_its_total():
    # 0 completed + "x" = 5 completed: the "x" is at least 5, so the 0 shows.
    cells, total = [Cell.of(0), Cell.of(5)], Cell.of(5)
    protect_line(cells, total)
    assert [c.shown for c in cells] == ["<5", "x"]
    assert total.shown == "x"


def test_a_line_adding_up_to_a_hidden_total_keeps_two_hidden_cells():
    total = Cell(6, COMPLEMENT)
    cells = [Cell.of(6)]
    protect_line(cells, total)
    assert cells[0].shown == "x"
    cells = [Cell.of(40), Cell.of(30), Cell.of(9)]
    protect_line(cells, Cell(79, COMPLEMENT))
    assert [c.shown for c in cells] == [40, "x", "x"]


def test_a_line_without_small_cells_is_left_alone():
    assert _line(5, 6, 7) == [5, 6, 7]


def test_a_small_total_hides_its_line_by_itself():
    assert _line(1, 2) == ["<5", "<5"]


def test_a_line_without_a_published_total_still_never_has_one_hidden_cell():
    cells = [Cell.of(3), Cell.of(40), Cell.of(900)]
    protect_line(cells, None)
    assert [c.shown for c in cells] == ["<5", "x", 900]


def test_pinned_sees_the_bounds_a_reader_knows():
    assert pinned([Cell(3, SUPPRESSED, floor=1), Cell(1332)], 1335)
    assert not pinned([Cell(3, SUPPRESSED), Cell(2, SUPPRESSED), Cell(1330)], 1335)


def test_rates_take_the_mark_of_the_hidden_count():
    assert shown_rate(SUPPRESSED, 12) == SUPPRESSED
    assert shown_rate(7, COMPLEMENT) == COMPLEMENT
    assert shown_rate(6, 12) == 0.5
    assert shown_rate(0, 0) is None


def test_the_dashboard_total_is_hidden_with_any_project_it_adds_up():
    assert protect_dashboard([3, 1000, 332], ["<5", 1000, 332]) == COMPLEMENT
    assert protect_dashboard([0, 2], ["<5", "<5"]) == SUPPRESSED
    assert protect_dashboard([5, 1000], [5, 1000]) == 1005


def test_a_target_row_shows_its_figure_as_the_table_it_repeats():
    seniors = {"key": "seniors", "reached": 40, "completed": 5, "certified": 5}
    jobseekers = {"key": "jobseekers", "reached": 3, "completed": 0, "certified": 0}
    figures = {
        "totals": {"reached": 1000, "completed": 500, "certified": 400},
        "breakdowns": {"target_group": [jobseekers, seniors]},
        "targets": [
            {"target_group": "seniors", "course_key": "", "learners": 40, "certified": 5},
        ],
    }

    shown = protect_figures(figures)

    # Seniors (40) complement the 3 jobseekers in the table, and so in the target row.
    assert shown["breakdowns"]["target_group"][1]["reached"] == COMPLEMENT
    assert shown["targets"][0]["learners"] == COMPLEMENT
