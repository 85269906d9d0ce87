"""A person signed in to a site running in another process (tests/faults/conftest.py's
Site), over plain HTTP: the session comes from the test client's two-factor sign-in
(sessions are kept in the database the site shares), the CSRF token from the first page."""

import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from http.cookies import SimpleCookie


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # a 302 is the answer to look at, not a page to follow


@dataclass
class Answer:
    status: int
    seconds: float
    location: str = ""


class SignedIn:
    def __init__(self, base: str, client) -> None:
        self.base = base
        self.cookies = {"sessionid": client.cookies["sessionid"].value}
        self.opener = urllib.request.build_opener(_NoRedirects)

    def get(self, path: str) -> Answer:
        return self._send(urllib.request.Request(self.base + path))  # noqa: S310

    def post(self, path: str, data: dict | None = None) -> Answer:
        if "csrftoken" not in self.cookies:
            self.get(path)  # any page sets the CSRF cookie
        body = urllib.parse.urlencode(
            {**(data or {}), "csrfmiddlewaretoken": self.cookies["csrftoken"]}
        ).encode()
        request = urllib.request.Request(self.base + path, data=body, method="POST")  # noqa: S310
        return self._send(request)

    def _send(self, request: urllib.request.Request) -> Answer:
        request.add_header("Cookie", "; ".join(f"{k}={v}" for k, v in self.cookies.items()))
        started = time.monotonic()
        try:  # always http://127.0.0.1:<port>, the test's own site
            response = self.opener.open(request, timeout=60)  # noqa: S310
        except urllib.error.HTTPError as answer:  # 3xx (not followed), 4xx, 5xx
            response = answer
        with response:
            response.read()
            self._keep_cookies(response.headers.get_all("Set-Cookie") or [])
            return Answer(response.status, time.monotonic() - started,
                          response.headers.get("Location", ""))  # fmt: skip

    def _keep_cookies(self, headers: list[str]) -> None:
        for header in headers:
            cookie = SimpleCookie()
            cookie.load(header)
            self.cookies.update({name: morsel.value for name, morsel in cookie.items()})
