"""Personal API tokens: made and revoked by their owner in the browser."""

from crispy_forms_gds.layout import Field, Layout, Size, Submit
from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from core.confirm import confirm_page
from core.forms import FormHelper

from .models import ApiToken
from .services import api_token_create, api_token_revoke

VALIDITY_CHOICES = [("30", "30 days"), ("90", "90 days"), ("365", "1 year"), ("", "No expiry")]


class NewTokenForm(forms.Form):
    name = forms.CharField(
        max_length=100,
        label="What will use this token?",
        help_text="For example, the children's social care case system",
        error_messages={"required": "Enter what will use this token"},
    )
    valid_days = forms.ChoiceField(
        choices=VALIDITY_CHOICES,
        required=False,
        initial="90",
        label="How long should it work?",
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.label_size = Size.SMALL
        self.helper.legend_size = Size.SMALL
        self.helper.layout = Layout(
            Field.text("name"), Field.radios("valid_days"), Submit("submit", "Create token")
        )


@login_required
def token_list(request: HttpRequest) -> HttpResponse:
    tokens = ApiToken.objects.filter(user=request.user).select_related("user")
    return render(request, "api/token_list.html", {"tokens": tokens})


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def token_create(request: HttpRequest) -> HttpResponse:
    form = NewTokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        days = form.cleaned_data["valid_days"]
        token, secret = api_token_create(
            user=request.user,
            name=form.cleaned_data["name"],
            valid_days=int(days) if days else None,
        )
        # Shown in this response only: it is not stored anywhere we could show it again.
        return render(request, "api/token_created.html", {"token": token, "secret": secret})
    return render(request, "api/token_form.html", {"form": form})


@login_required
@require_http_methods(["GET", "POST"])
def token_revoke(request: HttpRequest, token_id) -> HttpResponse:
    token = get_object_or_404(ApiToken, pk=token_id, user=request.user)
    if request.method == "POST":
        api_token_revoke(token=token)
        messages.success(request, f"The token “{token.name}” has been revoked.")
        return redirect("api:token-list")
    return confirm_page(
        request,
        title=f"Revoke the token “{token.name}”?",
        text="Anything using it will be refused at once. This cannot be undone.",
        button="Revoke token",
        back_url=reverse("api:token-list"),
        warning="",
    )
