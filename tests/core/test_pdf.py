"""The one PDF pipeline (core/pdf.py) sets every document in the bundled typeface, refuses
to render without it, pauses the garbage collector only while it renders, and logs
WeasyPrint's warnings without its per-page progress lines."""

import gc
import logging
import shutil
import time

import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from core.pdf import _decoded_font, html_to_pdf
from tests.pdf_fonts import embedded_fonts, only_bundled

PNG = (  # a 1x1 transparent PNG
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
    b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00"
    b"\x00\x00\x00IEND\xaeB`\x82"
)


def test_every_document_is_set_in_the_bundled_typeface_whatever_its_css_asks_for():
    # The user-agent stylesheet's serif and monospace, a stylesheet's and an inline style.
    html = (
        '<html lang="en-GB"><body><h1>Title</h1><p>Text <em>stressed</em></p>'
        "<pre>preformatted</pre><p><code>code</code> <kbd>kbd</kbd> <samp>samp</samp></p>"
        '<p style="font-family: serif">serif</p></body></html>'
    )
    css = "h1 { font-family: 'DejaVu Sans', sans-serif }"
    fonts = embedded_fonts(html_to_pdf(html, stylesheets=[css]).pdf)
    assert only_bundled(fonts), fonts


def test_the_same_html_gives_the_same_bytes_a_second_later():
    # The embedded fonts carry no time of their own: decoded afresh a second later, the
    # font files (and so the PDF) are the same.
    html = '<html lang="en-GB"><body><p>Text <b>bold</b></p></body></html>'
    first = html_to_pdf(html).pdf
    time.sleep(1.1)
    _decoded_font.cache_clear()
    assert html_to_pdf(html).pdf == first


def test_without_the_bundled_font_files_the_render_fails_rather_than_use_the_machines(
    settings, tmp_path
):
    # A checkout where `make assets` has not run: fonts.css is there, its fonts are not.
    (tmp_path / "css").mkdir()
    shutil.copy(settings.BASE_DIR / "static/css/fonts.css", tmp_path / "css")
    settings.STATICFILES_DIRS = [tmp_path]
    with pytest.raises(ImproperlyConfigured, match="make assets"):
        html_to_pdf('<html lang="en-GB"><body><p>Text</p></body></html>')


class StopRender(BaseException):
    """Not an Exception, so WeasyPrint does not catch it: the render stops midway."""


def test_the_garbage_collector_is_paused_during_a_render_and_runs_again_after():
    during = []

    def image():
        during.append(gc.isenabled())
        return PNG

    assert gc.isenabled()
    html_to_pdf('<html lang="en-GB"><body><img src="/i.png" alt="x"></body></html>',
                images={"/i.png": image})  # fmt: skip
    assert during == [False]
    assert gc.isenabled()

    def failing_image():
        raise StopRender

    with pytest.raises(StopRender):
        html_to_pdf('<html lang="en-GB"><body><img src="/i.png" alt="x"></body></html>',
                    images={"/i.png": failing_image})  # fmt: skip
    assert gc.isenabled()  # a failed render does not leave the process without it


def test_a_render_logs_weasyprints_warnings_but_not_its_progress(caplog):
    html = '<html lang="en-GB"><body><p style="colour: red">Text</p></body></html>'
    html_to_pdf(html)
    weasyprint = [r for r in caplog.records if r.name.startswith("weasyprint")]
    assert any("colour" in r.getMessage() for r in weasyprint)  # the bad CSS is reported
    assert [r.getMessage() for r in weasyprint if r.levelno < logging.WARNING] == []
    assert settings.LOGGING["loggers"]["weasyprint"]["level"] == "WARNING"


def test_the_tagging_reads_page_references_built_once_and_the_bytes_do_not_change(
    monkeypatch,
):
    # pydyf's own property builds every page's reference on each read, once per structure
    # element in a tagged PDF; core.pdf builds them once per page count (pages are only
    # appended) and the PDF is the same, byte for byte.
    import pydyf

    from core import pdf as pipeline

    document = pydyf.PDF()
    for _ in range(3):
        document.add_page(pydyf.Dictionary({"Type": "/Page"}))
        assert document.page_references == pipeline._PYDYF_PAGE_REFERENCES.fget(document)
    assert document.page_references is document.page_references  # not built again
    html = '<html lang="en-GB"><body>' + "<p>Text</p><table><tr><td>1</td></tr></table>" * 3
    html += '<p style="break-before: page">Page two</p></body></html>'
    ours = html_to_pdf(html).pdf
    monkeypatch.setattr(pydyf.PDF, "page_references", pipeline._PYDYF_PAGE_REFERENCES)
    assert html_to_pdf(html).pdf == ours
