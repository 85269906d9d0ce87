"""Where each unsatisfied item of the yearly report's checklist is fixed, and who can
clear it (read by reports/fixes.py, the one place that answers a problem's fix)."""

from core.links import board_url

from ..fixes import KEPT_BY, MANAGER, Fix, _who, _write, _writer
from .checklist import BY_KEY

# Items satisfied by the board's records: the page where they are kept, and by whom.
RECORDS = {
    "reviews": ("case_reviews:scr-register", "Record the year's practice reviews", "scr"),
    "recommendations": ("case_reviews:scr-register",
                        "Record the reviews' recommendations and their actions", "scr"),
    "training": ("training-session-list", "Record the sessions' follow-up evaluations", ""),
}  # fmt: skip


def checklist_fix(report, key: str, section) -> Fix:
    item, board, year = BY_KEY[key], report.board, report.year.slug
    if key == "scrutiny":
        return Fix(board_url(board, "reports:yearly-scrutiny", year=year),
                   "Record the scrutineer's assessment",
                   "The independent scrutineer or the board manager can record the "
                   "assessment; publication waits for it.")  # fmt: skip
    if key == "sign_off":
        return Fix(board_url(board, "reports:yearly-sign-off", year=year),
                   "Record a lead partner's sign-off",
                   "The board manager can record each lead partner's sign-off; "
                   "publication waits for it.")  # fmt: skip
    if key in RECORDS:
        name, label, kept_by = RECORDS[key]
        steps = [(KEPT_BY.get(kept_by, MANAGER), "add the records")]
        if key == "reviews" and section is not None:
            steps.append((_writer(section), "write that there were none"))
        return Fix(board_url(board, name), label, _who(*steps))
    if section is not None:
        return _write(board, section, f"Write “{section.title}”")
    url = board_url(board, "reports:report-section-add", year=year)
    return Fix(
        url,
        f"Add a section “{item.section[1]}”",
        _who((MANAGER, f"add a section “{item.section[1]}” and write it")),
    )
