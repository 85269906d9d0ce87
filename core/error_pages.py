"""What a failed request answers (the handlers named in lscb/urls.py).

Under /api/ every error is JSON, `{"detail": "..."}`, as DRF's own errors are, because API
clients read JSON and an HTML page there is noise to them. Elsewhere, the site's pages.

A database that cannot be reached (refused, dropped, timed out) is 503, not 500: the
service is unavailable for a while, not broken, and a client may try again. Its page says
what happened to this request: a change was NOT saved (the transaction it ran in, if it
got that far, was rolled back), a page could not be shown. Nothing else is claimed.
"""

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template import loader
from django.views import defaults

API_PREFIX = "/api/"
DATABASE_UNAVAILABLE = (OperationalError, InterfaceError)
READING_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def is_api(request: HttpRequest) -> bool:
    return request.path.startswith(API_PREFIX)


def bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    if is_api(request):
        return JsonResponse({"detail": "Bad request."}, status=400)
    return defaults.bad_request(request, exception)


def permission_denied(request: HttpRequest, exception: Exception) -> HttpResponse:
    if is_api(request):
        return JsonResponse(
            {"detail": "You do not have permission to perform this action."}, status=403
        )
    return defaults.permission_denied(request, exception)


def page_not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    if is_api(request):
        return JsonResponse({"detail": "Not found."}, status=404)
    return defaults.page_not_found(request, exception)


def server_error(request: HttpRequest) -> HttpResponse:
    """Django calls this inside its `except` block, so sys.exception() is what failed
    (Django has already logged it, with its traceback)."""
    if isinstance(sys.exception(), DATABASE_UNAVAILABLE):
        return database_unavailable(request)
    if is_api(request):
        return JsonResponse(
            {"detail": "Sorry, there is a problem with the service. Try again later."},
            status=500,
        )
    return defaults.server_error(request)


def database_unavailable(request: HttpRequest) -> HttpResponse:
    """503. Rendered with no request, so no context processor can ask the database."""
    changing = request.method not in READING_METHODS
    if is_api(request):
        outcome = "This request was not saved." if changing else "The records could not be read."
        detail = f"The service cannot reach its database just now. {outcome} Try again later."
        return JsonResponse({"detail": detail}, status=503)
    page = loader.render_to_string("503.html", {"changing": changing})
    return HttpResponse(page, status=503)
