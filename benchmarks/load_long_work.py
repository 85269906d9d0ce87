"""Long work off the request, measured against the real services (issue 17): gunicorn as
docker-compose.yml runs it (3 workers, its default 30 s timeout), one real Celery worker,
PostgreSQL and Redis. It sends the bulk API's 10,000 figures and a 100,000-row import
(upload, then apply), and prints for each the time to accept and the time to finish,
and every request's time (the aim: none over 5 s).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/lscb_load REDIS_URL=redis://127.0.0.1:6379/N \\
        .venv/bin/python benchmarks/load_long_work.py [--import-rows 100000]

The database named is dropped and recreated. Record the figures in benchmarks/RESULTS.md.
"""

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks")]
REDIS_URL = os.environ.get("REDIS_URL", "")
# The other benchmarks' data makers (api_throughput clears REDIS_URL on import: restored).
from api_throughput import bulk_rows, recreate_database  # noqa: E402
from datasets_scale import import_file_rows, make_catalogues  # noqa: E402

os.environ["REDIS_URL"] = REDIS_URL
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lscb.settings_test")
os.environ["ALLOWED_HOSTS"] = "testserver,127.0.0.1"
PORT = 8766
SLOW = 5.0  # seconds: a request slower than this is reported
requests_timed: list[tuple[str, float, int]] = []


def timed_request(session, method: str, url: str, label: str, **kwargs):
    began = time.perf_counter()
    response = session.request(method, url, timeout=60, allow_redirects=False, **kwargs)
    requests_timed.append((label, time.perf_counter() - began, response.status_code))
    return response


def start(command: list[str], log: Path) -> subprocess.Popen:
    out = log.open("w")
    return subprocess.Popen(command, cwd=ROOT, env=dict(os.environ), stdout=out,  # noqa: S603
                            stderr=subprocess.STDOUT, start_new_session=True)  # fmt: skip


def wait_until(condition, seconds: float, every: float = 0.5):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if value := condition():
            return value
        time.sleep(every)
    raise TimeoutError(f"not done after {seconds} s")


def signed_in_session(user):
    """A browser's session for the manager, two-factor done (as tests/factories does)."""
    import requests

    from tests.factories import signed_in_client

    session = requests.Session()
    session.cookies.set("sessionid", signed_in_client(user).cookies["sessionid"].value)
    return session


def bulk(base: str, secret: str, board) -> dict:
    import requests

    session = requests.Session()
    session.headers["Authorization"] = f"Bearer {secret}"
    rows = bulk_rows(board)
    began = time.perf_counter()
    answer = timed_request(session, "POST", f"{base}/api/v1/boards/{board.slug}/observations/bulk/",
                           "bulk: send 10,000 figures", json={"observations": rows})  # fmt: skip
    accepted = time.perf_counter() - began
    assert answer.status_code == 202, answer.text[:500]
    status_url = base + answer.headers["Location"]

    def finished():
        status = timed_request(session, "GET", status_url, "bulk: status").json()
        return status if status["finished"] else None

    status = wait_until(finished, 600)
    return {"rows": len(rows), "accepted": accepted, "finished": time.perf_counter() - began,
            "status": status["status"], "result": status["result"]}  # fmt: skip


def big_import(base: str, session, board, rows: int) -> dict:
    content = import_file_rows(board, rows)
    page = timed_request(session, "GET", f"{base}/boards/{board.slug}/data/import/", "import page")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
    headers = {"Referer": f"{base}/", "X-CSRFToken": token}
    began = time.perf_counter()
    uploaded = timed_request(
        session, "POST", f"{base}/boards/{board.slug}/data/import/", "import: upload and check",
        data={"csrfmiddlewaretoken": token}, files={"file": ("load.csv", content, "text/csv")},
        headers=headers,
    )  # fmt: skip
    checked = time.perf_counter() - began
    assert uploaded.status_code == 302, uploaded.text[-2000:]
    batch_url = base + uploaded.headers["Location"]
    timed_request(session, "GET", batch_url, "import: preview page (what will change)")
    began = time.perf_counter()
    applied = timed_request(session, "POST", batch_url + "apply/", "import: apply",
                            data={"csrfmiddlewaretoken": token}, headers=headers)  # fmt: skip
    accepted = time.perf_counter() - began
    assert applied.status_code == 302, applied.text[-2000:]

    def finished():
        answer = timed_request(session, "GET", batch_url + "progress/", "import: progress")
        if answer.status_code == 404:  # applied: the batch page shows the result
            return True
        status = answer.json()
        print("   ", status["text"])
        return status["finished"]

    wait_until(finished, 900, every=2)
    done = time.perf_counter() - began
    page = timed_request(session, "GET", batch_url, "import: batch page, applied")
    result = re.search(r"[\d,]+ new, [\d,]+ changed, [\d,]+ unchanged", page.text)
    return {"rows": rows, "checked": checked, "accepted": accepted, "finished": done,
            "result": result.group(0) if result else "not shown"}  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--import-rows", type=int, default=100_000)
    options = parser.parse_args()
    if not REDIS_URL:
        sys.exit("Set REDIS_URL (a Redis database of your own): the worker needs a broker.")
    recreate_database(os.environ["DATABASE_URL"])
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from api.services import api_token_create
    from board.models import Board, Role, RoleAssignment, User

    board = Board.objects.create(name="Load Board", slug="load", local_authority="Load")
    manager = User.objects.create_user("load@example.org", "x" * 20, full_name="Load")
    RoleAssignment.objects.create(user=manager, board=board, role=Role.BOARD_MANAGER)
    make_catalogues([board])
    _, secret = api_token_create(user=manager, name="load", valid_days=None)
    session = signed_in_session(manager)

    logs = Path(os.environ.get("LOAD_LOGS") or tempfile.mkdtemp(prefix="load-long-work-"))
    server = start([sys.executable, "-m", "gunicorn", "lscb.wsgi", "--bind", f"127.0.0.1:{PORT}",
                    "--workers", "3"], logs / "load-gunicorn.log")  # fmt: skip
    worker = start([sys.executable, "-m", "celery", "--app", "lscb", "worker", "--concurrency",
                    "1", "--loglevel", "WARNING", "--without-gossip", "--without-mingle"],
                   logs / "load-worker.log")  # fmt: skip
    base = f"http://127.0.0.1:{PORT}"
    try:
        import requests

        wait_until(lambda: _answers(requests, base), 60)
        time.sleep(5)  # the worker connects
        print("bulk:", bulk(base, secret, board))
        print("import:", big_import(base, session, board, options.import_rows))
    finally:
        for process in (server, worker):
            os.killpg(process.pid, 15)
            process.wait(30)
    slowest = sorted(requests_timed, key=lambda r: -r[1])[:8]
    print("slowest requests:")
    for label, seconds, code in slowest:
        print(f"  {seconds:6.2f} s  {code}  {label}")
    over = [r for r in requests_timed if r[1] > SLOW]
    print(f"{len(requests_timed)} requests, {len(over)} over {SLOW:.0f} s")


def _answers(requests, base: str) -> bool:
    try:
        return requests.get(f"{base}/healthz", timeout=2).status_code in (200, 503)
    except requests.RequestException:
        return False


if __name__ == "__main__":
    import django

    django.setup()
    from django_scopes import scopes_disabled

    with scopes_disabled():  # a script over one board's data, as the benchmarks do
        main()
