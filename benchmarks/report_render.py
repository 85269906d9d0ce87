"""Benchmark of the annual report PDF (not part of the test run).

Loads the demo board into a fresh database, renders its 2014/15 annual review and prints:
gather time (all sections' queries), HTML time, WeasyPrint time, total, peak Python memory
(tracemalloc) and the process's peak RSS, page and chart counts; the time to answer an
unchanged render (inputs hash only); and, for comparison, the time Debian's Chromium takes
to print the same HTML (with the same print CSS and the bundled typeface) to PDF.

With --levers it instead compares the two cheap levers of core/pdf.py on the same HTML, in
one run, alternating: WeasyPrint's INFO progress lines logged (as before the logging
setting) or not, and the garbage collector running or paused; medians, and whether the
bytes are the same.

With --chair it measures what the chair feels, for the demo and for `--scales` times it
(report_scale.py: every section N times, the audit trail N times): the click-to-download
time once the render made ahead has finished, against Chromium's print of the same HTML;
the raw render against Chromium; seconds and MiB per page (peak RSS of a fresh process);
the "unchanged" answer from the change marker against the full gather and hash it
replaced; and the training summary in SQL against main's Python sums. Side by side in one
run, alternating, medians.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/lscb_reports \\
        .venv/bin/python benchmarks/report_render.py [--runs 3] [--levers | --chair] [--keep]

A test database (test_<name>) is created and dropped (kept with --keep, and reused).
"""

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/lscb_reports")
os.environ.pop("REDIS_URL", None)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lscb.settings_test")


def timed(function, *args):
    started = time.perf_counter()
    result = function(*args)
    return result, time.perf_counter() - started


def bundled_fonts_for_chromium() -> str:
    """fonts.css with its font files as file: URLs, so Chromium sets the same typeface."""
    from django.contrib.staticfiles import finders

    from core.pdf import BUNDLED_FAMILY, FONTS_CSS, bundled_fonts_css

    folder = Path(finders.find(FONTS_CSS)).resolve().parent  # its URLs are relative to it
    css = bundled_fonts_css().replace('url("../', f'url("{folder.parent.as_uri()}/')
    return css + f'* {{ font-family: "{BUNDLED_FAMILY}" !important }}'


def chromium_print(html: str, css: str) -> tuple[float, int] | None:
    """Seconds (the process's start included, as a print run from the command line) and
    pages of Chromium's print of the HTML."""
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(chromium).exists():
        return None
    css = bundled_fonts_for_chromium() + css
    with tempfile.TemporaryDirectory() as folder:
        page = Path(folder) / "report.html"
        page.write_text(html.replace("</head>", f"<style>{css}</style></head>", 1))
        out = Path(folder) / "chromium.pdf"
        command = [chromium, "--headless", "--no-sandbox", "--disable-gpu",
                   "--no-pdf-header-footer", f"--print-to-pdf={out}", page.as_uri()]  # fmt: skip
        started = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, timeout=300)  # noqa: S603
        seconds = time.perf_counter() - started
        from pypdf import PdfReader

        return seconds, len(PdfReader(out).pages)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--levers", action="store_true", help="compare logging and gc levers")
    parser.add_argument("--chair", action="store_true", help="click-to-download and scales")
    parser.add_argument("--scales", default="1,5,20", help="with --chair: N times the demo")
    parser.add_argument("--layout", action="store_true", help="table layout and chart levers")
    parser.add_argument("--keep", action="store_true", help="keep (and reuse) the database")
    parser.add_argument("--child-rss", action="store_true", help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.child_rss:
        return child_rss()

    import django

    django.setup()
    from io import StringIO

    from django.core.management import call_command
    from django.db import connection

    from board.scoping import scopes_disabled

    name = connection.creation.create_test_db(
        verbosity=0, autoclobber=True, keepdb=arguments.keep, serialize=False
    )
    try:
        from board.models import Board

        if not Board.objects.filter(slug="croydon").exists():
            call_command("load_demo", stdout=StringIO())
        with scopes_disabled():  # a script reading one board's report (board/scoping.py)
            if arguments.layout:
                from report_scale import measure_layout

                measure_layout(arguments.runs)
            elif arguments.chair:
                from report_scale import measure_chair

                measure_chair(arguments.runs, [int(n) for n in arguments.scales.split(",")])
            else:
                (measure_levers if arguments.levers else measure)(arguments.runs)
    finally:
        if not arguments.keep:
            connection.creation.destroy_test_db(name, verbosity=0)


def child_rss() -> None:
    """In a fresh process (the database named by DATABASE_URL, already made): render the
    demo report once and print its pages and the process's RSS before and at its peak."""
    import json

    import django

    django.setup()
    from board.scoping import scopes_disabled
    from reports.models import AnnualReport
    from reports.rendering import gather_all, render_html, report_pdf

    with scopes_disabled():
        report = AnnualReport.objects.select_related("board").get(
            board__slug="croydon", start_year=2014
        )
        html = render_html(report, gather_all(report))
        before = _rss_now()
        _pdf, pages = report_pdf(report, html)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"pages": pages, "rss_before": before, "rss_peak": peak}))


def _rss_now() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def measure(runs: int) -> None:
    from reports.models import AnnualReport
    from reports.rendering import _print_css, gather_all, inputs_hash, render_html, report_pdf

    report = AnnualReport.objects.select_related("board").get(board__slug="croydon")
    totals = []
    for _ in range(runs):
        gathered, t_gather = timed(gather_all, report)
        html, t_html = timed(render_html, report, gathered)
        (pdf, pages), t_pdf = timed(report_pdf, report, html)
        totals.append(t_gather + t_html + t_pdf)
        print(f"gather {t_gather:.2f}s  html {t_html:.2f}s  weasyprint {t_pdf:.2f}s  "
              f"total {totals[-1]:.2f}s")  # fmt: skip
    # Memory in a separate run: tracemalloc slows Python several times over.
    tracemalloc.start()
    report_pdf(report, render_html(report, gather_all(report)))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    print(f"peak Python memory of one render (tracemalloc): {peak / 2**20:.0f} MiB")
    _, t_hash = timed(lambda: inputs_hash(report, gather_all(report)))
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    charts = html.count("<svg")
    print(f"pages {pages}, charts {charts}, PDF {len(pdf) / 1024:.0f} KiB, peak RSS {rss:.0f} MiB")
    print(f"best total {min(totals):.2f}s; unchanged render answered in {t_hash:.2f}s (hash)")
    chromium = chromium_print(html, _print_css())
    if chromium:
        print(f"chromium --print-to-pdf on the same HTML: {chromium[0]:.2f}s, {chromium[1]} pages")


def measure_levers(runs: int) -> None:
    """Each configuration once per round, rounds alternating the order, on the same HTML."""
    import contextlib
    import logging
    import statistics

    import core.pdf
    from reports.models import AnnualReport
    from reports.rendering import gather_all, render_html, report_pdf

    report = AnnualReport.objects.select_related("board").get(board__slug="croydon")
    html = render_html(report, gather_all(report))
    paused = core.pdf._collector_paused
    weasyprint = logging.getLogger("weasyprint")
    # The settings' console handler (stderr) gets the INFO lines, as the worker's log did.
    configurations = {
        "before (INFO logged, gc running)": (logging.INFO, contextlib.nullcontext),
        "logging silenced, gc running": (logging.WARNING, contextlib.nullcontext),
        "INFO logged, gc paused": (logging.INFO, paused),
        "after (logging silenced, gc paused)": (logging.WARNING, paused),
    }
    # Wall and CPU seconds: on a shared machine the CPU time is the steadier of the two.
    seconds = {name: [] for name in configurations}
    cpu = {name: [] for name in configurations}
    pdfs = set()
    names = list(configurations)
    for round_number in range(runs):
        for name in names if round_number % 2 == 0 else reversed(names):
            level, collector = configurations[name]
            weasyprint.setLevel(level)
            core.pdf._collector_paused = collector
            cpu_started = time.process_time()
            (pdf, pages), took = timed(report_pdf, report, html)
            seconds[name].append(took)
            cpu[name].append(time.process_time() - cpu_started)
            pdfs.add(pdf)
    weasyprint.setLevel(logging.WARNING)
    core.pdf._collector_paused = paused
    print(f"{pages} pages, {runs} rounds; same bytes in every configuration: {len(pdfs) == 1}")
    for label, measured in (("wall", seconds), ("CPU", cpu)):
        before = statistics.median(measured[names[0]])
        for name in names:
            median = statistics.median(measured[name])
            runs_text = " ".join(f"{s:.2f}" for s in measured[name])
            print(f"{label:4} {name:36} median {median:.2f}s x{before / median:.2f} ({runs_text})")
    for name, collector in (("gc running", contextlib.nullcontext), ("gc paused", paused)):
        core.pdf._collector_paused = collector
        tracemalloc.start()
        report_pdf(report, html)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        print(f"peak Python memory of one render, {name}: {peak / 2**20:.0f} MiB")
    core.pdf._collector_paused = paused


if __name__ == "__main__":
    main()
