"""API benchmark: a bulk upsert of 10,000 observations, and requests per second of the
snapshot read endpoint served by gunicorn on this machine (loopback only).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/lscb_bench_api \\
        .venv/bin/python benchmarks/api_throughput.py [--seconds 10] [--clients 8]

The database named is dropped and recreated. Record the figures in benchmarks/RESULTS.md.
"""

import argparse
import json
import os
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/lscb_bench_api"
os.environ.setdefault("DATABASE_URL", DEFAULT_URL)
os.environ.pop("REDIS_URL", None)  # the refresh queued by the upsert runs in-process
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lscb.settings_test")
os.environ.setdefault("ALLOWED_HOSTS", "testserver,127.0.0.1")
PORT = 8765
ROWS = 10_000


def recreate_database(url: str) -> None:
    import psycopg2

    name = url.rsplit("/", 1)[1]
    admin = psycopg2.connect(url.rsplit("/", 1)[0] + "/postgres")
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
        cursor.execute(f'CREATE DATABASE "{name}"')
    admin.close()


def bulk_rows(board) -> list[dict]:
    """10,000 distinct figures: every count indicator of the starter set, by quarter and
    breakdown, quarter after quarter until there are enough."""
    from datasets.models import Indicator, RollUp

    rows = []
    indicators = (
        Indicator.objects.filter(board=board, period_type="quarter")
        .exclude(rollup=RollUp.RATIO)
        .prefetch_related("breakdown_sets__categories")
    )
    for year in range(2016, 2100):
        for quarter in range(1, 5):
            label = f"{year}-{(year + 1) % 100:02d} Q{quarter}"
            for indicator in indicators:
                rows.append({"indicator": indicator.code, "period": label, "value": "12"})
                for category_set in indicator.breakdown_sets.all():
                    for category in category_set.categories.all():
                        rows.append({
                            "indicator": indicator.code,
                            "period": label,
                            "breakdown": f"{category_set.code}:{category.code}",
                            "value": "1",
                        })  # fmt: skip
                if len(rows) >= ROWS:
                    return rows[:ROWS]
    return rows


def read_loop(url: str, headers: dict, deadline: float, counts: list, lock) -> None:
    done = 0
    while time.monotonic() < deadline:
        request = urllib.request.Request(url, headers=headers)  # noqa: S310 - our loopback URL
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
            response.read()
        done += 1
    with lock:
        counts.append(done)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2)
    options = parser.parse_args()

    recreate_database(os.environ["DATABASE_URL"])
    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client

    call_command("migrate", verbosity=0)
    from api.services import api_token_create
    from board.models import Board, Role, RoleAssignment, User
    from datasets.services.catalogue import catalogue_install_starter

    board = Board.objects.create(name="Bench Board", slug="bench", local_authority="Bench")
    manager = User.objects.create_user("bench@example.org", "x" * 20, full_name="Bench")
    RoleAssignment.objects.create(user=manager, board=board, role=Role.BOARD_MANAGER)
    catalogue_install_starter(board=board)
    _, secret = api_token_create(user=manager, name="bench", valid_days=None)
    auth = {"Authorization": f"Bearer {secret}"}

    rows = bulk_rows(board)
    client = Client(headers=auth)
    body = json.dumps({"observations": rows})
    began = time.perf_counter()
    response = client.post("/api/v1/boards/bench/observations/bulk/", body, "application/json")
    first = time.perf_counter() - began
    assert response.status_code == 200, response.content[:500]
    print(f"bulk upsert of {len(rows):,} new observations: {first:.2f} s {response.json()}")
    began = time.perf_counter()
    again = client.post("/api/v1/boards/bench/observations/bulk/", body, "application/json")
    print(f"the same 10,000 again (nothing to write): {time.perf_counter() - began:.2f} s "
          f"{again.json()}")  # fmt: skip

    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "lscb.settings_test"}
    server = subprocess.Popen(  # noqa: S603 - our own gunicorn, fixed arguments
        [sys.executable, "-m", "gunicorn", "lscb.wsgi", "--bind", f"127.0.0.1:{PORT}",
         "--workers", str(options.workers), "--log-level", "warning"],
        cwd=ROOT, env=env,
    )  # fmt: skip
    try:
        url = f"http://127.0.0.1:{PORT}/api/v1/boards/bench/snapshots/2016/"
        for _ in range(50):  # wait for gunicorn to listen
            try:
                urllib.request.urlopen(  # noqa: S310 - our loopback URL
                    urllib.request.Request(url, headers=auth),
                    timeout=2,  # noqa: S310
                )
                break
            except OSError:
                time.sleep(0.2)
        counts, lock = [], threading.Lock()
        deadline = time.monotonic() + options.seconds
        threads = [
            threading.Thread(target=read_loop, args=(url, auth, deadline, counts, lock))
            for _ in range(options.clients)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        total = sum(counts)
        rate = total / options.seconds
        print(
            f"snapshot reads: {total:,} in {options.seconds:.0f} s with {options.clients} "
            f"clients and {options.workers} gunicorn workers = {rate:.0f}/s"
        )
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    main()
