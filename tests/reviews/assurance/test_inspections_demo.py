"""The demo board's inspections: loaded twice, nothing is duplicated or replaced, and each
recommendation has its action in the tracker."""

from board import demo as board_demo
from board.models import Action
from core.periods import FinancialYear
from reviews.assurance import action_sources
from reviews.assurance.demo import inspections as inspections_demo
from reviews.assurance.models import Inspection, InspectionJudgement, InspectionRecommendation
from reviews.assurance.selectors.inspections import year_summary


def ids(queryset) -> set:
    return set(queryset.values_list("pk", flat=True))


def test_loading_the_demo_twice_changes_nothing(db):
    board = board_demo.load(lambda line: None)
    inspections_demo.load(board, lambda line: None)
    actions = Action.objects.filter(source_type=action_sources.INSPECTION)
    tables = [Inspection.objects, InspectionJudgement.objects, InspectionRecommendation.objects]
    first = [ids(table) for table in [*tables, actions]]
    inspections_demo.load(board, lambda line: None)
    assert [ids(table) for table in [*tables, actions]] == first
    assert [len(found) for found in first] == [2, 6, 5, 5]
    # The 2014/15 report would show the CQC review; the Ofsted inspection came later.
    assert len(year_summary(board=board, year=FinancialYear(2014)).rows) == 1
    assert year_summary(board=board, year=FinancialYear(2015)).judgements == 6
