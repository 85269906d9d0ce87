"""The refresh measured the way it runs: in a new process (cold), and as the scheduled
job on real `celery worker` processes, with the CPU time they and PostgreSQL used. Used by
datasets_scale.py, which sets up Django and the data first."""

import os
import sys
import time
from pathlib import Path


def cold_refresh(board_id: str, year: int | None, queue) -> None:
    """Run in a new process (multiprocessing's spawn): nothing of the board read yet."""
    import django

    django.setup()
    from django_scopes import scope

    from board.models import Board
    from datasets.services.snapshots import refresh_stale, snapshot_refresh

    with scope(board=board_id):
        board = Board.objects.get(pk=board_id)
        began = time.perf_counter()
        if year is None:
            result = refresh_stale(board_ids=[board_id])
        else:
            snapshot_refresh(board=board, year=year)
            result = {"refreshed": 1}
        queue.put((time.perf_counter() - began, result["refreshed"]))


def in_new_process(board_id: str, year: int | None = None) -> tuple[float, int]:
    import multiprocessing

    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    process = context.Process(target=cold_refresh, args=(board_id, year, queue))
    process.start()
    seconds, refreshed = queue.get()
    process.join()
    return seconds, refreshed


def start_workers(processes: int, broker_url: str):
    """A real `celery worker` with this many prefork processes, on broker_url, once it
    answers a ping."""
    import subprocess

    from celery import Celery

    env = {**os.environ, "REDIS_URL": broker_url, "DJANGO_SETTINGS_MODULE": "lscb.settings"}
    env.setdefault("SECRET_KEY", "benchmark-only-secret-key-0123456789-abcdefghijklmnop")
    client = Celery(broker=broker_url, backend=broker_url)
    client.control.purge()
    # Our own interpreter and fixed arguments: nothing here comes from outside.
    worker = subprocess.Popen(  # noqa: S603
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "lscb",
            "worker",
            "--loglevel=WARNING",
            f"--concurrency={processes}",
            "--pool=prefork",
            f"--hostname=bench{processes}@%h",
        ],
        cwd=Path(__file__).resolve().parents[1],
        env=env,
    )
    client.send_task("lscb.tasks.ping").get(timeout=120)
    return worker, client


def cpu_of(pids) -> dict[int, float]:
    """User and system CPU seconds of each process, from /proc (Linux)."""
    ticks = os.sysconf("SC_CLK_TCK")
    seconds = {}
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except FileNotFoundError:
            continue
        seconds[pid] = (int(fields[11]) + int(fields[12])) / ticks  # utime, stime
    return seconds


def worker_pids(pid: int) -> list[int]:
    """The worker and its pool processes."""
    return [pid, *map(int, Path(f"/proc/{pid}/task/{pid}/children").read_text().split())]


def database_backends() -> list[int]:
    """PostgreSQL's processes serving the workers' connections to this database (the same
    machine): every connection to it but this process's own."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database()"
            " AND pid <> pg_backend_pid()"
        )
        return [row[0] for row in cursor.fetchall()]


def cpu_used(before: dict, after: dict) -> float:
    return sum(after[pid] - before.get(pid, 0.0) for pid in after)


def scheduled_refresh_on_workers(processes: int, broker_url: str) -> dict:
    """The beat job as beat sends it; timed until the last stale snapshot is rebuilt. Also
    the CPU time the workers used and the load average: on two cores shared with other
    work, the wall time depends on what else runs."""
    from django.db.models import Max

    from datasets.models import Snapshot

    stale = Snapshot.objects.filter(stale=True).count()
    worker, client = start_workers(processes, broker_url)
    try:
        cpu_before = cpu_of(worker_pids(worker.pid))
        db_before = cpu_of(database_backends())
        db_seen = dict(db_before)
        began = timezone_now()
        client.send_task("datasets.tasks.refresh_stale_snapshots")
        while Snapshot.objects.filter(stale=True).exists():
            # A worker's connection lasts about one job (its board): sampled often, the
            # last reading of each is close to what it used (a slight underestimate).
            db_seen |= cpu_of(database_backends())
            time.sleep(0.2)
        last = Snapshot.objects.aggregate(last=Max("refreshed_at"))["last"]
        cpu = cpu_used(cpu_before, cpu_of(worker_pids(worker.pid)))
        db_cpu = cpu_used(db_before, db_seen | cpu_of(database_backends()))
        load = os.getloadavg()[0]
    finally:
        worker.terminate()  # warm shutdown: the queue is empty by now
        worker.wait(timeout=60)
    seconds = (last - began).total_seconds()
    return {"seconds": seconds, "count": stale, "cpu": cpu, "db_cpu": db_cpu, "load": load}


def timezone_now():
    from django.utils import timezone

    return timezone.now()
