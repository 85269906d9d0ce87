"""A second redis-server of the test's own, to stop, hang and start again under a running
site, leaving the machine's Redis (the suite's broker) alone. Keeps nothing on disk."""

import os
import shutil
import signal
import socket
import subprocess
import time
from pathlib import Path

import redis

# Spare ports for fault tests (the machine's own Redis is on 6379).
SPARE_PORTS = range(6381, 6390)


def port_is_free(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) != 0


class SpareRedis:
    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.port: int | None = None
        self.process: subprocess.Popen | None = None

    def url(self, database: int = 0) -> str:
        return f"redis://127.0.0.1:{self.port}/{database}"

    def start(self) -> None:
        """On the port it had before, or on the first free spare port."""
        ports = [self.port] if self.port else [p for p in SPARE_PORTS if port_is_free(p)]
        for port in ports:
            if self._start_on(port):
                return
        raise RuntimeError(f"no redis-server would start on ports {ports}")

    def _start_on(self, port: int) -> bool:
        self.process = subprocess.Popen(
            [
                shutil.which("redis-server") or "redis-server",
                "--port",
                str(port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self.directory),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self.port = port
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and self.process.poll() is None:
            try:
                redis.Redis(port=port, socket_timeout=0.5).ping()
                return True
            except redis.RedisError:
                time.sleep(0.05)
        self.stop()
        return False  # another process took the port first

    def hang(self) -> None:
        """Still accepting connections (the kernel does that), never answering."""
        os.kill(self.process.pid, signal.SIGSTOP)

    def resume(self) -> None:
        os.kill(self.process.pid, signal.SIGCONT)

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.resume()  # a stopped process does not act on SIGTERM until it runs
        self.process.terminate()
        self.process.wait(timeout=10)
