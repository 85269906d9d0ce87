"""Strengths and areas for development, and an optional third list (a work programme,
"what we will do next"), per theme, from the authored text.

Format: a line '## Theme', then lines starting '+ ' (a strength), '- ' (an area for
development) or '* ' (an item of the third list, titled by the section's setting). Other
lines under a theme are its paragraphs, printed before the lists (a blank line between
paragraphs); lines before the first theme are paragraphs of the section itself.

With the setting `work_programme_actions` on, each theme's third list also holds the
business plan actions due in the following year whose report theme (board.Action.theme)
is that theme's title, matched without regard to case or spacing: only that theme's."""

from board.models import Action, ActionSource

from .registry import SectionType, register

THIRD_LIST_TITLE = "Work programme"
ON = {"yes", "y", "on", "true", "1"}
KEYS = {"+": "strengths", "-": "areas", "*": "programme"}


def _theme(title: str) -> dict:
    return {"theme": title, "paragraphs": [], "strengths": [], "areas": [], "programme": []}


def theme_key(title: str) -> str:
    """A theme's title as the actions' themes are matched to it."""
    return " ".join(title.split()).casefold()


def parse(text: str) -> list[dict]:
    themes: list[dict] = []
    lines: list[str] = []  # the paragraph being read

    def current() -> dict:
        if not themes:
            themes.append(_theme(""))
        return themes[-1]

    def end_paragraph() -> None:
        if lines:
            current()["paragraphs"].append(" ".join(lines))
            lines.clear()

    for raw in (text or "").splitlines():
        line = raw.strip()
        if line.startswith("#"):
            end_paragraph()
            themes.append(_theme(line.lstrip("#").strip()))
        elif line[:2] in ("+ ", "- ", "* "):
            end_paragraph()
            current()[KEYS[line[0]]].append({"text": line[2:].strip(), "due": None})
        elif line:
            lines.append(line)
        else:
            end_paragraph()
    end_paragraph()
    return themes


def setting_on(section, key: str) -> bool:
    return str((section.config or {}).get(key, "")).strip().lower() in ON


def _actions_by_theme(report) -> dict[str, list[dict]]:
    following = report.year.next()
    actions = (
        Action.objects.filter(
            board=report.board, source_type=ActionSource.BUSINESS_PLAN,
            due_date__gte=following.start, due_date__lte=following.end,
        )
        .exclude(theme="")
        .order_by("due_date", "description")
        .values_list("theme", "description", "due_date")
    )  # fmt: skip
    found: dict[str, list[dict]] = {}
    for theme, description, due in actions:
        found.setdefault(theme_key(theme), []).append({"text": description, "due": due})
    return found


def gather(report, section) -> dict:
    themes = parse(section.narrative)
    drawn = setting_on(section, "work_programme_actions")
    if drawn:
        actions = _actions_by_theme(report)
        for theme in themes:
            if theme["theme"]:
                theme["programme"] += actions.get(theme_key(theme["theme"]), [])
    title = str((section.config or {}).get("third_list_title", "")).strip()
    return {
        "themes": themes,
        "third": drawn or any(theme["programme"] for theme in themes),
        "third_title": title or THIRD_LIST_TITLE,
    }


register(
    SectionType(
        "strengths",
        "Strengths and areas for development",
        gather,
        description="Two lists per theme, and a third (a work programme) where it is used.",
        narrative_help="One theme per '## Theme' line. Under it, '+ ' before each strength, "
        "'- ' before each area for development and '* ' before each item of the third list "
        "(its title is the section's setting, “Work programme” unless changed); any other "
        "line under a theme is a paragraph about it, printed before the lists.",
        config_fields={
            "third_list_title": "The title of the third list ('* ' lines), such as What we "
            "will do next. Leave empty for “Work programme”.",
            "work_programme_actions": "Write yes to add to each theme's third list the "
            "business plan actions due the following year that have that theme.",
        },
        authored=True,
        # Its own list rules replace the general Markdown help ('- ' is an area here).
        markdown_help=False,
    )
)
