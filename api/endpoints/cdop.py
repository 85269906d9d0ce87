"""Child Death Overview Panel: the annual statistics for every board role (small numbers
suppressed unless the caller is a CDOP member), the cases for CDOP members only."""

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


@extend_schema(tags=["cdop"])
class CdopCaseViewSet(BoardScopedViewSet, mixins.ListModelMixin, mixins.RetrieveModelMixin):
    """CDOP members only; every case returned is recorded in the board's audit log."""

    read_roles = CDOP
    write_roles = CDOP
    serializer_class = CdopCaseSerializer

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
