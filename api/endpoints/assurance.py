"""Assurance records, read-only: audits with their ratings (percentages worked out from the
counts, as on the pages) and Section 11 cycles with their agency-by-standard grid. Every
board role reads them, as in the browser; they are written in the pages."""

from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import mixins, serializers

from reviews.assurance.models import Audit, Section11Cycle
from reviews.assurance.selectors.audits import audit_with_details, rating_rows
from reviews.assurance.selectors.section11 import cycle_grid, cycles

from ..viewsets import BoardScopedViewSet


class RatingSerializer(serializers.Serializer):
    rating = serializers.CharField(source="name")
    count = serializers.IntegerField()
    percent = serializers.DecimalField(
        max_digits=4, decimal_places=1, allow_null=True, help_text="Of the cases audited"
    )


class AuditSerializer(serializers.ModelSerializer):
    ratings = serializers.SerializerMethodField()
    findings = serializers.SerializerMethodField()
    recommendations = serializers.SerializerMethodField()

    class Meta:
        model = Audit
        fields = [
            "id",
            "title",
            "audit_type",
            "commissioned_by",
            "period_start",
            "period_end",
            "sample_size",
            "follows_up",
            "reaudit_planned_for",
            "ratings",
            "findings",
            "recommendations",
        ]

    @extend_schema_field(RatingSerializer(many=True))
    def get_ratings(self, audit) -> list[dict]:
        return RatingSerializer(rating_rows(audit), many=True).data

    def get_findings(self, audit) -> list[str]:
        return [finding.text for finding in audit.findings.all()]

    def get_recommendations(self, audit) -> list[str]:
        return [recommendation.text for recommendation in audit.recommendations.all()]


@extend_schema(tags=["assurance"])
class AuditViewSet(BoardScopedViewSet, mixins.ListModelMixin, mixins.RetrieveModelMixin):
    serializer_class = AuditSerializer

    def get_queryset(self):
        if self.is_schema_generation:
            return Audit.objects.none()
        return audit_with_details(board=self.board).order_by("-period_end", "title", "id")


class GridRowSerializer(serializers.Serializer):
    agency = serializers.CharField(source="agency.name")
    received = serializers.BooleanField(source="is_received")
    ratings = serializers.SerializerMethodField(
        help_text="One per standard, in the order of `standards`: red, amber, green or null"
    )

    def get_ratings(self, row) -> list[str | None]:
        return [cell.value if cell else None for cell in row.cells]


class StandardCountSerializer(serializers.Serializer):
    number = serializers.IntegerField(source="standard.number")
    standard = serializers.CharField(source="standard.text")
    red = serializers.IntegerField()
    amber = serializers.IntegerField()
    green = serializers.IntegerField()
    rated = serializers.IntegerField()


class Section11CycleSerializer(serializers.ModelSerializer):
    agencies = serializers.IntegerField(source="agency_count", help_text="Agencies in the cycle")
    returns_received = serializers.IntegerField(source="received_count")

    class Meta:
        model = Section11Cycle
        fields = ["id", "title", "kind", "opens_on", "due_on", "agencies", "returns_received"]


class Section11GridSerializer(Section11CycleSerializer):
    """A cycle with its grid: what the cycle's page shows, computed the same way."""

    rows = serializers.SerializerMethodField()
    counts = serializers.SerializerMethodField()

    class Meta(Section11CycleSerializer.Meta):
        fields = [*Section11CycleSerializer.Meta.fields, "rows", "counts"]

    def grid(self, cycle):
        """Worked out once per cycle, for both fields that show it."""
        grids = self.__dict__.setdefault("_grids", {})
        if cycle.pk not in grids:
            grids[cycle.pk] = cycle_grid(cycle=cycle)
        return grids[cycle.pk]

    @extend_schema_field(GridRowSerializer(many=True))
    def get_rows(self, cycle) -> list[dict]:
        return GridRowSerializer(self.grid(cycle).rows, many=True).data

    @extend_schema_field(StandardCountSerializer(many=True))
    def get_counts(self, cycle) -> list[dict]:
        return StandardCountSerializer(self.grid(cycle).counts, many=True).data


@extend_schema(tags=["assurance"])
class Section11CycleViewSet(BoardScopedViewSet, mixins.ListModelMixin, mixins.RetrieveModelMixin):
    """The list gives each cycle; one cycle gives its grid of agencies by standards."""

    def get_serializer_class(self):
        return Section11GridSerializer if self.action == "retrieve" else Section11CycleSerializer

    def get_queryset(self):
        if self.is_schema_generation:
            return Section11Cycle.objects.none()
        return cycles(board=self.board).order_by("-due_on", "title", "id")
