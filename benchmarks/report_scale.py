"""`report_render.py --chair`: what the chair feels from "Make the PDF" to the download, for
the demo and for N times it. Run through report_render.py (it makes the database).

How N times is made (`scale_report`): every section of the demo's 2014/15 report N times
(each copy gathers its records again and prints its pages again), and the board's audit
trail N times (what the change marker counts). The records themselves are the demo's:
N times the records a report reads and prints, not N times as many distinct records.

Per scale, in rounds alternating their order:
- raw: WeasyPrint through core.pdf on the HTML, and Chromium's print of the same HTML;
- click: a change to a section's title, the render made ahead in the background
  (reports/render_ahead.py, timed on its own), then the chair's click timed from
  `version_request` to the PDF's bytes read back from storage;
- unchanged: the answer from the change marker (`version_request`, "reused") against the
  full gather and hash it replaced.
Then, once per scale: the click before the render ahead has finished (a version queued and
rendered at once, one gather), and the peak RSS of a fresh process rendering the report."""

import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def load() -> str:
    return " ".join(f"{n:.1f}" for n in os.getloadavg())


def median(values) -> float:
    return statistics.median(values) if values else float("nan")


def timed(function, *args, **kwargs):
    started = time.perf_counter()
    result = function(*args, **kwargs)
    return result, time.perf_counter() - started


def the_report():
    from reports.models import AnnualReport

    return AnnualReport.objects.select_related("board").get(board__slug="croydon", start_year=2014)


def scale_report(report, factor: int) -> None:
    """Bring the report to `factor` times the demo's sections and audit trail."""
    from django.db import connection

    from board.models import AuditEntry
    from reports.models import Section

    originals = list(report.sections.filter(config__copy_of__isnull=True).order_by("order"))
    printed = [section for section in originals if section.section_type != "contents"]
    have = 1 + report.sections.filter(config__has_key="copy_of").count() // len(printed)
    top = max(section.order for section in originals) + 1
    for copy in range(have, factor):
        for section in printed:
            Section.objects.create(
                board=report.board, report=report, order=top * copy + section.order,
                section_type=section.section_type, title=f"{section.title} ({copy + 1})",
                config={**section.config, "copy_of": str(section.pk)},
                narrative=section.narrative,
            )  # fmt: skip
    table = AuditEntry._meta.db_table
    entries = AuditEntry.objects.filter(board=report.board)
    copied = entries.filter(object_repr__startswith="(copy)").count()
    base = entries.count() - copied
    columns = [f.column for f in AuditEntry._meta.concrete_fields if f.column != "id"]
    listed = ", ".join(columns)
    chosen = ", ".join(
        "'(copy)' || object_repr" if column == "object_repr" else column for column in columns
    )
    with connection.cursor() as cursor:
        for _ in range(1 + round(copied / base), factor):
            cursor.execute(
                f"INSERT INTO {table} ({listed}) SELECT {chosen} FROM {table} "  # noqa: S608
                "WHERE board_id = %s AND object_repr NOT LIKE '(copy)%%'",
                [report.board_id],
            )
    print(f"{report.sections.count()} sections, {entries.count()} audit entries", flush=True)


def change(report, n: int) -> None:
    section = report.sections.exclude(section_type="contents").order_by("order").first()
    section.title = f"Introduction, edit {n}"
    section.save()


def _children_cpu() -> float:
    """CPU seconds of this process's finished children (Chromium and its helpers)."""
    import resource

    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def fresh_rss(database_name: str) -> dict:
    from django.conf import settings

    db = settings.DATABASES["default"]
    url = f"postgres://{db['USER']}@{db['HOST']}:{db['PORT'] or 5432}/{database_name}"
    out = subprocess.run(  # noqa: S603
        [sys.executable, str(HERE / "report_render.py"), "--child-rss"],
        env={**os.environ, "DATABASE_URL": url}, capture_output=True, text=True, check=True,
        timeout=1800,
    )  # fmt: skip
    return json.loads(out.stdout.strip().splitlines()[-1])


def measure_chair(runs: int, scales: list[int]) -> None:
    from django.db import connection

    measure_training(runs)
    for factor in scales:
        report = the_report()
        scale_report(report, factor)
        rounds = runs if factor == 1 else min(runs, 3) if factor <= 5 else 1
        measure_scale(report, factor, rounds, connection.settings_dict["NAME"])


def measure_scale(report, factor: int, runs: int, database_name: str) -> None:
    from report_render import chromium_print

    from reports.changes import change_marker
    from reports.render_ahead import render_ahead
    from reports.rendering import _print_css, gather_all, inputs_hash, render_html, report_pdf
    from reports.rendering_job import version_bytes, version_render
    from reports.versions import version_request

    print(f"\n== {factor}x the demo (load {load()}) ==", flush=True)
    gathered, t_gather = timed(gather_all, report)
    html, t_html = timed(render_html, report, gathered)
    css = _print_css()
    raw, chromium, clicks, ahead, pages = [], [], [], [], 0
    raw_cpu, chromium_cpu = [], []  # on a busy machine the steadier figures
    marker_answers, gather_answers = [], []
    for n in range(runs):
        steps = ["raw", "chromium", "click", "unchanged"]
        for step in steps if n % 2 == 0 else reversed(steps):
            if step == "raw":
                cpu_started = time.process_time()
                (_pdf, pages), took = timed(report_pdf, report, html)
                raw.append(took)
                raw_cpu.append(time.process_time() - cpu_started)
            elif step == "chromium":
                children = _children_cpu()
                seconds, chromium_pages = chromium_print(html, css)
                chromium.append(seconds)
                chromium_cpu.append(_children_cpu() - children)
            elif step == "click":
                change(report, n)
                outcome, took = timed(render_ahead, report_id=report.pk)
                ahead.append(took)
                (version, how), took_request = timed(version_request, report=report, by=None)
                _bytes, took_read = timed(version_bytes, version)
                assert how == "reused", (how, outcome)
                clicks.append(took_request + took_read)
            else:
                _answer, took = timed(version_request, report=report, by=None)
                marker_answers.append(took)
                _digest, took = timed(lambda: inputs_hash(report, gather_all(report)))
                gather_answers.append(took)
        print(f"round {n + 1}: raw {raw[-1]:.2f}s (CPU {raw_cpu[-1]:.2f}s) chromium "
              f"{chromium[-1]:.2f}s (CPU {chromium_cpu[-1]:.2f}s) "
              f"ahead {ahead[-1]:.2f}s click {clicks[-1]:.3f}s "
              f"unchanged {marker_answers[-1]:.3f}s (gather+hash {gather_answers[-1]:.2f}s) "
              f"load {load()}", flush=True)  # fmt: skip
    # The click before the render ahead has run: queued, then rendered (one gather).
    change(report, 99)
    (version, how), t_request = timed(version_request, report=report, by=None)
    version, t_render = timed(version_render, version_id=version.pk)
    _bytes, t_read = timed(version_bytes, version)
    cold = t_request + t_render + t_read
    rss = fresh_rss(database_name)
    figures = {
        "scale": factor, "pages": pages, "chromium_pages": chromium_pages, "runs": runs,
        "gather_s": t_gather, "html_s": t_html,
        "raw_s": median(raw), "chromium_s": median(chromium),
        "raw_ratio": median(raw) / median(chromium),
        "raw_cpu_s": median(raw_cpu), "chromium_cpu_s": median(chromium_cpu),
        "raw_cpu_ratio": median(raw_cpu) / median(chromium_cpu),
        "ahead_s": median(ahead), "click_s": median(clicks),
        "click_ratio": median(clicks) / median(chromium),
        "cold_click_s": cold, "cold_click_ratio": cold / median(chromium),
        "unchanged_marker_s": median(marker_answers), "unchanged_gather_s": median(gather_answers),
        "s_per_page": median(raw) / pages,
        "rss_before_mib": rss["rss_before"], "rss_peak_mib": rss["rss_peak"],
        "mib_per_page": (rss["rss_peak"] - rss["rss_before"]) / rss["pages"],
        "marker": change_marker(report)[:8], "load": load(),
    }  # fmt: skip
    print(json.dumps(figures, indent=1, default=str), flush=True)


def measure_training(runs: int) -> None:
    """main's year_summary (every attendance loaded) against the SQL sums, on the demo's
    training records and on ten times them (copies of its sessions, rolled back after)."""
    import subprocess as sp

    from django.db import connection, transaction
    from django.test.utils import CaptureQueriesContext

    from board.models import Board, SessionAttendance, SessionEvaluation, TrainingSession
    from board.selectors import training
    from core.periods import FinancialYear

    source = sp.run(  # noqa: S603
        ["git", "-C", str(HERE.parent), "show", "main:board/selectors/training.py"],  # noqa: S607
        capture_output=True, text=True, check=True,
    ).stdout.replace("from ..models import", "from board.models import")  # fmt: skip
    old = {}
    exec(compile(source, "main:board/selectors/training.py", "exec"), old)  # noqa: S102
    board, year = Board.objects.get(slug="croydon"), FinancialYear(2014)
    print(f"\n== training summary, main's Python against SQL (load {load()}) ==", flush=True)
    with transaction.atomic():
        for copies in (1, 10):
            if copies == 10:
                _copy_training(board, year, 9, TrainingSession, SessionAttendance,
                               SessionEvaluation)  # fmt: skip
            totals = {f(board, year).total for f in (old["year_summary"], training.year_summary)}
            assert len(totals) == 1, totals
            times = {"main (Python)": [], "SQL": []}
            queries = {}
            for n in range(max(runs, 5)):
                order = list(times) if n % 2 == 0 else list(reversed(times))
                for name in order:
                    function = (
                        old["year_summary"] if name.startswith("main") else (training.year_summary)
                    )
                    with CaptureQueriesContext(connection) as captured:
                        _summary, took = timed(function, board, year)
                    times[name].append(took)
                    queries[name] = len(captured)
            attendances = SessionAttendance.objects.filter(
                board=board, session__date__range=(year.start, year.end)
            ).count()
            for name, measured in times.items():
                print(
                    f"{copies}x ({attendances} attendances): {name:14} median "
                    f"{median(measured) * 1000:.0f} ms, {queries[name]} queries",
                    flush=True,
                )
        transaction.set_rollback(True)


def _copy_training(board, year, copies, TrainingSession, SessionAttendance, SessionEvaluation):
    sessions = list(TrainingSession.objects.filter(board=board, date__range=(year.start, year.end)))
    for _ in range(copies):
        for session in sessions:
            attendances = list(session.attendances.all())
            evaluation = SessionEvaluation.objects.filter(session=session).first()
            copy = TrainingSession.objects.create(
                board=board, course_id=session.course_id, date=session.date, place=session.place
            )
            SessionAttendance.objects.bulk_create(
                SessionAttendance(board=board, session=copy, agency_id=a.agency_id,
                                  attendees=a.attendees)
                for a in attendances
            )  # fmt: skip
            if evaluation is not None:
                SessionEvaluation.objects.create(
                    board=board, session=copy, end_score=evaluation.end_score,
                    follow_up_score=evaluation.follow_up_score,
                )  # fmt: skip


def measure_layout(runs: int) -> None:
    """The layout engine's share of charts and table layout, on the demo's HTML: as it is,
    with `table-layout: fixed` added, and with every chart's SVG left out (the most any
    simpler chart could save). Alternating, medians of CPU and wall seconds, and pages."""
    import re

    from core.pdf import html_to_pdf
    from reports.rendering import _print_css, gather_all, render_html

    report = the_report()
    html = render_html(report, gather_all(report))
    css = _print_css()
    no_charts = re.sub(r"<svg\b.*?</svg>", '<div style="height:70mm"></div>', html, flags=re.S)
    configurations = {
        "as it is": (html, [css]),
        "table-layout: fixed": (html, [css, "table { table-layout: fixed }"]),
        "charts left out": (no_charts, [css]),
    }
    wall = {name: [] for name in configurations}
    cpu = {name: [] for name in configurations}
    pages = {}
    print(f"\n== layout levers, {html.count('<svg')} charts (load {load()}) ==", flush=True)
    names = list(configurations)
    for n in range(runs):
        for name in names if n % 2 == 0 else reversed(names):
            document, sheets = configurations[name]
            started_cpu = time.process_time()
            rendered, took = timed(html_to_pdf, document, stylesheets=sheets)
            cpu[name].append(time.process_time() - started_cpu)
            wall[name].append(took)
            pages[name] = rendered.pages
    base = median(cpu[names[0]])
    for name in names:
        print(f"{name:22} CPU {median(cpu[name]):.2f}s (x{base / median(cpu[name]):.2f}) "
              f"wall {median(wall[name]):.2f}s, {pages[name]} pages", flush=True)  # fmt: skip
    print(f"load {load()}")
