"""`Cache-Control: no-store` on everything a signed-in person is shown, and on every API
answer: a restricted page, a download or a JSON record must not stay in the browser's
cache (Back after signing out on a shared computer) or in a proxy's.

One rule in one place rather than a decorator on each view, so a new view cannot forget
it. Static files are served before this runs (WhiteNoise), so they still cache."""

from django.http import HttpRequest, HttpResponse
from django.utils.cache import add_never_cache_headers


class NoStoreMiddleware:
    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        user = getattr(request, "user", None)
        # API callers with a token are authenticated inside the view, not here: the path
        # covers them.
        if request.path_info.startswith("/api/") or (user and user.is_authenticated):
            add_never_cache_headers(response)
        return response
