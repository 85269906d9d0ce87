"""The demo board's 2014/15 annual review, in the shape of Croydon's, from the demo
records. Safe to run again: the template and report are made once; while the report is
still being drafted its texts are brought back to the demo's."""

from io import BytesIO

from django.core.files.uploadedfile import SimpleUploadedFile

from board.files import check_image, check_upload
from board.models import Board, User
from core.periods import FinancialYear

from . import services
from .builtin import ANNUAL_REVIEW
from .cover import cover_set
from .demo_text import (
    FIGURES_BY_TITLE,
    GLOSSARY,
    LOCAL_CONTEXT_INDICATORS,
    NARRATIVE_BY_TITLE,
    SUBGROUP_SUMMARIES,
)
from .images import image_add
from .models import Acronym, AnnualReport, ReportState, ReportTemplate
from .yearly.demo import load_partnership

YEAR = FinancialYear(2014)


def load(board: Board, write) -> None:
    for term, meaning in GLOSSARY:
        Acronym.objects.update_or_create(board=board, term=term, defaults={"meaning": meaning})
    template = ReportTemplate.objects.filter(board=board, name=ANNUAL_REVIEW["name"]).first()
    if template is None:
        template = services.template_copy_builtin(board=board, key="annual-review")
    report = AnnualReport.objects.filter(board=board, start_year=YEAR.start_year).first()
    if report is None:
        report = services.report_create(board=board, year=YEAR, template=template)
    if report.state == ReportState.DRAFTING:
        _write_sections(report)
        if report.cover_logo_id is None:
            _set_cover(report)
    write(f"  Annual report: {report.title} ({report.get_state_display().lower()})")
    # The partnership board, where the board's demo has made it (reports/yearly/demo.py).
    load_partnership(write)


# The cover's colour as a board would choose it (the app works out text that can be read).
COVER_COLOUR = "#1d70b8"


def _set_cover(report: AnnualReport) -> None:
    """The cover as a board sets it: a logo uploaded through the same checks as any image,
    and a colour. The logo is drawn here (an illustrative mark, not any council's)."""
    upload = SimpleUploadedFile("board-logo.png", _logo_png(), "image/png")
    checked = check_image(check_upload(upload, allowed=("png", "jpeg"), kind="image"))
    manager = User.objects.get(email="manager@demo.lscb.example")
    logo = image_add(report=report, upload=checked, name="board-logo", by=manager)
    cover_set(report=report, logo=logo, colour=COVER_COLOUR)


def _logo_png() -> bytes:
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (480, 160), "white")
    draw = ImageDraw.Draw(image)
    for n, colour in enumerate(("#1d70b8", "#00703c", "#f47738")):  # three linked rings
        draw.ellipse((20 + 70 * n, 30, 120 + 70 * n, 130), outline=colour, width=14)
    draw.rectangle((270, 55, 460, 75), fill="#0b0c0c")
    draw.rectangle((270, 90, 400, 105), fill="#505a5f")
    out = BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def _write_sections(report: AnnualReport) -> None:
    chair = User.objects.filter(email="chair@demo.lscb.example").first()
    for section in report.sections.all():
        fields = {}
        if section.title in NARRATIVE_BY_TITLE:
            fields["narrative"] = NARRATIVE_BY_TITLE[section.title]
        if section.title == "Foreword":
            fields["author"] = chair
        if section.section_type == "subgroup_report":
            # Each sub-group's own introduction from the review (never one text under every
            # sub-group: that read as boilerplate), above its approved returns.
            name = (section.config or {}).get("subgroup", "")
            fields.update(narrative=SUBGROUP_SUMMARIES.get(name, ""), author=None)
        if section.title in FIGURES_BY_TITLE:
            # The review prints these figures in the section's own text; here the records
            # print them, under the authored text, as a dataset section.
            fields.update(
                section_type="dataset",
                config={"indicators": FIGURES_BY_TITLE[section.title], "chart": True},
            )
        elif section.section_type == "dataset":
            fields["config"] = {"indicators": LOCAL_CONTEXT_INDICATORS, "chart": True}
        if fields:
            services.section_update(section=section, **fields)
