"""Two clicks on "Approve" at the same moment, against the real PostgreSQL: the return is
approved once, its figures published once, and the second click is told why not."""

import pytest
from django.db import connection

from datasets.models import Observation
from subgroups.models import ReturnEventKind, ReturnStatus

from ..concurrency import answering_errors, at_once
from ..factories import signed_in_client
from .test_views import _url
from .test_workflow import submit

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL"),
    pytest.mark.django_db(transaction=True),
]


def test_two_clicks_on_approve_at_once_approve_once(health, subgroup_chair, manager):
    r = submit(health, subgroup_chair)
    tabs = [answering_errors(signed_in_client(manager)) for _ in range(2)]

    approve = _url(health, "return-approve")

    pages = at_once(*[lambda t=t: t.post(approve, follow=True) for t in tabs])

    assert [p.status_code for p in pages] == [200, 200]
    texts = [p.content.decode() for p in pages]
    assert sum("Return approved and locked" in text for text in texts) == 1
    assert sum("this one is approved" in text for text in texts) == 1
    r.refresh_from_db()
    assert r.status == ReturnStatus.APPROVED
    assert r.events.filter(kind=ReturnEventKind.APPROVED).count() == 1
    assert Observation.objects.filter(board=health.board).count() == 3
