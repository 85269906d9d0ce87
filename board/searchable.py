"""What the board's own records add to the search (board/search.py): actions, meetings,
their papers and the people of the board, open to every board role."""

from core.links import board_url

from . import search
from .models import Action, Meeting, Paper, Person, ScrutinyFinding


def register() -> None:
    search.register(
        "actions",
        "Action",
        queryset=lambda board: Action.objects.select_related("owner_agency"),
        fields=["description", "evidence"],
        link=lambda board, action: board_url(board, "action-detail", pk=action.pk),
        describe=lambda action: (
            f"Due {action.due_date:%-d %B %Y}, {action.get_status_display().lower()}"
            + (f", {action.owner_agency.name}" if action.owner_agency else "")
        ),
        order=10,
    )
    search.register(
        "meetings",
        "Meeting",
        queryset=lambda board: Meeting.objects.all(),
        fields=["title", "location", "minutes"],
        link=lambda board, meeting: board_url(board, "meeting-detail", pk=meeting.pk),
        describe=lambda meeting: meeting.title,
        order=20,
    )
    search.register(
        "papers",
        "Meeting paper",
        queryset=lambda board: Paper.objects.select_related("meeting"),
        fields=["title", "original_name"],
        link=lambda board, paper: board_url(board, "meeting-detail", pk=paper.meeting_id),
        describe=lambda paper: f"A paper for the {paper.meeting}",
        order=30,
    )
    search.register(
        "people",
        "Person",
        queryset=lambda board: Person.objects.all(),
        fields=["full_name"],
        link=lambda board, person: board_url(board, "person-list"),
        order=60,
    )
    search.register(
        "scrutiny_findings",
        "Scrutiny finding",
        queryset=lambda board: ScrutinyFinding.objects.select_related("area"),
        fields=["text", "evidence"],
        link=lambda board, finding: board_url(board, "scrutiny-finding-list"),
        describe=lambda finding: finding.area.title if finding.area else "",
        order=70,
    )
