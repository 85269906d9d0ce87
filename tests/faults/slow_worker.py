"""A real Celery worker for the fault tests, with one test-only hook: each report render,
once its PDF is made and before it is stored, writes a line to $FAULTS_RENDER_LOG and
waits $FAULTS_RENDER_PAUSE seconds (only the first $FAULTS_PAUSED_RENDERS renders of the
log, when set), so a test can kill the worker, or drop its database connection, then.
Nothing else is changed: the database, Redis and Celery are the real ones.

    python tests/faults/slow_worker.py worker --pool=prefork --concurrency=1 ...
"""

import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lscb.settings_test")

import django  # noqa: E402

django.setup()

from reports import rendering_job  # noqa: E402

made_pdf = rendering_job.report_pdf


def report_pdf_then_pause(report, html):
    pdf = made_pdf(report, html)
    log = Path(os.environ["FAULTS_RENDER_LOG"])
    earlier = len(log.read_text().splitlines())
    with log.open("a") as out:
        out.write(f"rendered {os.getpid()}\n")
    paused = os.environ.get("FAULTS_PAUSED_RENDERS")
    if paused is None or earlier < int(paused):
        time.sleep(float(os.environ.get("FAULTS_RENDER_PAUSE", "0")))
    return pdf


rendering_job.report_pdf = report_pdf_then_pause

from lscb.celery import app  # noqa: E402

if __name__ == "__main__":
    app.worker_main(sys.argv[1:])
