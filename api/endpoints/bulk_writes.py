"""Where a bulk write of many figures stands: `observations/bulk/` answers 202 with this
URL when it hands the rows to a background job (core/jobs), and this answers the job's
status, then the counts written or the rows' problems."""

from drf_spectacular.utils import OpenApiResponse, extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.exceptions import NotFound
from rest_framework.response import Response

from core.jobs.selectors import job_status
from datasets.models import ImportBatch, ImportStatus
from datasets.services.import_jobs import bulk_batch_of_job
from datasets.services.import_rows import RowError

from ..viewsets import BoardScopedViewSet

BULK_WRITE_STATUS = inline_serializer(
    "BulkWriteStatus",
    {
        "status": serializers.ChoiceField(
            ["waiting", "running", "ready", "failed"],
            help_text="ready: written (see result) or refused (see errors); failed: try again",
        ),
        "finished": serializers.BooleanField(),
        "done": serializers.IntegerField(allow_null=True, help_text="figures written so far"),
        "total": serializers.IntegerField(allow_null=True),
        "result": inline_serializer(
            "BulkWriteResult",
            {
                "new": serializers.IntegerField(),
                "changed": serializers.IntegerField(),
                "unchanged": serializers.IntegerField(),
            },
            allow_null=True,
        ),
        "errors": serializers.ListField(
            child=serializers.DictField(), required=False,
            help_text="Refused rows: the first problems, as the 400 of bulk/ lists them",
        ),
        "error_count": serializers.IntegerField(required=False),
        "reason": serializers.CharField(required=False, help_text="why the job failed"),
    },
)  # fmt: skip


@extend_schema(tags=["datasets"])
class BulkWriteViewSet(BoardScopedViewSet):
    """A bulk write of figures handed to a background job."""

    queryset = ImportBatch.objects.none()
    lookup_field = "job_id"
    lookup_value_regex = r"[0-9a-fA-F-]{36}"
    pagination_class = None

    @extend_schema(
        responses={
            200: BULK_WRITE_STATUS,
            404: OpenApiResponse(description="No bulk write of this board has that job."),
        }
    )
    def retrieve(self, request, board_slug: str, job_id: str):
        from .datasets import bulk_errors  # the same error list as the request's 400

        batch = bulk_batch_of_job(self.board, job_id)
        state = job_status(batch.job_id) if batch else None
        if state is None:
            raise NotFound("No bulk write of this board has that job.")
        body = {
            "status": state.status, "finished": state.is_finished,
            "done": state.progress_done, "total": state.progress_total, "result": None,
        }  # fmt: skip
        if batch.status == ImportStatus.APPLIED:
            body["result"] = {key: batch.summary.get(key, 0)
                              for key in ("new", "changed", "unchanged")}  # fmt: skip
        elif batch.status == ImportStatus.REFUSED:
            body.update(bulk_errors([RowError(*problem) for problem in batch.problems]))
        if state.status == "failed" or state.is_overdue:
            body.update(status="failed", finished=True, reason=state.error or "It took too long.")
        return Response(body)
