from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from core.periods import FinancialYear
from datasets.models import Observation
from subgroups.services.deadlines import due_date, is_on_time, quarter_from_slug
from subgroups.services.spec import template_spec
from subgroups.services.validation import check, content_from_data, history

from .conftest import Q1
from .factories import add_referrals, answers

Q4 = FinancialYear(2014).quarter(4)  # ends Tuesday 31 March 2015; Easter is 3 to 6 April


def test_the_deadline_skips_the_easter_bank_holidays():
    # 1, 2 April; Good Friday, the weekend and Easter Monday do not count; 7, 8, 9 April.
    assert due_date(Q4, 5) == date(2015, 4, 9)


def test_a_submission_on_the_due_day_is_on_time_and_the_next_day_late():
    assert is_on_time(datetime(2015, 4, 9, 16, tzinfo=UTC), date(2015, 4, 9))
    assert not is_on_time(datetime(2015, 4, 10, 9, tzinfo=UTC), date(2015, 4, 9))


@pytest.mark.parametrize("slug", ["2014-15-q5", "2014-16-q1", "nonsense", "2014-15-qx"])
def test_a_bad_quarter_in_the_url_is_refused(slug):
    with pytest.raises(ValueError):
        quarter_from_slug(slug)


def _check(subgroup, submitting=True, **figures):
    spec = template_spec(subgroup)
    content = content_from_data(spec, answers(subgroup, **figures))
    past = history(subgroup.board, spec, Q1.start)
    return spec, check(spec, content, submitting=submitting, past=past)


@pytest.mark.parametrize(
    ("total", "message"),
    [
        ("ten", "must be a number"),
        ("-3", "must be 0 or more"),
        ("2.5", "must be a whole number"),
        ("1e400", "less than 10,000,000,000"),
    ],
)
def test_bad_counts_are_refused_with_a_clear_message(health, total, message):
    spec, checked = _check(health, total=total)
    assert message in checked.errors[f"f_{spec['indicators'][0]['id']}"]


def test_a_breakdown_must_add_up_to_its_total(health):
    spec, checked = _check(health, total="11", police="6", health="4")
    assert (
        "adds up to 10, not the total of 11" in checked.errors[f"f_{spec['indicators'][0]['id']}"]
    )


def test_a_draft_may_leave_figures_out_but_not_type_them_wrong(health):
    spec, checked = _check(health, submitting=False, total="", police="x", health="")
    indicator = spec["indicators"][0]
    assert list(checked.errors) == [
        f"f_{indicator['id']}_{indicator['breakdowns'][0]['categories'][0]['id']}"
    ]


def _history(subgroup, values):
    indicator = subgroup.indicators.get().indicator
    for n, value in enumerate(values):
        Observation.objects.create(
            board=subgroup.board,
            indicator=indicator,
            period_start=date(2012 + n // 4, 1 + 3 * (n % 4), 1),
            value=value,
        )


def test_a_figure_far_outside_its_history_needs_a_comment(health):
    _history(health, [10, 11, 9, 10, 12, 10])
    spec, checked = _check(health, total="100", police="60", health="40")
    comment_field = f"c_{spec['indicators'][0]['id']}"
    assert "far from this indicator's usual values" in checked.errors[comment_field]
    spec, checked = _check(
        health, total="100", police="60", health="40", comment="New MASH referral route"
    )
    assert checked.is_valid and comment_field in checked.flags


def test_a_figure_outside_the_templates_range_needs_a_comment(board, subgroup_chair):
    from .factories import subgroup_with_chair

    subgroup = subgroup_with_chair(board, subgroup_chair, name="Education")
    add_referrals(subgroup, max_value=Decimal(5))
    spec, checked = _check(subgroup)
    assert (
        "above the highest expected value of 5"
        in checked.errors[f"c_{spec['indicators'][0]['id']}"]
    )
