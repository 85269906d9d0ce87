"""The audit log shows a person only entries about records they may open: the board
manager, who may not open a child death case, no longer reads its details in the log."""

from auditlog import get_logentry_model
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from board.models import Role, RoleAssignment
from reviews.child_deaths.models import CdopCase
from tests.factories import AgencyFactory
from tests.reviews.child_deaths.factories import notify


def log_url(board) -> str:
    return reverse("audit-log", kwargs={"board_slug": board.slug})


def test_the_manager_does_not_read_child_death_cases_in_the_audit_log(client_for, manager, board):
    AgencyFactory(board=board, name="Metropolitan Police Service")
    notify(board, locality="Norbury", notified_by="Nurse Ratched")
    response = client_for(manager).get(log_url(board))
    page = response.content.decode()
    assert "Metropolitan Police Service" in page
    # The case's own values are hidden. ("Norbury" itself may show: the board's list of
    # localities is board data every role reads, and the case names its entry.)
    assert "Nurse Ratched" not in page
    assert "CDOP case" not in page
    kinds = response.context["form"].fields["record_type"].queryset
    assert ContentType.objects.get_for_model(CdopCase) not in kinds
    shown = response.context["page"].paginator.count
    assert (
        shown
        == response.context["page"]
        .paginator.object_list.exclude(content_type__model="cdopcase")
        .count()
    )


def test_a_manager_who_sits_on_the_panel_reads_the_cases_entries(client_for, manager, board):
    RoleAssignment.objects.create(user=manager, board=board, role=Role.CDOP_MEMBER)
    notify(board, locality="Norbury", notified_by="Nurse Ratched")
    response = client_for(manager).get(log_url(board))
    assert "Nurse Ratched" in response.content.decode()
    kinds = response.context["form"].fields["record_type"].queryset
    assert ContentType.objects.get_for_model(CdopCase) in kinds


def admin_log_url() -> str:
    meta = get_logentry_model()._meta
    return reverse(f"admin:{meta.app_label}_{meta.model_name}_changelist")


def superuser(user):
    user.is_staff = user.is_superuser = True
    user.save()
    return user


def test_the_admin_audit_log_search_answers(client_for, manager, board):
    AgencyFactory(board=board, name="Metropolitan Police Service")
    response = client_for(superuser(manager)).get(admin_log_url(), {"q": "Metropolitan"})
    assert response.status_code == 200
    assert "Metropolitan Police Service" in response.content.decode()


def test_the_admin_audit_log_hides_child_death_cases_from_a_superuser_off_the_panel(
    client_for, manager, board
):
    notify(board, locality="Norbury")
    client = client_for(superuser(manager))

    def shown_kinds() -> set[str]:
        response = client.get(admin_log_url())
        assert response.status_code == 200
        return {entry.content_type.model for entry in response.context["cl"].result_list}

    assert "cdopcase" not in shown_kinds()
    assert "cdopcase" not in client.get(admin_log_url()).content.decode()  # nor in the filter
    RoleAssignment.objects.create(user=manager, board=board, role=Role.CDOP_MEMBER)
    assert "cdopcase" in shown_kinds()


def test_the_admin_audit_log_is_for_superusers_only(client_for, manager):
    manager.is_staff = True
    manager.save()
    assert client_for(manager).get(admin_log_url()).status_code == 403
