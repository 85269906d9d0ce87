"""The demo board's sub-groups, as listed in Croydon's 2014/15 annual review."""

from board.models import Board

from .models import SubGroup

# (name, parent name or None); parents come before their children.
DEMO_SUBGROUPS = [
    ("Executive Steering Group", None),
    ("Child Death Overview Panel", None),
    ("Serious Case Review", None),
    ("Health", None),
    ("Education", None),
    ("MASH – Multi Agency Safeguarding Hub", None),
    ("Child Sexual Exploitation and Missing Children", None),
    ("Quality Assurance Practice and Performance", None),
    ("Learning and Development", "Quality Assurance Practice and Performance"),
    ("Editorial Board", "Quality Assurance Practice and Performance"),
]


def load(board: Board, stdout_write) -> None:
    for name, parent_name in DEMO_SUBGROUPS:
        parent = SubGroup.objects.get(board=board, name=parent_name) if parent_name else None
        SubGroup.objects.update_or_create(board=board, name=name, defaults={"parent": parent})
