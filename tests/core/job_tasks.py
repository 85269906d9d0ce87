"""Tasks for the tests of core/jobs, run in-process: each says what it did in `ran`."""

from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded

from core.jobs.running import current_job_id, report_progress

ran: list[tuple] = []  # what the tasks did, in order


@shared_task(name="tests.jobs.counted")
def counted(record_id: str) -> dict:
    report_progress(3, 10)
    ran.append(("counted", record_id, current_job_id()))
    return {"counted": record_id}


@shared_task(name="tests.jobs.fails")
def fails(record_id: str) -> None:
    ran.append(("fails", record_id))
    raise ValueError("the record is broken")


@shared_task(name="tests.jobs.too_slow", soft_time_limit=120)
def too_slow() -> None:
    raise SoftTimeLimitExceeded()
