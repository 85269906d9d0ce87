"""The raw render against Chromium's print, at the demo's size and N times it: WeasyPrint
through the app's pipeline laid out in one process (core.pdf.html_to_pdf) and in parts side
by side (core.pdf_parts, as reports.rendering.report_pdf calls it), and Chromium's print of
the same HTML. Not part of the test run.

For each scale (report_scale.scale_report: every section N times), on the same HTML, in
rounds alternating their order. Medians of wall seconds; the CPU seconds of this process and
of the parts' processes; whether the two WeasyPrint renders have the same pages and text;
the load.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/lscb_ratio \\
        .venv/bin/python benchmarks/render_ratio.py [--scales 1,5] [--runs 3] [--keep]

A test database (test_<name>) is made (kept and reused with --keep); scales only grow in
one database, so give them in increasing order."""

import argparse
import os
import resource
import statistics
import sys
import time
from io import BytesIO
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/lscb_ratio")
os.environ.pop("REDIS_URL", None)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lscb.settings_test")


def load() -> str:
    return " ".join(f"{n:.1f}" for n in os.getloadavg())


def _cpu() -> float:
    """CPU seconds of this process and of its children that have ended (the parts')."""
    own, children = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _texts(pdf: bytes) -> list[str]:
    from pypdf import PdfReader

    return [page.extract_text() for page in PdfReader(BytesIO(pdf)).pages]


def measure(html: str, css: str, runs: int) -> dict:
    from report_render import chromium_print

    import core.pdf
    from core.pdf_parts import html_to_pdf_in_parts
    from reports.rendering import _part_css

    renders = {
        "one process": lambda: core.pdf.html_to_pdf(html, stylesheets=[css]),
        "in parts": lambda: html_to_pdf_in_parts(html, stylesheets=[css], part_css=_part_css),
    }
    steps = [*renders, "chromium"]
    wall = {step: [] for step in steps}
    cpu = {step: [] for step in renders}
    pdfs, pages = {}, {}
    for n in range(runs):
        for step in steps if n % 2 == 0 else reversed(steps):
            if step == "chromium":
                seconds, pages[step] = chromium_print(html, css)
                wall[step].append(seconds)
                continue
            started, started_cpu = time.perf_counter(), _cpu()
            rendered = renders[step]()
            wall[step].append(time.perf_counter() - started)
            cpu[step].append(_cpu() - started_cpu)
            pdfs[step], pages[step] = rendered.pdf, rendered.pages
        print(f"  round {n + 1}: " + ", ".join(f"{s} {wall[s][-1]:.2f}s" for s in steps)
              + f" (load {load()})", flush=True)  # fmt: skip
    median = {step: statistics.median(values) for step, values in wall.items()}
    return {
        "pages": pages,
        "same_text": _texts(pdfs["one process"]) == _texts(pdfs["in parts"]),
        "wall": median, "cpu": {step: statistics.median(v) for step, v in cpu.items()},
        "ratio one process": median["one process"] / median["chromium"],
        "ratio in parts": median["in parts"] / median["chromium"], "load": load(),
    }  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scales", default="1,5")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keep", action="store_true")
    arguments = parser.parse_args()
    import django

    django.setup()
    from io import StringIO

    from django.core.management import call_command
    from django.db import connection

    from board.models import Board
    from board.scoping import scopes_disabled

    name = connection.creation.create_test_db(
        verbosity=0, autoclobber=True, keepdb=arguments.keep, serialize=False
    )
    try:
        if not Board.objects.filter(slug="croydon").exists():
            call_command("load_demo", stdout=StringIO())
        from report_scale import scale_report, the_report

        from reports.rendering import _print_css, gather_all, render_html

        with scopes_disabled():  # a script reading one board's report (board/scoping.py)
            for factor in (int(n) for n in arguments.scales.split(",")):
                report = the_report()
                scale_report(report, factor)
                html = render_html(report, gather_all(report))
                print(f"== {factor}x the demo (load {load()}) ==", flush=True)
                figures = measure(html, _print_css(), arguments.runs if factor < 20 else 1)
                print(figures, flush=True)
    finally:
        if not arguments.keep:
            connection.creation.destroy_test_db(name, verbosity=0)


if __name__ == "__main__":
    main()
