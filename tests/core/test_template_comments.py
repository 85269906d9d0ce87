"""Django's {# #} comments end at the line's end: one spread over two lines is printed on
the page (and in the PDF) as text. Longer comments use {% comment %}."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
UNCLOSED = re.compile(r"\{#(?:(?!#\}).)*$", re.M)


def test_no_template_comment_runs_over_a_line():
    found = [
        f"{path.relative_to(ROOT)}:{text[: match.start()].count(chr(10)) + 1}"
        for path in ROOT.glob("**/templates/**/*.html")
        if ".venv" not in path.parts and "node_modules" not in path.parts
        for text in [path.read_text()]
        for match in UNCLOSED.finditer(text)
    ]
    assert found == []
