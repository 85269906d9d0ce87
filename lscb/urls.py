from django.contrib import admin
from django.urls import include, path

from board.audit_views import audit_log
from core import error_pages
from lscb import two_factor
from lscb.health import healthz

# Every board page lives under /boards/<board_slug>/: the access layer (board/access.py)
# resolves the board from that slug and checks the person's role on it.
BOARD = "boards/<slug:board_slug>/"

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("accounts/two-factor/", two_factor.verify, name="two-factor"),
    path("accounts/two-factor/set-up/", two_factor.setup, name="two-factor-setup"),
    path("admin/", admin.site.urls),
    path("", include("api.urls")),
    path("", include("board.urls")),
    path(f"{BOARD}audit/", audit_log, name="audit-log"),
    path(f"{BOARD}subgroups/", include("subgroups.urls")),
    path(f"{BOARD}reviews/", include("reviews.child_deaths.urls")),
    path(f"{BOARD}reviews/", include("reviews.case_reviews.urls")),
    path(f"{BOARD}reviews/", include("reviews.assurance.urls")),
    path(f"{BOARD}data/", include("datasets.urls")),
    path(f"{BOARD}reports/jtai/", include("reports.jtai.urls")),
    path(f"{BOARD}reports/", include("reports.urls")),
]

# Under /api/ every error answers JSON; a database that cannot be reached answers 503.
handler400 = error_pages.bad_request
handler403 = error_pages.permission_denied
handler404 = error_pages.page_not_found
handler500 = error_pages.server_error
