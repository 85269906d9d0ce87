from django.http import HttpRequest, JsonResponse
from django.views import defaults
from rest_framework import status
from rest_framework.exceptions import APIException


class Conflict(APIException):
    """The request is well formed but clashes with a record that exists (409)."""

    status_code = status.HTTP_409_CONFLICT
    default_detail = "This clashes with an existing record."
    default_code = "conflict"


def page_not_found(request: HttpRequest, exception: Exception):
    """The API answers JSON even for a URL that matches nothing; pages answer the page."""
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": "Not found."}, status=404)
    return defaults.page_not_found(request, exception)
