"""The one PDF pipeline loads only the app's own static files and the report's uploaded
images: any other URL in the HTML is refused and the image left out, never a failed
render (which let any section author block the chair's report)."""

import pytest
from django.urls import reverse

from lscb.celery import app as celery_app
from reports.models import ReportVersion, VersionStatus
from tests.reports.factories import report_for, set_section


@pytest.fixture
def eager():
    """Tasks run in the request, as without REDIS_URL (the embedded default)."""
    before = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = True
    yield
    celery_app.conf.task_always_eager = before


def test_make_the_pdf_with_a_remote_image_in_a_narrative_gives_a_ready_version(
    board, manager, client_for, eager, django_capture_on_commit_callbacks
):
    report = report_for(board)
    # Saved before text was checked (or by a script): the render must still succeed.
    set_section(report, "narrative", narrative="Our logo ![logo](https://example.org/x.png)")
    client = client_for(manager)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("reports:render", kwargs={"board_slug": board.slug, "year": "2014-15"})
        )
    assert response.status_code == 302
    version = ReportVersion.objects.get()
    assert version.status == VersionStatus.DONE, version.error
    assert version.pages > 1


# --- The fetcher: what it refuses, what it serves ------------------------------------


def png_bytes(size=(6, 4), colour=(0, 94, 165)) -> bytes:
    from io import BytesIO

    from PIL import Image

    out = BytesIO()
    Image.new("RGB", size, colour).save(out, "PNG")
    return out.getvalue()


def image_count(pdf: bytes) -> int:
    """The number of distinct image XObjects (pages may share their resources)."""
    from io import BytesIO

    from pypdf import PdfReader

    found = set()
    for page in PdfReader(BytesIO(pdf)).pages:
        xobjects = page.get("/Resources", {}).get("/XObject", {})
        for ref in xobjects.values():
            if ref.get_object().get("/Subtype") == "/Image":
                found.add(ref.idnum if hasattr(ref, "idnum") else id(ref))
    return len(found)


def page_with(*sources: str) -> str:
    images = "".join(f'<p><img src="{s}" alt="picture {n}"></p>' for n, s in enumerate(sources))
    head = '<!DOCTYPE html><html lang="en-GB"><head><title>T</title></head>'
    return f"{head}<body>{images}</body></html>"


def data_url() -> str:
    import base64

    return "data:image/png;base64," + base64.b64encode(png_bytes()).decode()


@pytest.mark.parametrize(
    "source",
    [
        "https://example.org/x.png",
        "http://127.0.0.1:6379/",
        "file:///etc/passwd",
        "data-url",
        "/static/../../../../etc/passwd",
        "/static/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
        "../../../../etc/hostname",
        "/media/reports/x.png",
    ],
)
def test_the_pdf_renders_and_the_fetcher_refuses_anything_not_its_own(source):
    from core.pdf import html_to_pdf

    source = data_url() if source == "data-url" else source
    rendered = html_to_pdf(page_with(source))
    assert rendered.pdf.startswith(b"%PDF") and rendered.pages == 1
    assert len(rendered.refused) == 1
    assert image_count(rendered.pdf) == 0


@pytest.fixture
def static_dir(settings, tmp_path):
    root = tmp_path / "static"
    (root / "img").mkdir(parents=True)
    (root / "img" / "logo.png").write_bytes(png_bytes())
    (tmp_path / "secret.png").write_bytes(png_bytes())
    (root / "img" / "escape.png").symlink_to(tmp_path / "secret.png")
    (root / "notes.txt").write_text("not for documents")
    settings.STATICFILES_DIRS = [root]
    return root


def test_the_apps_own_static_image_is_embedded(static_dir):
    from core.pdf import html_to_pdf

    rendered = html_to_pdf(page_with("/static/img/logo.png"))
    assert rendered.refused == []
    assert image_count(rendered.pdf) == 1


@pytest.mark.parametrize("path", ["/static/img/escape.png", "/static/notes.txt"])
def test_a_static_link_out_of_the_roots_or_of_another_type_is_refused(static_dir, path):
    from core.pdf import html_to_pdf

    rendered = html_to_pdf(page_with(path))
    assert rendered.refused and image_count(rendered.pdf) == 0


def test_only_the_allowed_images_are_served(static_dir):
    from core.pdf import html_to_pdf

    allowed = "/boards/t/reports/2014-15/images/1/"
    rendered = html_to_pdf(
        page_with(allowed, "/boards/t/reports/2014-15/images/2/"), images={allowed: png_bytes}
    )
    assert image_count(rendered.pdf) == 1
    assert rendered.refused == ["https://document.invalid/boards/t/reports/2014-15/images/2/"]


# --- The report: uploaded images in the page and the PDF -----------------------------


def upload(name="logo.png", content=None):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, png_bytes() if content is None else content, "image/png")


def add_image(report, manager, name="logo.png"):
    from board.files import check_image, check_upload
    from reports.images import image_add

    checked = check_image(check_upload(upload(name), allowed=("png", "jpeg")))
    return image_add(report=report, upload=checked, by=manager)


def test_the_reports_uploaded_image_is_in_its_pdf_and_its_preview(board, manager, client_for):
    from reports.images import image_url
    from reports.rendering import render_pdf
    from reports.services import section_update

    report = report_for(board)
    image = add_image(report, manager)
    section = report.sections.filter(section_type="narrative").first()
    section_update(section=section, narrative="![The board's logo](logo)\n\nText.")
    pdf, _, _ = render_pdf(report)
    assert image_count(pdf) == 1
    client = client_for(manager)
    preview = client.get(section_url(board, "section-preview", section)).content.decode()
    url = image_url(image)
    assert f'src="{url}"' in preview
    served = client.get(url)
    assert served["Content-Type"] == "image/png" and served["X-Content-Type-Options"] == "nosniff"
    assert b"".join(served.streaming_content) == png_bytes()
    # The address shown on the upload page works as well as the name.
    section_update(section=section, narrative=f"![The board's logo]({url})")
    preview = client.get(section_url(board, "section-preview", section)).content.decode()
    assert f'src="{url}"' in preview


def test_a_changed_image_makes_a_new_version(board, manager):
    from reports.images import image_remove
    from reports.versions import current_inputs_hash

    report = report_for(board)
    before = current_inputs_hash(report)
    image = add_image(report, manager)
    assert current_inputs_hash(report) != before
    image_remove(image=image)
    assert current_inputs_hash(report) == before


# --- Authored text: an image from elsewhere is refused when saved --------------------

HOSTILE = [
    "![x](https://example.org/x.png)",
    "![x](file:///etc/passwd)",
    '<img src="https://example.org/track.gif">',
    "![x](/static/../../etc/passwd)",
    "![x](data:image/png;base64,iVBORw0KGgo=)",
    "![x][r]\n\n[r]: http://example.org/ref.png",
    "![x](unknown-name)",
]


def section_url(board, name, section):
    return reverse(f"reports:{name}", kwargs={"board_slug": board.slug, "section_id": section.id})


@pytest.mark.parametrize("text", HOSTILE)
def test_the_author_writing_an_image_from_elsewhere_sees_a_govuk_error(
    board, manager, subgroup_chair, client_for, text
):
    from reports.services import section_update

    report = report_for(board)
    section = report.sections.filter(section_type="narrative").first()
    section_update(section=section, author=subgroup_chair)
    response = client_for(subgroup_chair).post(
        section_url(board, "section-write", section), {"narrative": f"Our year.\n\n{text}"}
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in page and 'href="#id_narrative"' in page
    assert "Images must be uploaded to the report;" in page and "cannot be used" in page
    section.refresh_from_db()
    assert section.narrative == ""


@pytest.mark.parametrize("text", HOSTILE[:3])
def test_the_managers_section_form_refuses_them_too(board, manager, client_for, text):
    report = report_for(board)
    section = report.sections.filter(section_type="narrative").first()
    response = client_for(manager).post(
        section_url(board, "section-edit", section), {"title": "Welcome", "narrative": text}
    )
    assert response.status_code == 200
    assert "Images must be uploaded to the report;" in response.content.decode()
    section.refresh_from_db()
    assert section.narrative == "" and section.title != "Welcome"


def test_links_and_the_reports_own_images_are_still_accepted(board, manager):
    from reports.services import section_update

    report = report_for(board)
    add_image(report, manager)
    section = report.sections.filter(section_type="narrative").first()
    text = "See [the guidance](https://example.org/guidance) and ![Our logo](logo)."
    section_update(section=section, narrative=text)
    section.refresh_from_db()
    assert section.narrative == text


@pytest.mark.parametrize("text", HOSTILE[:5])
def test_the_scr_executive_summary_refuses_images(board, text):
    from django.core.exceptions import ValidationError

    from reviews.case_reviews.services.reviews import case_review_update
    from tests.reviews.case_reviews.factories import initiated_review

    review = initiated_review(board)
    with pytest.raises(ValidationError) as refused:
        case_review_update(review=review, executive_summary=f"Summary. {text}")
    assert "cannot show images" in refused.value.message_dict["executive_summary"][0]
    review.refresh_from_db()
    assert review.executive_summary == ""


def test_weasyprints_step_by_step_info_lines_are_not_logged():
    import logging

    assert not logging.getLogger("weasyprint.progress").isEnabledFor(logging.INFO)
    assert logging.getLogger("weasyprint").isEnabledFor(logging.WARNING)  # refusals still show
