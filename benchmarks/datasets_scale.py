"""Scale benchmark of the datasets app on PostgreSQL (not part of the test run).

Generates a regional installation: BOARDS boards x 60 indicators x 40 quarters (10
financial years), with breakdowns (about 2 million observations at --scale 1). The figures
are written with COPY (the import service would take an hour and write 2 million audit
entries that no dashboard reads), then every (board, year) loaded is marked stale with
`mark_stale`, the call every writer of figures makes, so the snapshots and staleness are
those an import of the same figures leaves. Then it measures:

- a cold refresh of one board (all ten years stale, in a new process that has not read
  the board) and of one year;
- the real scheduled job, `datasets.tasks.refresh_stale_snapshots`, with every year of
  every board stale (what a full rebuild leaves), on real Celery workers (`celery worker`
  processes on Redis): with 1 worker process, then with 2, in the same run;
- the dashboard page's time and query count from a snapshot, and the import of a
  10,000-row CSV file (and its idempotent re-import).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/lscb_bench \\
    REDIS_URL=redis://127.0.0.1:6379/0 \\
        .venv/bin/python benchmarks/datasets_scale.py [--scale 0.1] [--keep]

The database named by DATABASE_URL is dropped and re-created unless --keep is given and
it already holds generated data. REDIS_URL is the workers' broker (its queue is purged).
"""

import argparse
import io
import os
import random
import statistics
import sys
import time
import uuid
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/lscb_bench"
os.environ.setdefault("DATABASE_URL", DEFAULT_URL)
# The workers' broker. This process itself runs without one: the refresh queued by the
# import runs in-process, and it sends the scheduled job with its own client (`send_job`).
BROKER_URL = os.environ.pop("REDIS_URL", "") or "redis://127.0.0.1:6379/0"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lscb.settings_test")
os.environ.setdefault("ALLOWED_HOSTS", "testserver")

INDICATORS = 60
QUARTERS = 40
FIRST_YEAR = 2007  # 40 quarters: 2007-08 Q1 to 2016-17 Q4
LAST_YEAR = FIRST_YEAR + QUARTERS // 4 - 1
EXTRA_SETS = ["age_band", "gender", "agency", "ethnicity", "locality", None]


def recreate_database(url: str) -> None:
    import psycopg2

    name = url.rsplit("/", 1)[1]
    admin = psycopg2.connect(url.rsplit("/", 1)[0] + "/postgres")
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
        cursor.execute(f'CREATE DATABASE "{name}"')
    admin.close()


def timed(label: str, func, *args, **kwargs):
    began = time.perf_counter()
    result = func(*args, **kwargs)
    seconds = time.perf_counter() - began
    print(f"{label}: {seconds:.2f} s", flush=True)
    return result, seconds


def make_catalogues(boards) -> None:
    from datasets.models import CategorySet, Indicator, PeriodType, RollUp
    from datasets.services.catalogue import catalogue_install_starter

    for board in boards:
        catalogue_install_starter(board=board)
        sets = {s.code: s for s in CategorySet.objects.filter(board=board)}
        have = Indicator.objects.filter(board=board).count()
        extra = []
        for n in range(INDICATORS - have):
            extra.append(
                Indicator(
                    board=board,
                    code=f"local_{n:02d}",
                    name=f"Local measure {n + 1}",
                    theme=f"Local measures {n // 8 + 1}",
                    period_type=PeriodType.QUARTER,
                    rollup=RollUp.SUM if n % 2 else RollUp.LATEST,
                    order=100 + n,
                    breakdowns_add_up=True,
                )
            )
        Indicator.objects.bulk_create(extra)
        through = Indicator.breakdown_sets.through
        links = []
        for n, ind in enumerate(extra):
            codes = {EXTRA_SETS[n % len(EXTRA_SETS)]}
            if n % 3:  # two thirds of local measures have a second breakdown
                codes.add(EXTRA_SETS[(n + 2) % len(EXTRA_SETS)])
            links += [
                through(indicator_id=ind.id, categoryset_id=sets[code].id) for code in codes if code
            ]
        through.objects.bulk_create(links)


def quarter_starts() -> list[date]:
    from core.periods import FinancialYear

    return [q.start for y in range(FIRST_YEAR, LAST_YEAR + 1) for q in FinancialYear(y).quarters]


def copy_observations(boards) -> int:
    """Totals for every stored indicator and period (monthly and yearly ones at their own
    periods), and values for every category of each of its breakdown sets, adding up to
    the total."""
    from django.db import connection

    from core.periods import FinancialYear
    from datasets import periods
    from datasets.models import Indicator

    rng = random.Random(42)
    columns = (
        "id, created_at, updated_at, board_id, indicator_id, period_start, category_id,"
        " value, qualifier, source, status"
    )
    total = 0
    now = "2026-01-01 00:00:00+00"
    for board in boards:
        buffer = io.StringIO()
        indicators = Indicator.objects.filter(board=board).prefetch_related(
            "breakdown_sets__categories"
        )
        for indicator in indicators:
            if indicator.is_computed:
                continue
            starts = [
                p
                for y in range(FIRST_YEAR, LAST_YEAR + 1)
                for p in periods.periods_in_year(FinancialYear(y), indicator.period_type)
            ]
            sets = [list(s.categories.all()) for s in indicator.breakdown_sets.all()]
            level = rng.randint(50, 5000)
            for start in starts:
                value = max(0, int(level * rng.uniform(0.85, 1.15)))
                rows = [(None, value)]
                for categories in sets:
                    shares = [rng.random() + 0.1 for _ in categories]
                    parts = [int(value * s / sum(shares)) for s in shares]
                    parts[-1] += value - sum(parts)
                    rows += list(zip([c.id for c in categories], parts, strict=True))
                for category_id, amount in rows:
                    buffer.write(
                        f"{uuid.uuid4()}\t{now}\t{now}\t{board.id}\t{indicator.id}\t{start}\t"
                        f"{category_id or chr(92) + 'N'}\t{amount}\texact\timport\tfinal\n"
                    )
                    total += 1
        buffer.seek(0)
        with connection.cursor() as cursor:
            cursor.copy_expert(f"COPY datasets_observation ({columns}) FROM STDIN", buffer)
    return total


def generate(board_count: int) -> None:
    from django.core.management import call_command
    from django.db import connection, transaction

    from board.models import Board

    call_command("migrate", verbosity=0)
    boards = Board.objects.bulk_create(
        [
            Board(
                name=f"Board {n:03d} Safeguarding Children Board",
                slug=f"board-{n:03d}",
                local_authority=f"Borough {n:03d}",
            )
            for n in range(board_count)
        ]
    )
    timed("  catalogues (starter set + local measures per board)", make_catalogues, boards)
    with transaction.atomic():
        count, _ = timed("  observations loaded with COPY", copy_observations, boards)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    print(f"  {count:,} observations for {board_count} boards", flush=True)
    timed("  every loaded (board, year) marked stale with mark_stale", mark_loaded_stale, boards)


def mark_loaded_stale(boards) -> None:
    """What `write_changes` does after writing: `mark_stale` for each (board, year) it
    touched, which creates the year's snapshot, stale."""
    from django_scopes import scope

    from datasets.services.snapshots import mark_stale

    for board in boards:
        with scope(board=board.pk):
            for year in range(FIRST_YEAR, LAST_YEAR + 1):
                mark_stale(board, year)


def dashboard_timing(board) -> tuple[float, int]:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from board.models import Role, RoleAssignment, User

    user, _ = User.objects.get_or_create(
        email="bench-viewer@example.org", defaults={"full_name": "Bench Viewer"}
    )
    RoleAssignment.objects.get_or_create(user=user, board=board, role=Role.VIEWER)
    client = Client()
    client.force_login(user)
    url = f"/boards/{board.slug}/data/?year={LAST_YEAR}-{(LAST_YEAR + 1) % 100:02d}"
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    times = []
    for _ in range(20):
        with CaptureQueriesContext(connection) as queries:
            began = time.perf_counter()
            client.get(url)
            times.append(time.perf_counter() - began)
    return statistics.median(times), len(queries.captured_queries)


def import_file_rows(board, count: int) -> bytes:
    """`count` rows of new quarters (after the generated ones) for one board."""
    from core.exports import Table, csv_bytes
    from core.periods import FinancialYear
    from datasets.models import Indicator

    rows = []
    year = LAST_YEAR + 1
    indicators = Indicator.objects.filter(board=board, period_type="quarter").prefetch_related(
        "breakdown_sets__categories"
    )
    indicators = [i for i in indicators if not i.is_computed]
    while len(rows) < count:
        for quarter in FinancialYear(year).quarters:
            label = f"{quarter.year.slug} Q{quarter.number}"
            for indicator in indicators:
                rows.append([board.slug, indicator.code, label, "total", 100, ""])
                for category_set in indicator.breakdown_sets.all():
                    for category in category_set.categories.all():
                        rows.append(
                            [
                                board.slug,
                                indicator.code,
                                label,
                                f"{category_set.code}:{category.code}",
                                10,
                                "",
                            ]
                        )
        year += 1
    header = ["board", "indicator", "period", "breakdown", "value", "qualifier"]
    return csv_bytes(Table(header, rows[:count]))


def measure() -> None:
    from django.core.management import call_command
    from django_scopes import scopes_disabled
    from refresh_timing import in_new_process, scheduled_refresh_on_workers

    from board.models import Board
    from datasets.models import Observation, Snapshot
    from datasets.services.imports import import_file

    boards = list(Board.objects.order_by("slug"))
    # The import below adds quarters after the generated ones: clear any left by an
    # earlier run (--keep), so that the years measured are the generated ten and every row
    # of the import is new.
    later = date(LAST_YEAR + 1, 4, 1)
    Observation.objects.filter(period_start__gte=later).delete()
    Snapshot.objects.filter(year__gt=LAST_YEAR).delete()
    snapshots = Snapshot.objects.count()
    print(f"{Observation.objects.count():,} observations, {len(boards)} boards", flush=True)
    years = LAST_YEAR - FIRST_YEAR + 1
    call_command("rebuild_snapshots", "--all", "--mark-only")  # as after a full rebuild
    stale = Snapshot.objects.filter(stale=True).count()
    assert stale == len(boards) * years, (stale, snapshots)  # every (board, year), once
    print(f"{stale} snapshots, all stale: every year ({years}) of every board", flush=True)

    one, other = boards[len(boards) // 2], boards[len(boards) // 2 - 1]
    cold_board, refreshed = in_new_process(str(one.pk))
    print(f"cold refresh of one board, {refreshed} years: {cold_board:.2f} s", flush=True)
    cold_year, _ = in_new_process(str(other.pk), LAST_YEAR)
    print(f"cold refresh of one board's latest year: {cold_year:.2f} s", flush=True)

    runs = {}
    for processes in (1, 2):
        call_command("rebuild_snapshots", "--all", "--mark-only")
        run = runs[processes] = scheduled_refresh_on_workers(processes, BROKER_URL)
        print(
            f"scheduled refresh, every year stale, {processes} worker process(es): "
            f"{run['seconds']:.1f} s for {run['count']} snapshots "
            f"({run['seconds'] / run['count'] * 1000:.0f} ms each); CPU: workers "
            f"{run['cpu']:.1f} s, PostgreSQL {run['db_cpu']:.1f} s; "
            f"1-minute load average at the end {run['load']:.1f}",
            flush=True,
        )
    with scopes_disabled():
        median, queries = dashboard_timing(one)
    print(
        f"dashboard page from a snapshot: {median * 1000:.1f} ms median of 20, {queries} queries",
        flush=True,
    )
    content = import_file_rows(one, 10_000)
    preview, first = timed(
        "import of a 10,000-row CSV (validate, write, audit, refresh)",
        import_file,
        filename="bench.csv",
        content=content,
        boards=[one],
    )
    assert not preview.errors, preview.errors[:5]
    print(f"  {preview.counts}")
    preview, again = timed(
        "the same file again (idempotent: nothing written)",
        import_file,
        filename="bench.csv",
        content=content,
        boards=[one],
    )
    print(f"  {preview.counts}")
    print("\nSUMMARY")
    print(
        f"  cold refresh, one board ({years} years): {cold_board:.2f} s; "
        f"one year: {cold_year:.2f} s"
    )
    for processes, run in runs.items():
        print(
            f"  scheduled refresh of {run['count']} stale snapshots, {processes} process(es): "
            f"{run['seconds']:.1f} s (CPU: workers {run['cpu']:.1f} s, PostgreSQL "
            f"{run['db_cpu']:.1f} s; load {run['load']:.1f})"
        )
    print(f"  speed-up with 2 processes: {runs[1]['seconds'] / runs[2]['seconds']:.2f}x")
    print(f"  dashboard: {median * 1000:.1f} ms, {queries} queries")
    print(f"  import 10,000 rows: {first:.1f} s; re-import: {again:.1f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scale", type=float, default=1.0, help="fraction of 150 boards")
    parser.add_argument("--keep", action="store_true", help="reuse generated data")
    args = parser.parse_args()
    board_count = max(1, round(150 * args.scale))
    url = os.environ["DATABASE_URL"]
    if not url.startswith("postgres"):
        raise SystemExit("The benchmark needs PostgreSQL (DATABASE_URL=postgres://...)")

    import django

    fresh = not args.keep
    if fresh:
        recreate_database(url)
    django.setup()
    from django_scopes import scopes_disabled

    from board.models import Board

    if fresh or not Board.objects.exists():
        print(
            f"Generating {board_count} boards x {INDICATORS} indicators x {QUARTERS} quarters",
            flush=True,
        )
        with scopes_disabled():
            timed("generation", generate, board_count)
    with scopes_disabled():
        measure()


if __name__ == "__main__":
    main()
