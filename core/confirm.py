"""The one confirmation page before a deletion, a removal or a revocation: the GET shows
it (templates/includes/confirm_delete.html), only a POST changes anything."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

TEMPLATE = "includes/confirm_delete.html"


def confirm_page(
    request: HttpRequest,
    *,
    title: str,
    button: str,
    back_url: str,
    name: str = "",
    text: str = "",
    warning: str | None = None,
    form=None,
) -> HttpResponse:
    """`title` asks the question; `name` is the record, `text` what else goes with it,
    `warning` the warning text (None: the page's own,
    "This cannot be undone...", said under every deletion; "" for none). `form` holds
    what the step needs said (a reason, as text boxes), shown with its errors; a page
    showing it again after a bad POST answers 400."""
    context = {
        "title": title,
        "button": button,
        "back_url": back_url,
        "name": name,
        "text": text,
        "warning": warning,
        "form": form,
    }
    status = 400 if form is not None and form.is_bound and form.errors else 200
    return render(request, TEMPLATE, context, status=status)


def delete_page(request: HttpRequest, record, *, noun: str, back_url: str, text: str = ""):
    """The confirmation of a record's deletion: "Are you sure you want to delete this
    {noun}?", the record, and what else goes with it."""
    return confirm_page(
        request,
        title=f"Are you sure you want to delete this {noun}?",
        button=f"Yes, delete this {noun}",
        back_url=back_url,
        name=str(record),
        text=text,
    )
