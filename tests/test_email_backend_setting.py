"""E-mail goes out by SMTP (EMAIL_URL) unless a deployer names a provider's backend
through django-anymail (EMAIL_BACKEND, with its ANYMAIL_* settings)."""

from tests.test_settings import read_setting, run_python


def test_smtp_comes_from_email_url():
    backend = read_setting(
        "settings.EMAIL_BACKEND",
        DEBUG="true",
        EMAIL_URL="smtp+tls://user:pass@mail.example.org:587",
    )
    assert backend == "django.core.mail.backends.smtp.EmailBackend"


def test_a_provider_through_anymail_is_chosen_by_email_backend():
    code = (
        "import django; django.setup(); from django.conf import settings; "
        "from django.core.mail import get_connection; "
        "print(type(get_connection()).__module__, settings.ANYMAIL_POSTMARK_SERVER_TOKEN)"
    )
    result = run_python(
        code, DEBUG="true", EMAIL_BACKEND="anymail.backends.postmark.EmailBackend",
        ANYMAIL_POSTMARK_SERVER_TOKEN="test-token",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["anymail.backends.postmark", "test-token"]
