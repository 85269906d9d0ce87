"""Forms of the invitation journeys: inviting someone, accepting with a new account, and
the host administrator's new board."""

from django import forms
from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.utils.text import slugify

from core.forms import GdsForm, choice_field, layout_for, text_field

from ..models import Board, Role

SLUG_RULE = "The short name must use only lower-case letters, numbers and hyphens"


def email_field(label: str = "E-mail address") -> forms.EmailField:
    return forms.EmailField(
        label=label,
        max_length=254,
        error_messages={
            "required": f"Enter the {label.lower()}",
            "invalid": f"Enter the {label.lower()} in the right format, like name@example.org",
        },
        widget=forms.EmailInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )


class InvitationForm(GdsForm):
    submit_label = "Send invitation"
    email = email_field()
    role = choice_field("Access role", Role.choices, radios=True)


class ManagerInvitationForm(GdsForm):
    """The host administrator invites a board's first manager: the role is fixed."""

    submit_label = "Send invitation"
    email = email_field("Board manager's e-mail address")


class NewAccountForm(GdsForm):
    """Accepting with a new account: a name and a password that Django's validators
    accept (AUTH_PASSWORD_VALIDATORS), typed twice."""

    submit_label = "Accept and create account"
    full_name = text_field("Full name", max_length=200)
    password1 = forms.CharField(
        label="Password",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text="At least 12 characters. Not a common password, nor like your name or "
        "e-mail address.",
        error_messages={"required": "Enter a password"},
    )
    password2 = forms.CharField(
        label="Password again",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        error_messages={"required": "Enter the password again"},
    )

    def __init__(self, *args, email: str, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.email = email

    def clean(self) -> dict:
        data = super().clean()
        first, second = data.get("password1"), data.get("password2")
        if first and second and first != second:
            self.add_error("password2", "The two passwords are not the same")
        elif first:
            probe = _Probe(email=self.email, full_name=data.get("full_name", ""))
            try:
                password_validation.validate_password(first, user=probe)
            except ValidationError as error:
                self.add_error("password1", error)
        return data


class _Probe:
    """What the similarity validator compares a new password with, before the account
    exists."""

    def __init__(self, **attributes) -> None:
        self.__dict__.update(attributes)


class BoardForm(forms.ModelForm):
    """A new board. Its defaults (settings, lists) are made by board.setup on save."""

    class Meta:
        model = Board
        fields = ["name", "slug", "local_authority"]
        labels = {
            "name": "Name of the board",
            "slug": "Short name for addresses",
            "local_authority": "Area (local authority)",
        }
        help_texts = {
            "slug": "Lower-case letters, numbers and hyphens, for example croydon. It appears "
            "in the board's addresses and import files, and cannot change later.",
        }

        error_messages = {
            "name": {"unique": "A board with this name already exists"},
            "slug": {"unique": "A board with this short name already exists"},
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["slug"].error_messages["invalid"] = SLUG_RULE
        self.helper = layout_for(self, "Create board")

    def clean_slug(self) -> str:
        slug = self.cleaned_data["slug"]
        if slug != slugify(slug):
            raise ValidationError(SLUG_RULE)
        return slug
