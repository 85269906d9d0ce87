"""What a PDF embeds: the fonts its pages use, read back with pypdf."""

import re
from io import BytesIO

from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

# The bundled typeface as WeasyPrint names it in the PDF (its family, then the style).
BUNDLED = re.compile(r"LSCB-Arimo(-Bold|-Italic|-Bold-Italic)?")


def embedded_fonts(pdf: bytes) -> set[str]:
    """The /BaseFont of every font the pages use, in their text or in their charts (form
    XObjects), without the six-letter subset tag ("ABCDEF+")."""
    seen: set[int] = set()
    fonts: set[str] = set()

    def walk(value) -> None:
        if isinstance(value, IndirectObject):
            if value.idnum in seen:
                return
            seen.add(value.idnum)
            value = value.get_object()
        if isinstance(value, DictionaryObject):
            if value.get("/Type") == "/Font":
                fonts.add(str(value["/BaseFont"]).lstrip("/").split("+", 1)[-1])
            for key, item in value.items():
                if key != "/Parent":
                    walk(item)
        elif isinstance(value, ArrayObject):
            for item in value:
                walk(item)

    for page in PdfReader(BytesIO(pdf)).pages:
        walk(page.get("/Resources"))
    return fonts


def only_bundled(fonts: set[str]) -> bool:
    return bool(fonts) and all(BUNDLED.fullmatch(name) for name in fonts)
