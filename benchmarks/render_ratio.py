"""The raw render against Chromium's print, at the demo's size and N times it, with the
tagging's page references as pydyf builds them ("before") and as core/pdf.py builds them
("after"). Not part of the test run.

For each scale (report_scale.scale_report: every section N times), on the same HTML, in
rounds alternating their order: WeasyPrint through core.pdf before, after, and Chromium's
print (report_render.chromium_print, its process start included). Medians of wall seconds,
WeasyPrint's CPU seconds, whether before and after give the same bytes, and the load.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/lscb_ratio \\
        .venv/bin/python benchmarks/render_ratio.py [--scales 1,5] [--runs 3] [--keep]

A test database (test_<name>) is made (kept and reused with --keep); scales only grow in
one database, so give them in increasing order."""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/lscb_ratio")
os.environ.pop("REDIS_URL", None)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lscb.settings_test")


def load() -> str:
    return " ".join(f"{n:.1f}" for n in os.getloadavg())


def measure(html: str, css: str, runs: int) -> dict:
    import pydyf
    from report_render import chromium_print

    import core.pdf

    patched = pydyf.PDF.page_references
    steps = ["before", "after", "chromium"]
    wall = {step: [] for step in steps}
    cpu = {step: [] for step in steps[:2]}
    pdfs, pages = {}, {}
    for n in range(runs):
        for step in steps if n % 2 == 0 else reversed(steps):
            if step == "chromium":
                seconds, pages[step] = chromium_print(html, css)
                wall[step].append(seconds)
                continue
            pydyf.PDF.page_references = (
                core.pdf._PYDYF_PAGE_REFERENCES if step == "before" else patched
            )
            started, started_cpu = time.perf_counter(), time.process_time()
            rendered = core.pdf.html_to_pdf(html, stylesheets=[css])
            wall[step].append(time.perf_counter() - started)
            cpu[step].append(time.process_time() - started_cpu)
            pdfs[step], pages[step] = rendered.pdf, rendered.pages
        pydyf.PDF.page_references = patched
        print(f"  round {n + 1}: " + ", ".join(f"{s} {wall[s][-1]:.2f}s" for s in steps)
              + f" (load {load()})", flush=True)  # fmt: skip
    median = {step: statistics.median(values) for step, values in wall.items()}
    return {
        "pages": pages, "same_bytes": pdfs["before"] == pdfs["after"],
        "wall": median, "cpu": {step: statistics.median(v) for step, v in cpu.items()},
        "ratio_before": median["before"] / median["chromium"],
        "ratio_after": median["after"] / median["chromium"], "load": load(),
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
