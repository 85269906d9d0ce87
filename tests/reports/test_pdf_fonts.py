"""The PDF is set in the bundled typeface only (static/css/fonts.css), so the same records
give the same bytes on any machine: hiding every font of the machine changes nothing."""

import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings

from reports.rendering import _print_css, gather_all, render_html, render_pdf
from tests.pdf_fonts import embedded_fonts, only_bundled

from .factories import dataset, report_for, set_section

# Text in every style the report prints, with the characters a board writes: pounds, dashes,
# curly quotes and apostrophes, and a name from Latin Extended.
TEXT = (
    "The board spent **£12,500 – about a third** of its budget on training. "
    "*“Working together” is everyone’s job*, said Łukasz Dvořák. ***All of it.***\n\n"
    "The form is called `LSCB-1`."
)

# Renders an HTML file through the one PDF pipeline in a fresh Python, so that fontconfig
# reads its configuration anew; prints how many fonts the machine offers under it.
RENDER = """
import sys
import django
django.setup()
from weasyprint.text.ffi import fontconfig
from core.pdf import html_to_pdf
html, css, out = sys.argv[1:4]
with open(html) as h, open(css) as c, open(out, "wb") as o:
    o.write(html_to_pdf(h.read(), stylesheets=[c.read()]).pdf)
config = fontconfig.FcInitLoadConfigAndFonts()
print(fontconfig.FcConfigGetFonts(config, fontconfig.FcSetSystem).nfont)
"""


def _report(board):
    dataset(board)  # a chart: its axis labels are text too
    report = report_for(board, Introduction_from_the_independent_chair=TEXT)
    set_section(report, "dataset", config={"indicators": "referrals", "chart": True})
    return report


def _render_in_subprocess(html: Path, css: Path, out: Path, fontconfig_file: Path | None):
    env = {k: v for k, v in os.environ.items() if not k.startswith("FONTCONFIG")}
    if fontconfig_file is not None:
        env["FONTCONFIG_FILE"] = str(fontconfig_file)
    env["DJANGO_SETTINGS_MODULE"] = os.environ.get("DJANGO_SETTINGS_MODULE", "lscb.settings_test")
    done = subprocess.run(  # noqa: S603 (our own interpreter, our own script)
        [sys.executable, "-c", RENDER, str(html), str(css), str(out)],
        cwd=settings.BASE_DIR, env=env, capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return int(done.stdout.split()[-1]), out.read_bytes()


def test_hiding_the_machines_fonts_gives_the_same_bytes(board, tmp_path):
    report = _report(board)
    in_process, _, _ = render_pdf(report)
    html = tmp_path / "report.html"
    html.write_text(render_html(report, gather_all(report)))
    css = tmp_path / "report.css"
    css.write_text(_print_css())
    (tmp_path / "no-fonts").mkdir()
    no_fonts = tmp_path / "fonts.conf"
    no_fonts.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">'
        f"<fontconfig><dir>{tmp_path / 'no-fonts'}</dir>"
        f"<cachedir>{tmp_path / 'cache'}</cachedir></fontconfig>"
    )
    hidden_count, hidden = _render_in_subprocess(html, css, tmp_path / "hidden.pdf", no_fonts)
    system_count, system = _render_in_subprocess(html, css, tmp_path / "system.pdf", None)
    assert hidden_count == 0  # fontconfig really saw no font of the machine's
    assert system_count > 0, "this machine has no fonts: the comparison would prove nothing"
    assert hidden == system == in_process


def test_the_pdf_embeds_only_the_bundled_typeface_in_each_style(board):
    pdf, _, _ = render_pdf(_report(board))
    fonts = embedded_fonts(pdf)
    assert only_bundled(fonts), fonts
    # Regular, bold (headings, table headers, **text**), italic and bold italic (*text*).
    assert fonts == {"LSCB-Arimo", "LSCB-Arimo-Bold", "LSCB-Arimo-Italic", "LSCB-Arimo-Bold-Italic"}
