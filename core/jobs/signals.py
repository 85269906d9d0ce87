"""`job_failed` is sent (sender=Job, job=the job) once a job is marked Failed, by the worker
or the sweeper, so the app that asked for it can say so on its own record (a report
version marked failed). Connect a receiver in your AppConfig.ready and check
`job.task_name`."""

from django.dispatch import Signal

job_failed = Signal()
