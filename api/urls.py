from csp.decorators import csp_update
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import SimpleRouter

from . import token_views
from .endpoints.assurance import AuditViewSet, Section11CycleViewSet
from .endpoints.board_records import ActionViewSet, MeetingViewSet, MembershipViewSet
from .endpoints.boards import AgencyViewSet, BoardViewSet
from .endpoints.bulk_writes import BulkWriteViewSet
from .endpoints.case_reviews import CaseReviewActionViewSet, CaseReviewViewSet
from .endpoints.cdop import CdopCaseViewSet, CdopStatisticsViewSet
from .endpoints.datasets import BenchmarkViewSet, ObservationViewSet, SnapshotViewSet
from .endpoints.indicators import IndicatorViewSet
from .endpoints.reports import ReportVersionViewSet
from .endpoints.returns import ReturnViewSet, SubGroupViewSet

app_name = "api"

BOARD = r"boards/(?P<board_slug>[-a-zA-Z0-9_]+)"

router = SimpleRouter()
router.register("boards", BoardViewSet, basename="board")
router.register(f"{BOARD}/agencies", AgencyViewSet, basename="agency")
router.register(f"{BOARD}/members", MembershipViewSet, basename="membership")
router.register(f"{BOARD}/meetings", MeetingViewSet, basename="meeting")
router.register(f"{BOARD}/actions", ActionViewSet, basename="action")
router.register(f"{BOARD}/cdop/statistics", CdopStatisticsViewSet, basename="cdop-statistics")
router.register(f"{BOARD}/cdop/cases", CdopCaseViewSet, basename="cdop-case")
router.register(f"{BOARD}/subgroups", SubGroupViewSet, basename="subgroup")
router.register(f"{BOARD}/returns", ReturnViewSet, basename="return")
router.register(f"{BOARD}/case-reviews", CaseReviewViewSet, basename="case-review")
router.register(
    f"{BOARD}/case-review-actions", CaseReviewActionViewSet, basename="case-review-action"
)
router.register(f"{BOARD}/audits", AuditViewSet, basename="audit")
router.register(f"{BOARD}/section-11-cycles", Section11CycleViewSet, basename="section11-cycle")
router.register(f"{BOARD}/indicators", IndicatorViewSet, basename="indicator")
router.register(f"{BOARD}/observations", ObservationViewSet, basename="observation")
router.register(f"{BOARD}/bulk-writes", BulkWriteViewSet, basename="bulk-write")
router.register(f"{BOARD}/benchmarks", BenchmarkViewSet, basename="benchmark")
router.register(f"{BOARD}/snapshots", SnapshotViewSet, basename="snapshot")
router.register(f"{BOARD}/report-versions", ReportVersionViewSet, basename="report-version")

urlpatterns = [
    path("api/v1/", include(router.urls)),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    # Swagger UI styles itself inline; its scripts still come only from our own files.
    path(
        "api/docs/",
        csp_update({"style-src": ["'unsafe-inline'"]})(
            SpectacularSwaggerSplitView.as_view(url_name="api:schema")
        ),
        name="docs",
    ),
    path("accounts/api-tokens/", token_views.token_list, name="token-list"),
    path("accounts/api-tokens/new/", token_views.token_create, name="token-create"),
    path(
        "accounts/api-tokens/<uuid:token_id>/revoke/",
        token_views.token_revoke,
        name="token-revoke",
    ),
]
