"""A backup that cannot be restored is not a backup: dump a populated database with the
documented pg_dump command, restore it into a fresh database with pg_restore, find every
record again, and render the same annual report, byte for byte."""

import os
import shutil
import subprocess
import sys
import uuid
from io import StringIO
from pathlib import Path

import psycopg2
import pytest
from django.core.management import call_command
from django.db import connection

ROOT = Path(__file__).resolve().parent.parent

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="backups are of PostgreSQL (set DATABASE_URL)"
    ),
    pytest.mark.skipif(shutil.which("pg_dump") is None, reason="pg_dump is not installed"),
]


def server_args() -> list[str]:
    params = connection.settings_dict
    args = ["--username", params["USER"] or "postgres"]
    if params["HOST"]:
        args += ["--host", params["HOST"], "--port", str(params["PORT"] or 5432)]
    return args


def libpq_args(name: str) -> list[str]:
    return ["--dbname", name, *server_args()]


def row_counts(database: str) -> dict[str, int]:
    """Rows in every table of the database's public schema."""
    params = connection.settings_dict
    db = psycopg2.connect(
        dbname=database,
        user=params["USER"] or "postgres",
        host=params["HOST"] or None,
        port=params["PORT"] or None,
    )
    try:
        with db.cursor() as cursor:
            cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
            tables = sorted(row[0] for row in cursor.fetchall())
            counts = {}
            for table in tables:
                cursor.execute(f'SELECT count(*) FROM "{table}"')  # noqa: S608 - catalogue names
                counts[table] = cursor.fetchone()[0]
        return counts
    finally:
        db.close()


@pytest.fixture
def restored_database(transactional_db):
    name = f"lscb_restore_{uuid.uuid4().hex[:8]}"
    yield name
    subprocess.run(["dropdb", "--if-exists", *server_args(), name], check=False)


def test_a_dump_of_the_demo_board_restores_with_every_record(restored_database, tmp_path):
    call_command("load_demo", stdout=StringIO())
    source = connection.settings_dict["NAME"]
    dump = tmp_path / "lscb.dump"

    # The commands documented in the README's "Backups" section.
    subprocess.run(
        ["pg_dump", "--format=custom", "--file", str(dump), *libpq_args(source)], check=True
    )
    subprocess.run(["createdb", *server_args(), restored_database], check=True)
    subprocess.run(
        ["pg_restore", "--no-owner", "--exit-on-error", *libpq_args(restored_database), str(dump)],
        check=True,
    )

    original = row_counts(source)
    # The demo board and the illustrative partnership (board/demo_partnership.py).
    assert original["board_board"] == 2 and original["board_agency"] == 28
    assert row_counts(restored_database) == original

    # The same annual report, to the byte, from the original and from the restored copy.
    from_original = render_demo_report(source, tmp_path / "original")
    from_restored = render_demo_report(restored_database, tmp_path / "restored")
    assert from_original.startswith(b"%PDF")
    assert from_restored == from_original


def render_demo_report(database: str, folder) -> bytes:
    """The real command, in its own process, against the named database."""
    params = connection.settings_dict
    host = params["HOST"] or "127.0.0.1"
    url = f"postgres://{params['USER'] or 'postgres'}@{host}:{params['PORT'] or 5432}/{database}"
    folder.mkdir()
    output = folder / "report.pdf"
    env = {
        "PATH": os.environ["PATH"],
        "DJANGO_SETTINGS_MODULE": "lscb.settings_test",
        "DATABASE_URL": url,
        "MEDIA_ROOT": str(folder / "media"),
    }
    subprocess.run(
        [sys.executable, "manage.py", "render_annual_report", "--board", "croydon",
         "--year", "2014-15", "--output", str(output)],
        cwd=ROOT, env=env, check=True, capture_output=True,
    )  # fmt: skip
    return output.read_bytes()
