"""Redis stopped, or hung, under a running site (gunicorn, a worker, the database): the
saves that ask for background work answer at once, having recorded their jobs, and the
jobs run once Redis is back and the sweeper sends them. The second redis-server keeps
nothing on disk, so what it held is lost when it stops: the jobs are not, being rows."""

import pytest
from django.urls import reverse

from core.jobs.models import Job, JobStatus
from datasets.models import Snapshot
from datasets.tasks import refresh_board_snapshots
from reports.models import ReportVersion
from reports.tasks import render_report_version
from subgroups.models import QuarterlyReturn, ReturnStatus
from tests.reports.factories import report_for
from tests.subgroups.factories import add_referrals, subgroup_with_chair
from tests.subgroups.test_workflow import submit

from .conftest import needs_real_services, wait_for
from .reports import assert_one_ready_version_and_its_one_file, report_url
from .signed_in import SignedIn

pytestmark = needs_real_services
TASKS = [render_report_version.name, refresh_board_snapshots.name]


def jobs() -> list[tuple[str, str, bool]]:
    return [
        (job.task_name, job.status, job.sent_at is not None)
        for job in Job.objects.filter(task_name__in=TASKS).order_by("created_at")
    ]


@pytest.mark.parametrize("outage", ["stopped", "hung"])
def test_with_redis_away_saves_answer_at_once_and_their_jobs_run_once_it_is_back(
    outage, board, manager, subgroup_chair, client_for, spare_redis, site_on, workers
):
    report_for(board)
    health = subgroup_with_chair(board, subgroup_chair)
    add_referrals(health)
    submit(health, subgroup_chair)
    site = site_on(spare_redis.url)
    workers(redis_url=spare_redis.url)
    person = SignedIn(site.base, client_for(manager))
    approve = reverse(
        "subgroups:return-approve",
        kwargs={"board_slug": board.slug, "subgroup_id": health.pk, "quarter": "2014-15-q1"},
    )
    assert person.get(approve).status == 200  # the site is up; the CSRF cookie is set

    spare_redis.stop() if outage == "stopped" else spare_redis.hang()
    made = person.post(report_url(board, "render", year="2014-15"))
    approved = person.post(approve)

    for answer in (made, approved):
        assert answer.status == 302 and answer.seconds < 5, answer
    version = ReportVersion.objects.get()
    assert made.location.endswith(f"/versions/{version.id}/")
    assert QuarterlyReturn.objects.get().status == ReturnStatus.APPROVED  # saved
    assert jobs() == [(TASKS[0], JobStatus.WAITING, False), (TASKS[1], JobStatus.WAITING, False)]

    spare_redis.start() if outage == "stopped" else spare_redis.resume()
    assert "resent: 2" in site.manage("sweep_jobs")
    assert wait_for(lambda: all(status == JobStatus.READY for _, status, _ in jobs()), 90)
    assert jobs() == [(TASKS[0], JobStatus.READY, True), (TASKS[1], JobStatus.READY, True)]
    assert_one_ready_version_and_its_one_file(version)
    assert not Snapshot.objects.filter(board=board, stale=True).exists()  # refreshed
