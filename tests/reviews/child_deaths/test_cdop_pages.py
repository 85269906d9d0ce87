from datetime import date

from django.urls import reverse

from board.models import Action
from reviews.child_deaths import action_sources
from reviews.child_deaths.models import AgencyForm, RiskFactor
from reviews.child_deaths.services.cases import agency_form_request
from tests.factories import AgencyFactory
from tests.forms import date_parts

from .factories import case_for, notify, review


def url(name, board, **kwargs):
    return reverse(f"child_deaths:{name}", kwargs={"board_slug": board.slug, **kwargs})


def test_a_form_is_requested_and_its_receipt_recorded(client_for, board, cdop_member):
    case = notify(board)
    agency = AgencyFactory(board=board, name="Metropolitan Police Service")
    client = client_for(cdop_member)
    client.post(
        url("cdop-form-request", board, case_id=case.pk),
        {
            "agency": agency.pk,
            "contact_email": "spoc@example.org",
            **date_parts("requested_on", "12/5/2013"),
        },
    )
    agency_form = AgencyForm.objects.get(case=case)
    assert agency_form.days_outstanding_on(date(2013, 5, 22)) == 10
    client.post(
        url("cdop-form-update", board, case_id=case.pk, form_id=agency_form.pk),
        {
            "contact_email": "spoc@example.org",
            **date_parts("requested_on", "12/5/2013"),
            **date_parts("received_on", "1/6/2013"),
        },
    )
    agency_form.refresh_from_db()
    assert agency_form.received_on == date(2013, 6, 1)


def test_the_same_agency_cannot_be_asked_twice_for_one_case(client_for, board, cdop_member):
    case = notify(board)
    agency = AgencyFactory(board=board)
    data = {
        "agency": agency.pk,
        "contact_email": "a@example.org",
        **date_parts("requested_on", "12/5/2013"),
    }
    client = client_for(cdop_member)
    client.post(url("cdop-form-request", board, case_id=case.pk), data)
    response = client.post(url("cdop-form-request", board, case_id=case.pk), data)
    assert "already been requested from this agency" in response.content.decode()
    assert case.agency_forms.count() == 1


def test_the_panels_analysis_is_recorded_with_risk_factors(client_for, board, cdop_member):
    case = notify(board)
    client = client_for(cdop_member)
    client.get(url("cdop-case-detail", board, case_id=case.pk))  # seeds the settings
    smoking = RiskFactor.objects.get(board=board, name="Smoking")
    response = client.post(
        url("cdop-case-analysis", board, case_id=case.pk),
        {
            **date_parts("panel_review_on", "10/9/2013"),
            "expectation": "unexpected",
            "category": "10",
            "modifiable": "yes",
            "factors_family": "Parental smoking",
            "risk_factors": [smoking.pk],
            "learning_points": "Safer sleep advice at every contact",
        },
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.category == "10" and case.modifiable == "yes"
    assert list(case.risk_factors.all()) == [smoking]
    assert case.stage == "Reviewed by the panel"


def test_a_recommendation_becomes_an_action_in_the_boards_tracker(client_for, board, cdop_member):
    case = case_for(board)
    agency = AgencyFactory(board=board)
    response = client_for(cdop_member).post(
        url("cdop-recommendation-create", board, case_id=case.pk),
        {
            "text": "Promote safer sleep",
            "owner_agency": agency.pk,
            **date_parts("due_date", "1/3/2014"),
        },
    )
    assert response.status_code == 302
    recommendation = case.recommendations.get()
    action = Action.objects.for_source(recommendation).get()
    assert action.board == board
    assert action.source_type == action_sources.CDOP
    assert action.description == "Promote safer sleep"
    assert action.owner_agency == agency
    assert action.created_by == cdop_member


def test_closing_asks_for_confirmation_then_closes(client_for, board, cdop_member):
    case = case_for(board)
    client = client_for(cdop_member)
    page = client.get(url("cdop-case-close", board, case_id=case.pk))
    assert "Are you sure you want to close case" in page.content.decode()
    case.refresh_from_db()
    assert case.closed_on is None
    client.post(
        url("cdop-case-close", board, case_id=case.pk), date_parts("closed_on", "1/12/2013")
    )
    case.refresh_from_db()
    assert case.closed_on == date(2013, 12, 1) and case.stage == "Closed"


def test_the_board_manager_edits_the_settings_and_the_risk_factor_list(client_for, board, manager):
    client = client_for(manager)
    client.get(url("cdop-settings", board))
    case = review(notify(board), risk_factors=list(RiskFactor.objects.filter(name="Smoking")))
    response = client.post(
        url("cdop-settings", board),
        {
            "review_target_months": 9,
            "suppress_below": 3,
            "form_due_days": 20,
            "chase_every_days": 5,
            "risk_factors": "Co-sleeping\nDangerous dogs\n",
        },
    )
    assert response.status_code == 302
    active = set(
        RiskFactor.objects.filter(board=board, is_active=True).values_list("name", flat=True)
    )
    assert active == {"Co-sleeping", "Dangerous dogs"}
    assert [factor.name for factor in case.risk_factors.all()] == ["Smoking"]  # kept, retired


def test_the_case_list_issues_the_same_queries_for_few_and_many_cases(
    client_for, board, cdop_member, django_assert_num_queries
):
    client = client_for(cdop_member)
    list_url = url("cdop-case-list", board)
    client.get(list_url)  # settings seeded

    def queries() -> int:
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as captured:
            assert client.get(list_url).status_code == 200
        return len(captured)

    notify(board)
    few = queries()
    for day in range(1, 9):
        case = notify(board, date_of_death=date(2013, 6, day))
        agency_form_request(
            case=case,
            agency=AgencyFactory(board=board),
            contact_email="a@example.org",
            requested_on=case.notified_on,
        )
    with django_assert_num_queries(few):
        assert client.get(list_url).status_code == 200
