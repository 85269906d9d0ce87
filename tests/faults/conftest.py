"""Real processes for the fault tests: Celery workers (tests/faults/slow_worker.py), a
second redis-server on a spare port, and the site under gunicorn, all on this test
worker's own database and Redis database (CONTRIBUTING.md, "Tests"). Each is stopped,
and whatever a killed worker left in Redis removed, when the test ends."""

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
import redis
from django.conf import settings
from django.db import connection

from lscb.celery import app

ROOT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable
# What kombu keeps of the messages a worker took and has not acknowledged.
UNACKED_KEYS = ("unacked", "unacked_index", "unacked_mutex")

needs_real_services = pytest.mark.skipif(
    not settings.REDIS_URL or connection.vendor != "postgresql",
    reason="needs REDIS_URL and PostgreSQL: real workers need a real broker and database",
)


def wait_for(condition, seconds: float = 60.0, every: float = 0.2) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(every)
    return False


def database_url() -> str:
    """The test database (test_<name>...), as the processes started here must use it."""
    db = connection.settings_dict
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    host = db.get("HOST") or "127.0.0.1"
    return f"postgres://{db['USER']}{password}@{host}:{db.get('PORT') or 5432}/{db['NAME']}"


def process_env(redis_url: str, **extra) -> dict:
    env = {k: v for k, v in os.environ.items() if k != "PYTEST_XDIST_WORKER"}  # offset once
    env.update(
        DJANGO_SETTINGS_MODULE="lscb.settings_test",
        DATABASE_URL=database_url(),
        REDIS_URL=redis_url,
        MEDIA_ROOT=str(settings.MEDIA_ROOT),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        PYTHONPATH=str(ROOT),
    )
    env.update({key: str(value) for key, value in extra.items()})
    return env


def free_port(start: int = 0) -> int:
    """Port 0: one the OS gives. Otherwise the first free one from `start`."""
    for port in [0] if not start else range(start, start + 200):
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return probe.getsockname()[1]
    raise RuntimeError(f"no free port from {start}")


def stop(process: subprocess.Popen, *, grace: float = 10.0) -> None:
    if process.poll() is not None:
        return
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(grace)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(10)


class Worker:
    """`celery worker` in a process group of its own (its main and pool processes)."""

    def __init__(self, tmp_path: Path, redis_url: str, render_log: Path, **hook):
        self.name = f"faults-{uuid.uuid4().hex[:8]}@%h"
        self.log = tmp_path / f"worker-{uuid.uuid4().hex[:8]}.log"
        env = process_env(redis_url, FAULTS_RENDER_LOG=render_log, **hook)
        command = [
            PYTHON, str(ROOT / "tests/faults/slow_worker.py"), "worker", "--pool=prefork",
            "--concurrency=1", "--loglevel=INFO", "--without-gossip", "--without-mingle",
            "--without-heartbeat", "-n", self.name,
        ]  # fmt: skip
        with self.log.open("w") as out:
            self.process = subprocess.Popen(
                command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT,
                start_new_session=True,
            )  # fmt: skip
        if not wait_for(lambda: " ready." in self.log.read_text() or self.gone(), 60):
            raise RuntimeError(f"the worker did not start:\n{self.log.read_text()}")
        if self.gone():
            raise RuntimeError(f"the worker stopped:\n{self.log.read_text()}")

    def gone(self) -> bool:
        return self.process.poll() is not None

    def kill(self) -> None:
        """SIGKILL the whole worker, as a lost machine or the OOM killer would."""
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(10)


@pytest.fixture
def render_log(tmp_path) -> Path:
    log = tmp_path / "renders.log"
    log.touch()
    return log


def renders(log: Path) -> list[str]:
    """The pids of the processes that made a PDF, one line per render."""
    return [line.split()[1] for line in log.read_text().splitlines() if line]


@pytest.fixture
def workers(transactional_db, tmp_path, render_log):
    """start(pause=seconds, paused_renders=n, redis_url=...) -> Worker: renders wait
    `pause` seconds once made (the first `paused_renders` of the test, or all). The
    worker sees committed data only: transactional_db."""
    started: list[Worker] = []
    app.control.purge()  # messages left by other tests, for records that are gone

    def start(*, pause: float = 0, paused_renders: int | None = None,
              redis_url: str = settings.REDIS_URL) -> Worker:  # fmt: skip
        hook = {"FAULTS_RENDER_PAUSE": pause}
        if paused_renders is not None:
            hook["FAULTS_PAUSED_RENDERS"] = paused_renders
        worker = Worker(tmp_path, redis_url, render_log, **hook)
        started.append(worker)
        return worker

    yield start
    for worker in started:
        stop(worker.process)
    app.control.purge()
    redis.Redis.from_url(settings.REDIS_URL).delete(*UNACKED_KEYS)


class SpareRedis:
    """A second redis-server, as SERVICES.md starts one: nothing kept on disk, so a
    restart loses whatever it held."""

    def __init__(self, tmp_path: Path):
        offset = 10 * int(os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw"))
        self.port = free_port(6391 + offset)
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.dir = tmp_path
        self.process = None

    def start(self) -> None:
        command = [
            shutil.which("redis-server"), "--port", str(self.port), "--bind", "127.0.0.1",
            "--save", "", "--appendonly", "no", "--dir", str(self.dir),
        ]  # fmt: skip
        self.process = subprocess.Popen(
            command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            start_new_session=True,
        )  # fmt: skip
        client = redis.Redis(port=self.port, socket_connect_timeout=1)
        if not wait_for(lambda: self._answers(client), 15):
            raise RuntimeError("the spare redis-server did not start")

    @staticmethod
    def _answers(client) -> bool:
        try:
            return client.ping()
        except redis.RedisError:
            return False

    def stop(self) -> None:
        stop(self.process)

    def hang(self) -> None:
        """Still accepting connections, never answering: what a stuck server looks like."""
        os.killpg(self.process.pid, signal.SIGSTOP)

    def resume(self) -> None:
        os.killpg(self.process.pid, signal.SIGCONT)


@pytest.fixture
def spare_redis(tmp_path):
    if not shutil.which("redis-server"):
        pytest.skip("needs redis-server to start a second Redis")
    server = SpareRedis(tmp_path)
    server.start()
    yield server
    if server.process.poll() is None:
        server.resume()
        server.stop()


class Site:
    """The site under gunicorn with its default 30 s timeout, as docker-compose.yml runs it."""

    def __init__(self, redis_url: str, log: Path):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.env = process_env(redis_url)
        command = [
            str(Path(PYTHON).with_name("gunicorn")), "lscb.wsgi", "--bind",
            f"127.0.0.1:{self.port}", "--workers", "1", "--timeout", "30",
        ]  # fmt: skip
        with log.open("w") as out:
            self.process = subprocess.Popen(
                command, cwd=ROOT, env=self.env, stdout=out, stderr=subprocess.STDOUT,
                start_new_session=True,
            )  # fmt: skip
        if not wait_for(self._answers, 60):
            raise RuntimeError(f"the site did not start:\n{log.read_text()}")

    def _answers(self) -> bool:
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                return True
        except OSError:
            return False

    def manage(self, *args: str) -> str:
        """A management command run as an operator would, against the site's services."""
        done = subprocess.run(
            [PYTHON, "manage.py", *args], cwd=ROOT, env=self.env, capture_output=True,
            text=True, timeout=120, check=True,
        )  # fmt: skip
        return done.stdout


@pytest.fixture
def site_on(transactional_db, tmp_path):
    """site_on(redis_url) -> Site, stopped when the test ends."""
    sites: list[Site] = []

    def start(redis_url: str) -> Site:
        sites.append(Site(redis_url, tmp_path / f"site-{len(sites)}.log"))
        return sites[-1]

    yield start
    for site in sites:
        stop(site.process)
