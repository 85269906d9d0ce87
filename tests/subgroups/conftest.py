import pytest

from core.periods import FinancialYear

from .factories import add_referrals, subgroup_with_chair

Q1 = FinancialYear(2014).quarter(1)


@pytest.fixture
def health(board, subgroup_chair):
    """The Health sub-group, chaired by the `subgroup_chair` persona, reporting referrals."""
    subgroup = subgroup_with_chair(board, subgroup_chair)
    add_referrals(subgroup)
    return subgroup
