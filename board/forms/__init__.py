from django import forms
from django.contrib.auth import forms as auth_forms

from core.forms import gds_helper


class SignInForm(auth_forms.AuthenticationForm):
    username = forms.EmailField(
        label="E-mail address",
        max_length=254,
        error_messages={"required": "Enter your e-mail address"},
    )
    password = forms.CharField(
        label="Password",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        error_messages={"required": "Enter your password"},
    )
    error_messages = {
        "invalid_login": "Enter a correct e-mail address and password",
        "inactive": "This account has been deactivated. Ask your board manager.",
    }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(
            "username", "password", submit="Sign in", email_fields=("username",)
        )


class PasswordResetForm(auth_forms.PasswordResetForm):
    email = forms.EmailField(
        label="E-mail address",
        max_length=254,
        error_messages={"required": "Enter your e-mail address"},
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.helper = gds_helper("email", submit="Send reset link", email_fields=("email",))


class SetPasswordForm(auth_forms.SetPasswordForm):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.helper = gds_helper("new_password1", "new_password2", submit="Set password")
