"""Every hand-over tells the people who act next, and nobody else; each person's e-mail
choice is kept; the e-mail carries a link and nothing of the record."""

from datetime import date, timedelta

import pytest
from django.core import mail
from django.utils import timezone

from board.models import EmailChoice, EmailState, Notification, Person, Role
from board.services.action_reminders import action_reminders_send
from board.services.actions import action_create, action_edit
from board.services.notifications import (
    notification_digest_send,
    notification_digests_queue,
    notification_preference_set,
    notify,
)
from board.tasks import queue_notification_digests
from reports import services as reports
from reports.checks import outstanding_problems
from reports.models import CheckAcceptance, ReportState
from reviews.child_deaths.services.cases import agency_form_request
from subgroups.services import returns
from tests.board.factories import AgencyFactory
from tests.factories import user_with_role
from tests.mail_jobs import jobs_run_now
from tests.reports.factories import report_for
from tests.reviews.child_deaths.factories import case_for
from tests.subgroups.conftest import Q1
from tests.subgroups.conftest import health as health  # the fixture
from tests.subgroups.test_workflow import content

pytestmark = pytest.mark.django_db

EVERYONE = ["manager", "chair", "subgroup_chair", "board_member", "cdop_member", "scr_member",
            "lay_member", "viewer", "other_board_manager", "deactivated"]  # fmt: skip


@pytest.fixture
def everyone(request):
    return {name: request.getfixturevalue(name) for name in EVERYONE}


def told(kind: str) -> set[str]:
    rows = Notification.objects.filter(kind=kind, recipient__isnull=False)
    return {row.recipient.email for row in rows.select_related("recipient")}


def emails(everyone, *names) -> set[str]:
    return {everyone[name].email for name in names}


def submit(health, user):
    return returns.quarterly_return_submit(
        subgroup=health, quarter=Q1, content=content(health), by=user, expected_version=0
    )


def test_a_submitted_return_tells_the_managers_only(health, everyone):
    submit(health, everyone["subgroup_chair"])
    assert told("return_submitted") == emails(everyone, "manager")


def test_a_returned_and_an_approved_return_tell_the_sub_group_chair_only(health, everyone):
    r = submit(health, everyone["subgroup_chair"])
    r = returns.quarterly_return_send_back(quarterly_return=r, by=everyone["manager"], reason="x")
    assert told("return_returned") == emails(everyone, "subgroup_chair")
    r = returns.quarterly_return_submit(
        subgroup=health, quarter=Q1, content=content(health), by=everyone["subgroup_chair"],
        expected_version=r.version,
    )  # fmt: skip
    returns.quarterly_return_approve(quarterly_return=r, by=everyone["manager"])
    assert told("return_approved") == emails(everyone, "subgroup_chair")
    assert Notification.objects.filter(kind="return_submitted").count() == 2  # and resubmitted


def test_the_report_tells_author_chair_and_manager_in_turn(board, everyone):
    report = report_for(board)
    section = report.sections.first()
    author = everyone["board_member"]
    reports.section_update(section=section, author=author)
    reports.section_update(section=section, author=author)  # unchanged: nobody told again
    assert told("report_section_assigned") == {author.email}
    assert Notification.objects.filter(kind="report_section_assigned").count() == 1
    manager, chair = everyone["manager"], everyone["chair"]
    reports.report_transition(report=report, to=ReportState.IN_REVIEW, by=manager)
    assert told("report_in_review") == emails(everyone, "chair")
    for problem in outstanding_problems(report):
        CheckAcceptance.objects.create(
            board=board, report=report, key=problem.key, reason="Agreed", accepted_by=manager
        )
    reports.report_transition(report=report, to=ReportState.APPROVED, by=chair)
    assert told("report_approved") == emails(everyone, "manager")
    reports.report_transition(report=report, to=ReportState.PUBLISHED, by=manager)
    assert told("report_published") == emails(everyone, "chair", "board_member")


def test_an_action_tells_its_owner_when_given_and_when_due(board, everyone):
    member = everyone["board_member"]
    person = Person.objects.create(board=board, full_name="Member", user=member)
    nobody = Person.objects.create(board=board, full_name="No account")
    agency = AgencyFactory(board=board)
    today = timezone.localdate()
    action = action_create(
        board=board, description="Audit the referrals", owner_agency=agency,
        owner_person=person, due_date=today + timedelta(days=3), created_by=everyone["manager"],
    )  # fmt: skip
    action_create(
        board=board, description="Write to schools", owner_person=nobody,
        due_date=today + timedelta(days=3), created_by=everyone["manager"],
    )  # fmt: skip
    assert told("action_assigned") == {member.email}
    assert action_reminders_send(today=today) == 1
    assert action_reminders_send(today=today) == 0  # once per stage
    assert told("action_due_soon") == {member.email}
    assert action_reminders_send(today=today + timedelta(days=4)) == 1
    assert told("action_overdue") == {member.email}
    other = Person.objects.create(board=board, full_name="Chair", user=everyone["chair"])
    action_edit(action=action, owner_person=other)
    assert told("action_assigned") == {member.email, everyone["chair"].email}


def test_a_cdop_form_tells_the_agency_contact_by_address(board, everyone):
    case = case_for(board)
    agency = AgencyFactory(board=board)
    with jobs_run_now():
        agency_form_request(case=case, agency=agency, contact_email="spoc@police.example.org",
                            requested_on=date(2014, 5, 1))  # fmt: skip
        agency_form_request(case=case, agency=AgencyFactory(board=board),
                            contact_email=everyone["cdop_member"].email.upper(),
                            requested_on=date(2014, 5, 1))  # fmt: skip
    rows = Notification.objects.filter(kind="cdop_form_requested")
    assert {(r.recipient_id, r.address) for r in rows} == {
        (None, "spoc@police.example.org"),
        (everyone["cdop_member"].pk, ""),  # a member's address: their own notification
    }
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        ["spoc@police.example.org", everyone["cdop_member"].email]
    )
    for message in mail.outbox:
        assert case.number not in message.body + message.subject


def test_an_inactive_user_and_someone_without_a_role_get_nothing(board, deactivated, outsider):
    made = notify(board=board, kind="action_assigned", users=[deactivated, outsider], link="/")
    assert made == []
    made = notify(board=board, kind="action_assigned", addresses=[deactivated.email], link="/")
    assert made == []


def test_the_e_mail_is_a_link_and_never_the_return(health, subgroup_chair, manager, settings):
    settings.SERVICE_URL = "https://lscb.example.org"
    with jobs_run_now():
        r = submit(health, subgroup_chair)
    with jobs_run_now():
        returns.quarterly_return_send_back(
            quarterly_return=r, by=manager, reason="Police figures look wrong for Child M"
        )
    to_manager, to_chair = mail.outbox
    assert to_manager.to == [manager.email]
    assert to_manager.subject == "A quarterly return is waiting for your approval"
    path = f"/boards/{health.board.slug}/subgroups/{health.pk}/returns/2014-15-q1/"
    assert f"https://lscb.example.org{path}\n" in to_manager.body
    assert to_chair.to == [subgroup_chair.email]
    assert f"https://lscb.example.org{path}edit/" in to_chair.body
    for message in mail.outbox:
        text = message.subject + message.body
        for secret in ("Child M", "Police figures", "Done", "Health", "Q1", "2014/15"):
            assert secret not in text


@pytest.mark.parametrize(
    ("choice", "state", "sent"),
    [
        (EmailChoice.IMMEDIATE, EmailState.SENT, 1),
        (EmailChoice.DIGEST, EmailState.DIGEST, 0),
        (EmailChoice.OFF, EmailState.NOT_SENT, 0),
    ],
)
def test_each_person_chooses_when_to_be_e_mailed(health, subgroup_chair, manager, choice, state,
                                                  sent):  # fmt: skip
    notification_preference_set(user=manager, email=choice)
    with jobs_run_now():
        submit(health, subgroup_chair)
    row = Notification.objects.get(kind="return_submitted")
    assert (row.email_state, len(mail.outbox)) == (state, sent)
    assert not row.is_read  # on the notifications page whatever the choice


def test_the_daily_summary_sends_what_is_marked_once(board, manager, chair, settings):
    settings.SERVICE_URL = "https://lscb.example.org"
    notification_preference_set(user=manager, email=EmailChoice.DIGEST)
    for n in range(3):
        notify(board=board, kind="report_approved", users=[manager], link=f"/r/{n}/")
    notify(board=board, kind="report_in_review", users=[chair], link="/now/")  # straight away
    with jobs_run_now():
        assert queue_notification_digests.apply().get() == 1
    (summary,) = mail.outbox
    assert summary.to == [manager.email]
    assert summary.body.count("The annual report has been approved and can be published") == 3
    assert "https://lscb.example.org/r/2/" in summary.body
    assert notification_digests_queue() == 0  # nothing marked any more
    assert {r.email_state for r in Notification.objects.filter(recipient=manager)} == {
        EmailState.SENT
    }


def test_a_summary_sent_twice_sends_once_and_respects_a_later_off(board, manager, other_board):
    notification_preference_set(user=manager, email=EmailChoice.DIGEST)
    notify(board=board, kind="report_approved", users=[manager], link="/r/")
    assert notification_digest_send(board_id=board.pk, user_id=manager.pk) == 1
    assert notification_digest_send(board_id=board.pk, user_id=manager.pk) == 0
    notify(board=board, kind="report_approved", users=[manager], link="/r/")
    notification_preference_set(user=manager, email=EmailChoice.OFF)
    assert notification_digest_send(board_id=board.pk, user_id=manager.pk) == 0
    assert len(mail.outbox) == 1


def test_an_unknown_kind_fails_loudly(board, manager):
    from django.core.exceptions import ImproperlyConfigured

    with pytest.raises(ImproperlyConfigured):
        notify(board=board, kind="return_submited", users=[manager], link="/")


def test_nobody_is_told_of_a_board_they_hold_no_role_on(board, other_board):
    member = user_with_role(board, Role.BOARD_MANAGER, email="here@example.org")
    assert notify(board=other_board, kind="report_approved", users=[member], link="/r/") == []


def test_an_agency_contact_with_an_account_elsewhere_is_e_mailed_at_the_address(
    board, other_board_manager
):
    (row,) = notify(
        board=board, kind="cdop_form_requested", addresses=[other_board_manager.email], link="/"
    )
    assert (row.recipient, row.address) == (None, other_board_manager.email)


def test_the_demo_records_hand_overs_without_e_mailing_anyone(board, manager):
    from board.services.notifications import notifications_not_emailed

    with jobs_run_now(), notifications_not_emailed():
        made = notify(
            board=board, kind="report_approved", users=[manager], addresses=["a@b.org"], link="/"
        )
    assert [(row.recipient, row.email_state) for row in made] == [(manager, EmailState.NOT_SENT)]
    assert mail.outbox == []


def test_an_e_mail_job_sent_twice_sends_one_e_mail(board, manager):
    from board.tasks import send_notification_email

    (row,) = notify(board=board, kind="report_approved", users=[manager], link="/r/")
    assert send_notification_email.apply(args=[str(row.pk)]).get() is True
    assert send_notification_email.apply(args=[str(row.pk)]).get() is False
    assert len(mail.outbox) == 1


def test_the_daily_tasks_are_scheduled():
    from lscb.schedules import DEFAULT_SCHEDULES

    tasks = {task for task, _, _ in DEFAULT_SCHEDULES.values()}
    assert {"board.tasks.queue_notification_digests", "board.tasks.send_action_reminders"} <= tasks
