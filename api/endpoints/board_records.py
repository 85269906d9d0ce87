"""Read-only views of the board's membership, meetings and shared action tracker.
They are written through the board's pages (and their services), not through the API."""

import django_filters
from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers

from board.models import Action, ActionStatus, Attendance, Meeting, MeetingKind, Membership

from ..filters import StrictBooleanFilter
from ..viewsets import BoardScopedViewSet


class ReadOnlyBoardViewSet(BoardScopedViewSet, mixins.ListModelMixin, mixins.RetrieveModelMixin):
    pass


class MembershipSerializer(serializers.ModelSerializer):
    person = serializers.CharField(source="person.full_name")
    agency = serializers.CharField(source="agency.name", allow_null=True)

    class Meta:
        model = Membership
        fields = [
            "id",
            "person",
            "agency",
            "board_role",
            "post_title",
            "start_date",
            "end_date",
            "chair_is_independent",
        ]


class MembershipFilter(django_filters.FilterSet):
    current = StrictBooleanFilter(method="filter_current")

    class Meta:
        model = Membership
        fields = ["board_role"]

    def filter_current(self, queryset, name, value):
        today = timezone.localdate()
        current = queryset.current_on(today)
        return current if value == "true" else queryset.exclude(pk__in=current.values("pk"))


@extend_schema(tags=["board"])
class MembershipViewSet(ReadOnlyBoardViewSet):
    """Who sits on the board, for which agency, in which role, and when."""

    serializer_class = MembershipSerializer
    queryset = Membership.objects.select_related("person", "agency").order_by(
        "person__full_name", "start_date", "id"
    )
    filterset_class = MembershipFilter


class AttendanceSerializer(serializers.ModelSerializer):
    person = serializers.CharField(source="membership.person.full_name")
    agency = serializers.CharField(source="membership.agency.name", allow_null=True)

    class Meta:
        model = Attendance
        fields = ["person", "agency", "status", "deputy_name"]


class MeetingSerializer(serializers.ModelSerializer):
    attendance = AttendanceSerializer(source="attendances", many=True)

    class Meta:
        model = Meeting
        fields = ["id", "kind", "date", "title", "location", "attendance"]


class MeetingFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(choices=MeetingKind.choices)
    date_from = django_filters.DateFilter(field_name="date", lookup_expr="gte")
    date_to = django_filters.DateFilter(field_name="date", lookup_expr="lte")

    class Meta:
        model = Meeting
        fields = ["kind"]


@extend_schema(tags=["board"])
class MeetingViewSet(ReadOnlyBoardViewSet):
    """Meetings with the attendance recorded for each."""

    serializer_class = MeetingSerializer
    queryset = Meeting.objects.prefetch_related(
        "attendances__membership__person", "attendances__membership__agency"
    ).order_by("-date", "id")
    filterset_class = MeetingFilter


class ActionSerializer(serializers.ModelSerializer):
    owner_agency = serializers.CharField(source="owner_agency.name", allow_null=True)
    owner_person = serializers.CharField(source="owner_person.full_name", allow_null=True)
    is_overdue = serializers.BooleanField()

    class Meta:
        model = Action
        fields = [
            "id",
            "description",
            "owner_agency",
            "owner_person",
            "due_date",
            "status",
            "is_overdue",
            "source_type",
            "evidence",
            "signed_off_at",
        ]


class ActionFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(choices=ActionStatus.choices)
    overdue = StrictBooleanFilter(method="filter_overdue")

    class Meta:
        model = Action
        fields = ["status", "source_type"]

    def filter_overdue(self, queryset, name, value):
        overdue = queryset.overdue()
        return overdue if value == "true" else queryset.exclude(pk__in=overdue.values("pk"))


@extend_schema(tags=["board"])
class ActionViewSet(ReadOnlyBoardViewSet):
    """The shared action tracker: every action, whatever its source."""

    serializer_class = ActionSerializer
    queryset = Action.objects.select_related("owner_agency", "owner_person").order_by(
        "due_date", "id"
    )
    filterset_class = ActionFilter
