"""Bad input gives a clear error on the page, keeps what was typed, and saves nothing."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from reviews.child_deaths.models import CdopCase
from tests.forms import date_parts

from .factories import locality, notify

VALID = {
    "nhs_number": "943 476 5919",
    **date_parts("date_of_birth", "1/5/2013"),
    **date_parts("date_of_death", "10/5/2013"),
    "sex": "female",
    "ethnicity": "white",
    "place_of_death": "hospital",
    "expectation": "expected",
    "notified_by": "Hospital paediatrician",
    **date_parts("notified_on", "11/5/2013"),
}


def valid(board) -> dict:
    """The notification as posted: the area of residence is chosen from the board's list."""
    return {**VALID, "locality": str(locality(board, "Selhurst").pk)}


def notify_url(board):
    return reverse("child_deaths:cdop-case-create", kwargs={"board_slug": board.slug})


def test_a_valid_notification_creates_a_case_with_a_number_and_no_nhs_number(
    client_for, board, cdop_member
):
    response = client_for(cdop_member).post(notify_url(board), valid(board))
    case = CdopCase.objects.get(board=board)
    assert response.status_code == 302
    assert case.number == "CDOP-2013-14-001"
    assert "9434765919" not in case.nhs_number_hash
    assert len(case.nhs_number_hash) == 64
    assert case.age_band == "neonate"


TOMORROW = timezone.localdate() + timedelta(days=1)


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        (
            date_parts("date_of_death", "30/4/2013"),
            "date_of_death",
            "on or after the date of birth",
        ),
        (
            date_parts("date_of_death", TOMORROW) | date_parts("notified_on", TOMORROW),
            "date_of_death",
            "in the past",
        ),
        (date_parts("date_of_birth", "9/5/1995"), "date_of_death", "18 or over"),
        (date_parts("date_of_death", "31/2/2013"), "date_of_death", "real date"),
        (date_parts("notified_on", "9/5/2013"), "notified_on", "on or after the date of death"),
        ({"ethnicity": "martian"}, "ethnicity", "from the list"),
        ({"nhs_number": "943 476 5918"}, "nhs_number", "check digit"),
        ({"locality": "Selhurst"}, "locality", "from the board's list"),
    ],
)
def test_a_bad_notification_is_refused_with_a_clear_error_and_nothing_saved(
    client_for, board, cdop_member, changes, field, message
):
    data = {**valid(board), **changes}
    response = client_for(cdop_member).post(notify_url(board), data)
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[field])
    assert "There is a problem" in response.content.decode()
    assert response.context["form"]["locality"].value() == data["locality"]
    assert not CdopCase.objects.exists()


def test_an_age_of_seventeen_years_and_364_days_is_accepted(board):
    case = notify(board, date_of_birth=date(1995, 5, 11), date_of_death=date(2013, 5, 10))
    assert case.age_band == "15-17"


def test_a_second_notification_of_the_same_death_is_refused_naming_the_first_case(
    client_for, board, cdop_member
):
    client = client_for(cdop_member)
    client.post(notify_url(board), valid(board))
    response = client.post(notify_url(board), {**valid(board), "nhs_number": "9434765919"})
    form = response.context["form"]
    assert form.errors["date_of_death"] == [
        "This death has already been notified as case CDOP-2013-14-001."
    ]
    assert not form.non_field_errors()
    assert CdopCase.objects.count() == 1


def test_the_same_nhs_number_on_another_board_is_not_a_duplicate(board, other_board):
    notify(board, nhs_number="9434765919")
    notify(other_board, nhs_number="9434765919")
    assert CdopCase.objects.count() == 2


def analysis(case, **changes):
    return {
        **date_parts("panel_review_on", "10/9/2013"),
        "expectation": "expected",
        "category": "8",
        "modifiable": "no",
        **changes,
    }


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"category": "11"}, "category", "from the list"),
        ({"category": ""}, "category", "Choose the category of death"),
        (
            date_parts("panel_review_on", "1/5/2013"),
            "panel_review_on",
            "on or after the date notified",
        ),
        ({"modifiable": "perhaps"}, "modifiable", "from the list"),
    ],
)
def test_a_bad_panel_analysis_is_refused_and_the_case_is_unchanged(
    client_for, board, cdop_member, changes, field, message
):
    case = notify(board)
    url = reverse("child_deaths:cdop-case-analysis", args=[board.slug, case.pk])
    response = client_for(cdop_member).post(url, analysis(case, **changes))
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[field])
    case.refresh_from_db()
    assert case.panel_review_on is None and case.category == ""


def test_a_risk_factor_of_another_board_is_refused(client_for, board, other_board, cdop_member):
    from reviews.child_deaths.services.cases import cdop_settings

    cdop_settings(board=other_board)
    foreign = other_board.child_deaths_riskfactor_set.first()
    case = notify(board)
    url = reverse("child_deaths:cdop-case-analysis", args=[board.slug, case.pk])
    response = client_for(cdop_member).post(url, analysis(case, risk_factors=[foreign.pk]))
    assert "risk_factors" in response.context["form"].errors


def test_an_agency_of_another_board_cannot_be_asked_for_a_form(
    client_for, board, other_board, cdop_member
):
    from tests.factories import AgencyFactory

    case = notify(board)
    foreign = AgencyFactory(board=other_board)
    url = reverse("child_deaths:cdop-form-request", args=[board.slug, case.pk])
    data = {
        "agency": foreign.pk,
        "contact_email": "a@example.org",
        **date_parts("requested_on", "12/5/2013"),
    }
    response = client_for(cdop_member).post(url, data)
    assert "agency" in response.context["form"].errors
    assert not case.agency_forms.exists()


def test_a_form_received_before_it_was_requested_is_refused(client_for, board, cdop_member):
    from reviews.child_deaths.services.cases import agency_form_request
    from tests.factories import AgencyFactory

    case = notify(board)
    agency_form = agency_form_request(
        case=case,
        agency=AgencyFactory(board=board),
        contact_email="a@example.org",
        requested_on=date(2013, 5, 20),
    )
    url = reverse("child_deaths:cdop-form-update", args=[board.slug, case.pk, agency_form.pk])
    data = {
        "contact_email": "a@example.org",
        **date_parts("requested_on", "20/5/2013"),
        **date_parts("received_on", "1/5/2013"),
    }
    response = client_for(cdop_member).post(url, data)
    assert "on or after the date requested" in " ".join(
        response.context["form"].errors["received_on"]
    )
    agency_form.refresh_from_db()
    assert agency_form.received_on is None


def test_a_case_cannot_be_closed_before_the_panel_has_reviewed_it(client_for, board, cdop_member):
    case = notify(board)
    url = reverse("child_deaths:cdop-case-close", args=[board.slug, case.pk])
    response = client_for(cdop_member).post(url, date_parts("closed_on", "1/9/2013"))
    assert "only after the panel's review" in response.context["form"].errors["closed_on"][0]
    case.refresh_from_db()
    assert case.closed_on is None


def test_a_referral_to_the_scr_subgroup_needs_a_reason(client_for, board, cdop_member):
    case = notify(board)
    url = reverse("child_deaths:cdop-case-edit", args=[board.slug, case.pk])
    data = {**valid(board), **date_parts("scr_referred_on", "1/6/2013"), "scr_referral_reason": ""}
    response = client_for(cdop_member).post(url, data)
    assert response.context["form"].errors["scr_referral_reason"] == [
        "Enter the reason for the referral."
    ]
    case.refresh_from_db()
    assert case.scr_referred_on is None


def test_settings_out_of_range_are_refused(client_for, board, manager):
    url = reverse("child_deaths:cdop-settings", kwargs={"board_slug": board.slug})
    data = {
        "review_target_months": 0,
        "suppress_below": 5,
        "form_due_days": 28,
        "chase_every_days": 7,
        "risk_factors": "Smoking",
    }
    response = client_for(manager).post(url, data)
    assert "review_target_months" in response.context["form"].errors
    from reviews.child_deaths.models import CdopSettings

    assert CdopSettings.objects.get(board=board).review_target_months == 6


def test_a_recommendation_needs_an_agency_of_this_board(
    client_for, board, other_board, cdop_member
):
    from board.models import Action
    from tests.factories import AgencyFactory

    case = notify(board)
    foreign = AgencyFactory(board=other_board)
    url = reverse("child_deaths:cdop-recommendation-create", args=[board.slug, case.pk])
    data = {"text": "Do better", "owner_agency": foreign.pk, **date_parts("due_date", "1/3/2014")}
    response = client_for(cdop_member).post(url, data)
    assert "owner_agency" in response.context["form"].errors
    assert not case.recommendations.exists() and not Action.objects.exists()
