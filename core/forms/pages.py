"""One way for every app to show a form page and run a form through a service.

`save_form` runs the service with the form's data; a ValidationError from the service is
shown on the fields it names (or above the form), so nothing typed is lost. `form_page`
renders the shared GOV.UK form page: error summary, heading, optional lead paragraph,
back link."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

FORM_PAGE = "includes/form_page.html"


def apply_errors(form, error: ValidationError) -> None:
    """Show a service's ValidationError on the form: by field where the form has it."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


def form_page(request: HttpRequest, form, title: str, back_url: str, **extra) -> HttpResponse:
    context = {"form": form, "page_title": title, "back_url": back_url, **extra}
    return render(request, FORM_PAGE, context)


def save_form(request: HttpRequest, form, write, success: str, next_url: str):
    """Run `write(cleaned_data)`; on success say so and redirect to `next_url`. None when
    the form is to be shown (again): a GET, invalid input, or the service refused it."""
    if request.method != "POST" or not form.is_valid():
        return None
    try:
        write(dict(form.cleaned_data))
    except ValidationError as error:
        apply_errors(form, error)
        return None
    messages.success(request, success)
    return redirect(next_url)
