from analytics.suppression import SUPPRESSED, amount_cell, count_cell, rate_cell


def test_four_people_are_suppressed():
    assert count_cell(4, suppress=True) == SUPPRESSED


def test_five_people_are_shown():
    assert count_cell(5, suppress=True) == 5


def test_zero_is_a_small_cell_too():
    assert count_cell(0, suppress=True) == SUPPRESSED


def test_counts_are_shown_unsuppressed_inside_the_organisation():
    assert count_cell(1, suppress=False) == 1


def test_a_rate_from_a_small_numerator_is_suppressed():
    assert rate_cell(4, 100, suppress=True) == SUPPRESSED


def test_a_rate_from_a_small_denominator_is_suppressed():
    assert rate_cell(4, 4, suppress=True) == SUPPRESSED


def test_a_rate_from_two_counts_of_five_or_more_is_shown():
    assert rate_cell(5, 20, suppress=True) == 0.25


def test_a_rate_without_denominator_is_empty():
    assert rate_cell(0, 0, suppress=True) is None


def test_cost_per_learner_of_fewer_than_five_is_suppressed():
    assert amount_cell(25_000.0, 4, suppress=True) == SUPPRESSED
    assert amount_cell(20_000.0, 5, suppress=True) == 20_000.0
