"""The demo audits: the figures Croydon's 2014/15 annual review published (73, 135 with
96 good or outstanding, 59), its third audit (pre-birth and under one), recommendations
that become tracker actions, and a second load that changes nothing."""

from decimal import Decimal

from board import demo as board_demo
from board.models import Action, ActionUpdate
from core.numbers import percentage
from core.periods import FinancialYear
from reviews.assurance import action_sources
from reviews.assurance.demo import audits as audits_demo
from reviews.assurance.models import Audit, AuditFinding, AuditRating, AuditRecommendation
from reviews.assurance.selectors.audits import audits_for_year

MODELS = [Audit, AuditRating, AuditFinding, AuditRecommendation, Action, ActionUpdate]


def counts() -> dict:
    return {model.__name__: model.objects.count() for model in MODELS}


def test_loading_twice_duplicates_nothing(db):
    board = board_demo.load(lambda line: None)
    audits_demo.load(board, lambda line: None)
    first = counts()
    audits_demo.load(board, lambda line: None)
    assert counts() == first
    assert first["Audit"] == 4
    assert first["AuditRecommendation"] == 8
    audit_actions = Action.objects.filter(board=board, source_type=action_sources.AUDIT)
    assert audit_actions.count() == 8  # one per recommendation


def test_the_published_figures(db):
    board = board_demo.load(lambda line: None)
    audits_demo.load(board, lambda line: None)
    sizes = dict(Audit.objects.filter(board=board).values_list("title", "sample_size"))
    assert sorted(sizes.values()) == [24, 59, 73, 135]  # 24 is illustrative
    mash = Audit.objects.get(board=board, sample_size=135)
    ratings = {r.level.name: r.count for r in mash.ratings.select_related("level")}
    # Published: 96 of 135 good or outstanding ("over 70%"): 71.1%.
    good_or_better = ratings["Outstanding"] + ratings["Good"]
    assert good_or_better == 96
    assert percentage(good_or_better, 135, 1) == Decimal("71.1")
    assert sum(ratings.values()) <= 135


def test_the_2014_15_report_has_the_three_audits_that_ended_in_it(db):
    board = board_demo.load(lambda line: None)
    audits_demo.load(board, lambda line: None)
    in_2014 = audits_for_year(board=board, year=FinancialYear(2014))
    assert [entry.audit.sample_size for entry in in_2014] == [73, 135, 24]
    mash = in_2014[1]
    assert {row.name: str(row.percent) for row in mash.ratings} == {
        "Outstanding": "14.8",
        "Good": "56.3",
        "Requires improvement": "24.4",
        "Inadequate": "4.4",
    }
    assert (mash.actions_total, mash.actions_complete) == (3, 1)
    # The police protection audit covers January to June 2015: the 2015/16 report's.
    in_2015 = audits_for_year(board=board, year=FinancialYear(2015))
    assert [entry.audit.sample_size for entry in in_2015] == [59]
