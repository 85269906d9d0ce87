"""Who is told of a child death reporting form: the agency's contact, when it is asked
for and when it is overdue. The kinds are registered in ChildDeathsConfig.ready; the
e-mail says only the kind's sentence and a link, never anything about the child."""

from board.services.notifications import notify
from core.links import board_url

from ..models import AgencyForm

KINDS = {
    "cdop_form_requested": "A child death reporting form has been asked of your agency",
    "cdop_form_overdue": "A child death reporting form is overdue",
}


def _link(agency_form: AgencyForm) -> str:
    case_id = agency_form.case_id
    return board_url(agency_form.board, "child_deaths:cdop-case-detail", case_id=case_id)


def agency_form_notify(*, agency_form: AgencyForm, kind: str, once_key: str = "") -> None:
    """Tell the agency's contact (a notification if theirs is a member's account, else an
    e-mail with the link); nothing about the child."""
    notify(
        board=agency_form.board, kind=kind, link=_link(agency_form),
        addresses=[agency_form.contact_email], once_key=once_key,
    )  # fmt: skip
