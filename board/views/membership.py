from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from core.links import board_url
from core.paging import paginate

from ..access import board_view
from ..forms.membership import AgencyForm, EndMembershipForm, MembershipForm, PersonForm
from ..models import Agency, Membership, Person
from ..selectors import membership as select
from ..services.membership import membership_delete, membership_save, person_save
from .base import READ, RecordDeleteView, RecordFormView


@board_view(*READ)
def agency_list(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    agencies = paginate(request, select.agencies_with_current_members(request.board, today))
    return render(request, "board/agency_list.html", {"page": agencies, "today": today})


class AgencyFormView(RecordFormView):
    model, form_class, noun = Agency, AgencyForm, "agency"
    list_url_name = "agency-list"

    def get_queryset(self):
        return select.agencies(self.request.board)


class AgencyDeleteView(RecordDeleteView):
    model, noun = Agency, "agency"
    list_url_name = "agency-list"


@board_view(*READ)
def member_list(request: HttpRequest) -> HttpResponse:
    show = "all" if request.GET.get("show") == "all" else "current"
    today = timezone.localdate()
    memberships = select.memberships(request.board)
    if show == "current":
        memberships = memberships.current_on(today)
    context = {"page": paginate(request, memberships), "show": show, "today": today}
    return render(request, "board/member_list.html", context)


@board_view(*READ)
def membership_gaps(request: HttpRequest) -> HttpResponse:
    gaps = select.membership_gaps(request.board, timezone.localdate())
    return render(request, "board/membership_gaps.html", {"report": gaps})


@board_view(*READ)
def person_list(request: HttpRequest) -> HttpResponse:
    people = select.people(request.board).prefetch_related("memberships")
    return render(request, "board/person_list.html", {"page": paginate(request, people)})


class PersonFormView(RecordFormView):
    model, form_class, noun = Person, PersonForm, "person"
    list_url_name = "person-list"
    template_name = "board/person_form.html"
    invite_url = ""

    def render_form(self, form, obj) -> HttpResponse:
        """An address with no account offers to invite them (board/views/invitations.py)."""
        if form.has_error("account_email", code="no_account"):
            saved = obj.pk and not obj._state.adding
            query = {"email": form.data.get("account_email"), "person": obj.pk if saved else ""}
            self.invite_url = board_url(self.request, "invitation-create", query=query)
        return super().render_form(form, obj)

    def save(self, form):
        return person_save(person=form.save(commit=False))


class MembershipFormView(RecordFormView):
    model, form_class, noun = Membership, MembershipForm, "membership"
    list_url_name = "member-list"

    def get_queryset(self):
        return select.memberships(self.request.board)

    def save(self, form):
        return membership_save(
            membership=form.save(commit=False),
            agreed_by=form.cleaned_data["appointment_agreed_by"],
        )


class MembershipEndView(MembershipFormView):
    form_class = EndMembershipForm

    def page_title(self, obj) -> str:
        return f"End the membership of {obj.person}"

    def save(self, form):
        return membership_save(membership=form.save(commit=False))


class MembershipDeleteView(RecordDeleteView):
    model, noun = Membership, "membership"
    list_url_name = "member-list"

    def delete(self, obj) -> None:
        membership_delete(membership=obj)
