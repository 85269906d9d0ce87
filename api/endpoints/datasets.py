"""The performance dataset: indicators, observations (with bulk upsert for partner
systems), benchmarks and the dashboard snapshots."""

import hashlib

import django_filters
from django.conf import settings
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    inline_serializer,
)
from rest_framework import mixins, serializers, status
from rest_framework.decorators import action
from rest_framework.exceptions import APIException, NotFound, ValidationError
from rest_framework.response import Response
from rest_framework.reverse import reverse

from core.periods import FIRST_YEAR, LAST_YEAR
from datasets import periods
from datasets.models import (
    Benchmark,
    Comparator,
    Observation,
    Snapshot,
    Source,
    Status,
)
from datasets.services.import_jobs import applies_bulk_in_background, bulk_write_later
from datasets.services.import_rows import COLUMNS, RowError
from datasets.services.imports import PROBLEMS_SHOWN, write_table
from datasets.services.observations import FiguresBusy

from ..idempotency import HEADER, replayable
from ..viewsets import BoardScopedViewSet

BULK_LIMIT = 10_000
BULK_FIELDS = [c for c in COLUMNS if c not in ("board", "comparator")]


class ObservationSerializer(serializers.ModelSerializer):
    indicator = serializers.CharField(source="indicator.code")
    period = serializers.SerializerMethodField()
    breakdown = serializers.SerializerMethodField()

    class Meta:
        model = Observation
        fields = [
            "id",
            "indicator",
            "period",
            "period_start",
            "breakdown",
            "value",
            "qualifier",
            "value_high",
            "source",
            "status",
        ]

    def get_period(self, observation) -> str:
        return periods.import_label(observation.period_start, observation.indicator.period_type)

    def get_breakdown(self, observation) -> str:
        category = observation.category
        return f"{category.category_set.code}:{category.code}" if category else "total"


class ObservationFilter(django_filters.FilterSet):
    indicator = django_filters.CharFilter(field_name="indicator__code")
    period_from = django_filters.DateFilter(field_name="period_start", lookup_expr="gte")
    period_to = django_filters.DateFilter(field_name="period_start", lookup_expr="lte")
    status = django_filters.ChoiceFilter(choices=Status.choices)
    breakdown = django_filters.CharFilter(method="filter_breakdown")

    class Meta:
        model = Observation
        fields = ["indicator", "status"]

    def filter_breakdown(self, queryset, name, value):
        if value == "total":
            return queryset.filter(category__isnull=True)
        set_code, _, code = value.partition(":")
        return queryset.filter(category__category_set__code=set_code, category__code=code)


BULK_REQUEST = inline_serializer(
    "ObservationBulkRequest",
    {
        "observations": inline_serializer(
            "ObservationRow",
            {
                "indicator": serializers.CharField(),
                "period": serializers.CharField(help_text="e.g. 2014-15 Q1, 2014-04, 2014-15"),
                "breakdown": serializers.CharField(required=False, help_text="total or set:code"),
                "value": serializers.CharField(help_text="a number, as text or JSON number"),
                "qualifier": serializers.CharField(required=False),
                "value_high": serializers.CharField(required=False),
                "status": serializers.CharField(required=False),
            },
            many=True,
            min_length=1,
            max_length=BULK_LIMIT,
        )
    },
)
# Refused rows (the first problems and their count), or a request malformed as a whole
# (the shared FieldErrors of api/schema.py: {"observations": [...]}).
BULK_ERRORS = {
    "anyOf": [
        {
            "type": "object",
            "properties": {
                "errors": {
                    "type": "array",
                    "description": f"The first {PROBLEMS_SHOWN} problems, in row order.",
                    "items": {
                        "type": "object",
                        "properties": {
                            "row": {"type": "integer", "description": "0-based, as sent"},
                            "field": {"type": "string"},
                            "message": {"type": "string"},
                        },
                        "required": ["row", "field", "message"],
                    },
                },
                "error_count": {"type": "integer", "description": "Every problem, listed or not"},
            },
            "required": ["errors", "error_count"],
        },
        {"$ref": "#/components/schemas/FieldErrors"},
    ]
}
BULK_BUSY = inline_serializer(
    "ObservationBulkConflict",
    {"detail": serializers.CharField(), "constraint": serializers.CharField(required=False)},
)
BULK_ACCEPTED = inline_serializer(
    "ObservationBulkAccepted",
    {
        "job": serializers.UUIDField(),
        "status": serializers.CharField(),
        "status_url": serializers.CharField(help_text="the same as the Location header"),
    },
)
BULK_RESPONSE = inline_serializer(
    "ObservationBulkResult",
    {
        "new": serializers.IntegerField(),
        "changed": serializers.IntegerField(),
        "unchanged": serializers.IntegerField(),
    },
)


@extend_schema(tags=["datasets"])
class ObservationViewSet(BoardScopedViewSet, mixins.ListModelMixin, mixins.RetrieveModelMixin):
    """The board's figures. Partner systems send many at once to `bulk/`."""

    serializer_class = ObservationSerializer
    queryset = Observation.objects.select_related("indicator", "category__category_set").order_by(
        "indicator__code", "period_start", "category__code", "id"
    )
    filterset_class = ObservationFilter

    @extend_schema(
        request=BULK_REQUEST,
        responses={
            200: BULK_RESPONSE,
            202: OpenApiResponse(
                BULK_ACCEPTED,
                description=f"More than {settings.API_BULK_IN_BACKGROUND_ROWS:,} figures: "
                "checked and written by a background job, all-or-nothing as ever. Follow "
                "Location (also status_url) for its status and, once ready, the counts or "
                "the rows' problems.",
            ),
            400: OpenApiResponse(BULK_ERRORS, description="Nothing was written."),
            409: OpenApiResponse(
                BULK_BUSY,
                description="Another write to the board's figures, or a request with the same "
                "Idempotency-Key, is still running; nothing was written. Send again after "
                "Retry-After seconds.",
            ),
        },
        parameters=[
            OpenApiParameter(
                HEADER,
                str,
                OpenApiParameter.HEADER,
                description="Retries with the same key and body get the first answer. A key is "
                "yours, for this board and this endpoint: elsewhere it is a new request.",
            )
        ],
    )
    @action(detail=False, methods=["post"], url_path="bulk")
    def bulk(self, request, board_slug: str):
        """Insert or update up to 10,000 figures in one request: every row is checked and
        nothing is written unless all are good; sending the same figures again changes
        nothing. Errors name the row (0-based, as in the request) and the field."""
        rows = self._rows(request.data)
        return replayable(request, lambda: self._write(rows), board=self.board)

    def _rows(self, data) -> list[dict]:
        rows = data.get("observations") if isinstance(data, dict) else None
        if not isinstance(rows, list) or not rows:
            raise ValidationError({"observations": ["Send a non-empty list of figures."]})
        if len(rows) > BULK_LIMIT:
            raise ValidationError({"observations": [f"Send at most {BULK_LIMIT:,} at once."]})
        problems = {}
        for index, row in enumerate(rows):
            if not isinstance(row, dict):
                problems[str(index)] = ["Each figure must be an object."]
            elif unknown := sorted(set(row) - set(BULK_FIELDS)):
                problems[str(index)] = [f"Fields not known: {', '.join(unknown)}."]
            elif any(isinstance(v, (dict, list, bool)) for v in row.values()):
                problems[str(index)] = ["Give each field as text or a number."]
        if problems:
            raise ValidationError({"observations": problems})
        return rows

    def _write(self, rows: list[dict]) -> Response:
        header = ["board", *BULK_FIELDS]
        table = [header] + [
            [self.board.slug, *["" if row.get(f) is None else str(row.get(f)) for f in BULK_FIELDS]]
            for row in rows
        ]
        if applies_bulk_in_background(len(rows)):
            return self._write_later(table)
        try:
            preview = write_table(table, [self.board], user=self.request.user, source=Source.API)
        except FiguresBusy as busy:
            raise FiguresBeingWritten(busy.messages[0]) from None
        if preview.errors:
            return Response(bulk_errors(preview.errors), status=status.HTTP_400_BAD_REQUEST)
        return Response(preview.counts, status=status.HTTP_200_OK)

    def _write_later(self, table: list[list[str]]) -> Response:
        """Many figures: written by a job, the answer at once (a 202 the idempotency record
        replays, with its status URL in the body as well as in Location)."""
        job = bulk_write_later(table=table, board=self.board, user=self.request.user)
        url = reverse("api:bulk-write-detail", kwargs={"board_slug": self.board.slug,
                                                       "job_id": job.pk})  # fmt: skip
        body = {"job": str(job.pk), "status": job.status, "status_url": url}
        return Response(body, status=status.HTTP_202_ACCEPTED, headers={"Location": url})


class FiguresBeingWritten(APIException):
    status_code = status.HTTP_409_CONFLICT
    default_code = "figures_busy"
    wait = 30  # DRF sends it as Retry-After


def bulk_errors(errors: list[RowError]) -> dict:
    """The first problems and how many there are: 10,000 rows with a problem in each field
    would otherwise answer tens of megabytes of JSON."""
    listed = [
        {"row": error.row - 2, "field": error.column, "message": error.message}
        for error in errors[:PROBLEMS_SHOWN]
    ]
    return {"errors": listed, "error_count": len(errors)}


class BenchmarkSerializer(serializers.ModelSerializer):
    indicator = serializers.CharField(source="indicator.code")

    class Meta:
        model = Benchmark
        fields = [
            "id",
            "indicator",
            "comparator",
            "period_type",
            "period_start",
            "value",
            "missing",
        ]


class BenchmarkFilter(django_filters.FilterSet):
    indicator = django_filters.CharFilter(field_name="indicator__code")
    comparator = django_filters.ChoiceFilter(choices=Comparator.choices)

    class Meta:
        model = Benchmark
        fields = ["indicator", "comparator"]


@extend_schema(tags=["datasets"])
class BenchmarkViewSet(BoardScopedViewSet, mixins.ListModelMixin):
    serializer_class = BenchmarkSerializer
    queryset = Benchmark.objects.select_related("indicator").order_by(
        "indicator__code", "comparator", "period_start", "id"
    )
    filterset_class = BenchmarkFilter


class SnapshotSchema(AutoSchema):
    def _is_list_view(self, serializer=None) -> bool:
        return False


SNAPSHOT = inline_serializer(
    "DashboardSnapshot",
    {
        "year": serializers.IntegerField(),
        "refreshed_at": serializers.DateTimeField(allow_null=True),
        "stale": serializers.BooleanField(),
        "data": serializers.JSONField(),
    },
)


@extend_schema(tags=["datasets"])
class SnapshotViewSet(BoardScopedViewSet):
    """The dashboard's precomputed figures for one financial year. Send the ETag back in
    `If-None-Match` to get 304 Not Modified while nothing has changed."""

    schema = SnapshotSchema()
    pagination_class = None
    lookup_field = "year"
    lookup_value_regex = r"\d{4}"

    @extend_schema(
        parameters=[
            OpenApiParameter(
                "year",
                {"type": "integer", "minimum": FIRST_YEAR, "maximum": LAST_YEAR},
                OpenApiParameter.PATH,
                description="The year the financial year starts: 2014 for 2014/15.",
            )
        ],
        responses={200: SNAPSHOT, 304: None},
    )
    def retrieve(self, request, board_slug: str, year: str):
        snapshot = Snapshot.objects.filter(board=self.board, year=int(year)).first()
        if snapshot is None or snapshot.refreshed_at is None:
            raise NotFound("No dashboard has been built for that year yet.")
        etag = (
            '"'
            + hashlib.sha256(
                f"{snapshot.pk}:{snapshot.refreshed_at.isoformat()}".encode()
            ).hexdigest()[:32]
            + '"'
        )
        if etag in request.headers.get("If-None-Match", ""):
            return Response(status=status.HTTP_304_NOT_MODIFIED, headers={"ETag": etag})
        body = {
            "year": snapshot.year,
            "refreshed_at": snapshot.refreshed_at,
            "stale": snapshot.stale,
            "data": snapshot.data,
        }
        return Response(body, headers={"ETag": etag})
