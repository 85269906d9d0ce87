"""A board starts with its review settings and default lists, made with the board
(board.setup), and the pages that used to make them on first sight now only read."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from board.models import Role
from reviews.assurance.models import RatingLevel, Section11Standard
from reviews.assurance.services.audits import rating_levels
from reviews.case_reviews.models import ScrSettings, Theme
from reviews.child_deaths.models import CdopSettings, RiskFactor
from tests.factories import BoardFactory, signed_in_client, user_with_role

pytestmark = pytest.mark.django_db
WRITES_TO_REVIEWS = re.compile(
    r'^\s*(INSERT INTO|UPDATE|DELETE FROM)\s+"(child_deaths|case_reviews|assurance)_', re.I
)


def test_a_new_board_has_its_review_settings_and_lists():
    board = BoardFactory()
    assert CdopSettings.objects.filter(board=board).count() == 1
    assert ScrSettings.objects.filter(board=board).count() == 1
    assert RiskFactor.objects.filter(board=board).exists()
    assert Theme.objects.filter(board=board).exists()
    assert RatingLevel.objects.filter(board=board).count() == 4
    assert Section11Standard.objects.filter(board=board).count() == 8


@pytest.mark.parametrize(
    ("url_name", "role"),
    [
        ("child_deaths:cdop-statistics", Role.BOARD_MANAGER),
        ("child_deaths:cdop-settings", Role.BOARD_MANAGER),
        ("case_reviews:scr-register", Role.BOARD_MANAGER),
        ("case_reviews:scr-themes", Role.BOARD_MANAGER),
        ("assurance:audit-rating-scale", Role.BOARD_MANAGER),
        ("assurance:section11-standard-list", Role.BOARD_MANAGER),
    ],
)
def test_the_pages_that_show_settings_and_lists_write_nothing(url_name, role):
    board = BoardFactory()
    client = signed_in_client(user_with_role(board, role))
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse(url_name, kwargs={"board_slug": board.slug}))
    assert response.status_code == 200
    writes = [q["sql"] for q in queries.captured_queries if WRITES_TO_REVIEWS.match(q["sql"])]
    assert writes == []


def test_a_scale_the_board_emptied_stays_empty_when_read():
    board = BoardFactory()
    RatingLevel.objects.filter(board=board).update(is_active=False)
    assert rating_levels(board=board) == []
    assert RatingLevel.objects.filter(board=board, is_active=True).count() == 0
