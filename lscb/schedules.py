"""Every periodic task, in one place. Written to django-celery-beat's tables after each
migrate (so they can then be edited in the admin); an edited interval is left alone, and the
rows of a retired task are removed. Each run is recorded as a job (core/jobs) when it
starts, like every task."""

from django_celery_beat.models import IntervalSchedule, PeriodicTask

# name -> (task, every N seconds, why)
DEFAULT_SCHEDULES = {
    "Background jobs: sweep": (
        "core.jobs.tasks.sweep_jobs",
        60,
        "Sends again the jobs never sent or never started, and ends with a reason those whose "
        "worker stopped or whose time ran out, so nothing is left in progress for ever.",
    ),
    "Worker heartbeat": (
        "board.tasks.record_worker_heartbeat",
        60,
        "Lets /healthz show that a worker is consuming the queue.",
    ),
    "Membership access": (
        "board.tasks.sync_membership_access",
        24 * 60 * 60,
        "Gives or takes away access for memberships whose start or end date has come.",
    ),
    "Dashboards: refresh changed boards": (
        "datasets.tasks.refresh_stale_snapshots",
        15 * 60,
        "Rebuilds the dashboard of each board and year whose figures changed (marked "
        "stale), and no other; a full rebuild is `manage.py rebuild_snapshots`.",
    ),
    "CDOP agency form reminders": (
        "reviews.child_deaths.tasks.send_cdop_form_reminders",
        24 * 60 * 60,
        "E-mails agency contacts a link about overdue child death reporting forms; "
        "each form is reminded once per stage, however often this runs.",
    ),
    "Case review clock alerts": (
        "reviews.case_reviews.tasks.send_scr_clock_alerts",
        24 * 60 * 60,
        "E-mails the SCR sub-group and board manager a link when a case review's statutory "
        "clock is about to run out and again when it has; each alert is sent once.",
    ),
    "Sub-group return reminders": (
        "subgroups.tasks.send_return_reminders",
        24 * 60 * 60,
        "E-mails sub-group chairs a link to returns due soon and again when overdue; "
        "each return is reminded once per stage, however often this runs.",
    ),
    "Notifications: daily summaries": (
        "board.tasks.queue_notification_digests",
        24 * 60 * 60,
        "E-mails each person who chose a daily summary one e-mail listing the links of "
        "their notifications marked for it since the last; each is listed once.",
    ),
    "Action due and overdue reminders": (
        "board.tasks.send_action_reminders",
        24 * 60 * 60,
        "Tells each action's owner (when linked to an account) that it falls due soon, and "
        "again when it is overdue; once per stage, however often this runs.",
    ),
    "Statutory calendar escalation": (
        "board.tasks.send_statutory_escalations",
        24 * 60 * 60,
        "Tells the holders of each statutory clock (board/statutory.py) that it runs out "
        "soon, and the board manager and chair when it has; once per clock and stage.",
    ),
    "Sub-group seat access": (
        "subgroups.tasks.sync_subgroup_access",
        24 * 60 * 60,
        "Gives or takes away access for sub-group seats whose start or end date has come.",
    ),
}


# Tasks that were once scheduled and are no longer: their rows are deleted, whatever an
# admin renamed them to, so a deployed site's beat does not keep sending a task that the
# workers no longer run (or that does work nobody asked for).
RETIRED_TASKS = {
    # The nightly rebuild of every year of every board: the scheduled refresh rebuilds the
    # stale years only, and a full rebuild is `manage.py rebuild_snapshots`.
    "datasets.tasks.refresh_all_snapshots",
}


def ensure_default_schedules(**kwargs) -> None:
    PeriodicTask.objects.filter(task__in=RETIRED_TASKS).delete()
    for name, (task, seconds, description) in DEFAULT_SCHEDULES.items():
        if PeriodicTask.objects.filter(name=name).exists():
            continue
        interval, _ = IntervalSchedule.objects.get_or_create(
            every=seconds, period=IntervalSchedule.SECONDS
        )
        PeriodicTask.objects.create(
            name=name, task=task, interval=interval, description=description
        )
