"""Child Death Overview Panel: the annual statistics for every board role (small numbers
suppressed unless the caller is a CDOP member), the cases for CDOP members only."""

from django.core.exceptions import ValidationError as DjangoValidationError
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import mixins, serializers
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from board.audit import log_access, log_access_many
from board.models import ALL_ROLES
from core.periods import FIRST_YEAR, LAST_YEAR, FinancialYear
from reviews.child_deaths.models import CdopCase
from reviews.child_deaths.selectors import CDOP_ROLES as CDOP
from reviews.child_deaths.selectors import cdop_cases
from reviews.child_deaths.services.cases import cdop_case_notify
from reviews.child_deaths.statistics import Cell, cdop_annual_statistics

from ..viewsets import BoardScopedViewSet


def cell_data(cell: Cell) -> dict:
    """A suppressed cell carries only its published text: never the count behind it."""
    return {
        "label": cell.label,
        "count": None if cell.suppressed else cell.count,
        "percentage": None if cell.suppressed or cell.percentage is None else str(cell.percentage),
        "shown_count": cell.shown_count,
        "shown_percentage": cell.shown_percentage,
        "suppressed": cell.suppressed,
    }


class CdopCellSerializer(serializers.Serializer):
    """Documents one figure of the statistics (see `cell_data`)."""

    label = serializers.CharField()
    count = serializers.IntegerField(allow_null=True)
    percentage = serializers.CharField(allow_null=True)
    shown_count = serializers.CharField()
    shown_percentage = serializers.CharField(allow_blank=True)
    suppressed = serializers.BooleanField()


CELL = CdopCellSerializer()
STATISTICS = inline_serializer(
    "CdopStatistics",
    {
        "year": serializers.CharField(),
        "suppressed": serializers.BooleanField(),
        "notified": CELL,
        "reviewed": CELL,
        "median_days_to_review": serializers.IntegerField(allow_null=True),
        "tables": inline_serializer(
            "CdopTable",
            {
                "key": serializers.CharField(),
                "title": serializers.CharField(),
                "rows": CdopCellSerializer(many=True),
            },
            many=True,
        ),
    },
)


class SingleObjectSchema(AutoSchema):
    """For a `list` route that answers one object (a year's figures), not a page of rows."""

    def _is_list_view(self, serializer=None) -> bool:
        return False


@extend_schema(tags=["cdop"])
class CdopStatisticsViewSet(BoardScopedViewSet):
    read_roles = ALL_ROLES
    schema = SingleObjectSchema()
    pagination_class = None

    @extend_schema(
        parameters=[
            OpenApiParameter(
                "year",
                {"type": "integer", "minimum": FIRST_YEAR, "maximum": LAST_YEAR},
                required=True,
                description="The year the financial year starts: 2014 for 2014/15 "
                "(2014-15 is accepted too).",
            )
        ],
        responses=STATISTICS,
    )
    def list(self, request, board_slug: str):
        try:
            year = FinancialYear.parse(request.query_params.get("year", ""))
        except ValueError as error:
            raise ValidationError({"year": [str(error)]}) from None
        suppress = not self.board_access.has_any(CDOP)
        stats = cdop_annual_statistics(board=self.board, year=year, suppress=suppress)
        return Response(
            {
                "year": year.slug,
                "suppressed": stats.suppressed,
                "notified": cell_data(stats.notified),
                "reviewed": cell_data(stats.reviewed),
                "median_days_to_review": stats.median_days_to_review,
                "tables": [
                    {"key": t.key, "title": t.title, "rows": [cell_data(c) for c in t.rows]}
                    for t in stats.tables
                ],
            }
        )


class CdopCaseSerializer(serializers.ModelSerializer):
    age_band = serializers.CharField(read_only=True, allow_null=True)
    # The area from the board's list, or null when not recorded; never the typed text.
    locality = serializers.CharField(
        source="locality.name", read_only=True, allow_null=True, default=None
    )

    class Meta:
        model = CdopCase
        fields = [
            "id",
            "number",
            "external_reference",
            "date_of_death",
            "age_band",
            "sex",
            "ethnicity",
            "place_of_death",
            "locality",
            "expectation",
            "category",
            "modifiable",
            "notified_on",
            "panel_review_on",
            "closed_on",
        ]


class CdopNotificationSerializer(serializers.ModelSerializer):
    """A partner system's notification of a death: the case pages' fields, checked by the
    same service (dates in order, under 18, duplicates). The NHS number is only hashed."""

    nhs_number = serializers.CharField(
        write_only=True, required=False, allow_blank=True, max_length=20
    )

    class Meta:
        model = CdopCase
        fields = [
            "external_reference",
            "nhs_number",
            "date_of_birth",
            "date_of_death",
            "sex",
            "ethnicity",
            "place_of_death",
            "notified_by",
            "notified_on",
            "expectation",
        ]
        # The service checks the record as a whole, its constraints included.
        validators = []

    def create(self, validated_data):
        try:
            return cdop_case_notify(board=self.context["board"], **validated_data)
        except DjangoValidationError as error:
            raise ValidationError(error.message_dict if hasattr(error, "error_dict") else {
                "non_field_errors": error.messages}) from None  # fmt: skip


@extend_schema(tags=["cdop"])
class CdopCaseViewSet(
    BoardScopedViewSet, mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin
):
    """CDOP members only; every case returned is recorded in the board's audit log. A POST
    records a notification (for partner systems), answering the case as it is read."""

    read_roles = CDOP
    write_roles = CDOP
    serializer_class = CdopCaseSerializer

    def get_serializer_class(self):
        return CdopNotificationSerializer if self.action == "create" else CdopCaseSerializer

    def get_serializer_context(self):
        return {**super().get_serializer_context(), "board": getattr(self, "board", None)}

    @extend_schema(request=CdopNotificationSerializer, responses={201: CdopCaseSerializer})
    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        case = serializer.save()
        return Response(CdopCaseSerializer(case).data, status=201)

    def get_queryset(self):
        if self.is_schema_generation:
            return CdopCase.objects.none()
        return (
            cdop_cases(board=self.board)
            .select_related("locality")
            .order_by("-notified_on", "-number", "id")
        )

    def list(self, request, *args, **kwargs):
        page = self.paginate_queryset(self.filter_queryset(self.get_queryset()))
        log_access_many(page, actor=request.user)
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    def retrieve(self, request, *args, **kwargs):
        case = self.get_object()
        log_access(case)
        return Response(self.get_serializer(case).data)
