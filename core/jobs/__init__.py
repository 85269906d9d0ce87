"""Durable background jobs: an outbox in the database, sent to Celery after commit.

    from core.jobs.outbox import enqueue            # in the service, inside its transaction
    job = enqueue(render_report_version, str(version.id), board_id=board.id,
                  dedupe_key=f"reports.render:{version.id}")
    from core.jobs.selectors import job_status      # for a page or an API
    state = job_status(job.id)                      # JobState | None; .as_json() for polls
    from core.jobs.running import report_progress   # inside a task: report_progress(40, 100)
    from core.jobs.signals import job_failed        # receiver(sender, job, **kwargs)

Modules: models (Job, JobStatus), outbox (enqueue, send), task_base (JobTask, every task's
base), running (an attempt: claim, finish, fail), locks (who is running a job), sweeper
(sweep), tasks (sweep_jobs), selectors (job_status), timing (the limits), signals."""
