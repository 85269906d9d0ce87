"""A page's 404 for a selector that finds nothing.

Selectors raise the model's `DoesNotExist` (an `ObjectDoesNotExist`) rather than `Http404`,
so that a task, the API and a script can use them as a page does; a page turns "not found"
into its 404 here, in one way."""

from collections.abc import Callable
from typing import TypeVar

from django.core.exceptions import ObjectDoesNotExist
from django.http import Http404

Found = TypeVar("Found")


def or_404(lookup: Callable[..., Found], /, **kwargs) -> Found:
    """`lookup(**kwargs)`, or Http404 when it finds nothing."""
    try:
        return lookup(**kwargs)
    except ObjectDoesNotExist as missing:
        raise Http404(str(missing) or "Not found") from None
