from django.conf import settings


def service_url(path: str) -> str:
    """An absolute link to a page of the service, for e-mails sent by background tasks
    (which have no request to take the address from)."""
    return settings.SERVICE_URL + path
