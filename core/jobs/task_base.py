"""The base of every task of ours (lscb/celery.py names `board.scoping.ScopedTask`, which
builds on this): each run of a task sent with a task id is an attempt of the job of that
id (running.py), whether the job was recorded by `enqueue()` or comes from beat.

Kept free of model imports, because the board's models import the scoping module that
subclasses it before the app registry is ready."""

from celery import Task


class JobTask(Task):
    # Attempts before the job is marked Failed: a worker lost, the database dropped or an
    # error each use one. Tasks may set their own: @shared_task(max_attempts=1).
    max_attempts = 3
    # A message stays in Redis until the task has finished, and goes back to the queue if
    # the process running it dies (settings: CELERY_TASK_ACKS_LATE, ..._REJECT_ON_WORKER_LOST).
    acks_late = True
    reject_on_worker_lost = True

    def __call__(self, *args, **kwargs):
        body = super().__call__
        job_id = self.request.id
        if job_id is None:  # called as a function, not sent: no job
            return body(*args, **kwargs)
        from .running import run

        return run(self, job_id, args, lambda: body(*args, **kwargs))
