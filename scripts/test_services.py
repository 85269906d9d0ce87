"""Choose the database and broker for `make test` and print them as shell assignments.

DATABASE_URL and REDIS_URL win when set. Otherwise the local PostgreSQL and Redis are used
when they answer, and SQLite and in-process tasks when they do not. Lines starting with
"# " are shown to the person running the tests.
"""

import os
import socket

LOCAL_POSTGRES = "postgres://postgres@127.0.0.1:5432/lscb"
LOCAL_REDIS = "redis://127.0.0.1:6379/0"


def answers(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=1):
            return True
    except OSError:
        return False


def choose(name: str, local_url: str, port: int, fallback: str) -> tuple[str, str]:
    if os.environ.get(name):
        return os.environ[name], f"{name} from the environment"
    if answers("127.0.0.1", port):
        return local_url, f"local server at 127.0.0.1:{port}"
    return "", fallback


def main() -> None:
    os.makedirs("var", exist_ok=True)
    database, database_note = choose(
        "DATABASE_URL", LOCAL_POSTGRES, 5432, "SQLite (no PostgreSQL answered at 127.0.0.1:5432)"
    )
    redis, redis_note = choose(
        "REDIS_URL", LOCAL_REDIS, 6379, "tasks in-process (no Redis answered at 127.0.0.1:6379)"
    )
    print(f"# Database for tests: {database_note}")
    print(f"# Broker for tests: {redis_note}")
    if database:
        print(f"DATABASE_URL='{database}'")
    if redis:
        print(f"REDIS_URL='{redis}'")


if __name__ == "__main__":
    main()
