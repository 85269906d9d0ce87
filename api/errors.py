from rest_framework import status
from rest_framework.exceptions import APIException


class Conflict(APIException):
    """The request is well formed but clashes with a record that exists (409)."""

    status_code = status.HTTP_409_CONFLICT
    default_detail = "This clashes with an existing record."
    default_code = "conflict"
