"""Annual report versions: the chair and the board manager see every version; other board
roles see published versions only, and are refused a draft (403), by the rule the report
pages use (reports.selectors.readable_versions and reads_version)."""

from django.core.exceptions import PermissionDenied
from django.core.files.storage import default_storage
from django.http import FileResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import mixins, serializers
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound

from board.audit import log_access
from reports.models import ReportVersion, VersionStatus
from reports.selectors import DRAFT_VERSION_REFUSED, readable_versions, reads_version

from ..viewsets import BoardScopedViewSet


class ReportVersionSerializer(serializers.ModelSerializer):
    year = serializers.SerializerMethodField()

    class Meta:
        model = ReportVersion
        fields = [
            "id",
            "year",
            "number",
            "status",
            "report_state",
            "sha256",
            "size",
            "pages",
            "finished_at",
        ]

    def get_year(self, version) -> str:
        return version.report.year.slug


@extend_schema(tags=["reports"])
class ReportVersionViewSet(BoardScopedViewSet, mixins.ListModelMixin, mixins.RetrieveModelMixin):
    serializer_class = ReportVersionSerializer

    def get_queryset(self):
        if self.is_schema_generation:
            return ReportVersion.objects.none()
        versions = ReportVersion.objects.filter(board=self.board).select_related("report")
        if self.action == "list":
            versions = readable_versions(access=self.board_access, versions=versions)
        return versions.order_by("-report__start_year", "-number", "id")

    def get_object(self) -> ReportVersion:
        """Any version of the board is found; a draft is then refused as on its page."""
        version = super().get_object()
        if not reads_version(access=self.board_access, version=version):
            raise PermissionDenied(DRAFT_VERSION_REFUSED)
        return version

    @extend_schema(
        responses={(200, "application/pdf"): OpenApiResponse(OpenApiTypes.BINARY)},
    )
    @action(detail=True, methods=["get"], url_path="pdf")
    def pdf(self, request, board_slug: str, id: str):
        version = self.get_object()  # a draft is refused to other roles (403)
        if version.status != VersionStatus.DONE:
            raise NotFound("This version has not finished rendering.")
        log_access(version)
        name = f"{self.board.slug}-annual-report-{version.report.year.slug}-v{version.number}.pdf"
        return FileResponse(
            default_storage.open(version.file_name, "rb"),
            as_attachment=True,
            filename=name,
            content_type="application/pdf",
        )
