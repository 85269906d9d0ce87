"""The PDFs of a document's parts (core/pdf_parts.py), each written by WeasyPrint, joined into
the one tagged PDF (PDF/UA-1) a single render would have given: the pages in order, one
structure tree, links that reach across parts, and one list of bookmarks.

What WeasyPrint writes, and so what is joined here (weasyprint/pdf/tags.py, anchors.py):
- the catalog's StructTreeRoot holds one Document element whose kids are every page's
  elements; its ParentTree numbers each page (the page's StructParents) with the array of
  its marked content's elements, then each link with its element (StructParent);
- an internal link is an annotation whose Dest is an anchor's name, found in the catalog's
  Names/Dests, which maps it to a page and position;
- bookmarks are the catalog's Outlines, each with a destination on a page.
The first part's catalog is kept (language, metadata, title, PDF/UA identification); the
other parts' pages and elements are copied into it and everything is numbered again. The
anchors a part only stood in for (`stand_ins`) give way to the part that has them."""

import warnings
from io import BytesIO

import pikepdf
from pikepdf import Array, Dictionary, Name


def join_parts(parts: list[bytes], stand_ins: list[set[str]]) -> bytes:
    pdfs = [pikepdf.open(BytesIO(data)) for data in parts]
    joined = pdfs[0]
    sources = [(joined, list(joined.pages))]
    for other in pdfs[1:]:
        first = len(joined.pages)
        with warnings.catch_warnings():  # that the destinations are not copied: done below
            warnings.simplefilter("ignore", pikepdf.exceptions.PageCopyWarning)
            joined.pages.extend(other.pages)
        sources.append((other, list(joined.pages)[first:]))
    _join_structure(joined, sources, stand_ins)
    _join_destinations(joined, sources, stand_ins)
    _join_outlines(joined, sources)
    out = BytesIO()
    # The identifier from the content, as core.pdf asks of WeasyPrint: same parts, same bytes.
    # Objects in compressed object streams, as WeasyPrint writes them (a third of the size).
    joined.save(out, deterministic_id=True, object_stream_mode=pikepdf.ObjectStreamMode.generate)
    for other in pdfs:
        other.close()
    return out.getvalue()


def _copy(joined: pikepdf.Pdf, source: pikepdf.Pdf, value):
    """`value` of `source` as an object of `joined` (the same copy each time it is asked)."""
    if source is joined:
        return value
    if isinstance(value, Array):
        return Array([_copy(joined, source, item) for item in value])
    if isinstance(value, pikepdf.Object) and value.is_indirect:
        return joined.copy_foreign(value)
    return value


def _join_structure(joined: pikepdf.Pdf, sources, stand_ins) -> None:
    document = joined.Root.StructTreeRoot.K[0]
    kids = []
    page_entries, link_entries = [], []
    for (source, pages), standing_in in zip(sources, stand_ins, strict=True):
        tree = source.Root.StructTreeRoot
        for kid in tree.K[0].K:
            # The stand-in anchors' element (core/pdf_parts.py) holds nothing to read.
            if standing_in and not _has_content(kid):
                continue
            copied = _copy(joined, source, kid)
            copied.P = document
            kids.append(copied)
        numbers = tree.ParentTree.Nums
        entries = {int(numbers[i]): numbers[i + 1] for i in range(0, len(numbers), 2)}
        for page in pages:
            page_entries.append((page, _copy(joined, source, entries[int(page.StructParents)])))
            for annotation in page.get("/Annots", []):
                if "/StructParent" in annotation:
                    value = entries[int(annotation.StructParent)]
                    link_entries.append((annotation, _copy(joined, source, value)))
    document.K = Array(kids)
    numbers = Array()
    for index, (holder, value) in enumerate(page_entries + link_entries):
        if index < len(page_entries):
            holder.StructParents = index
        else:
            holder.StructParent = index
        numbers.extend([index, value])
    joined.Root.StructTreeRoot.ParentTree = joined.make_indirect(Dictionary(Nums=numbers))


def _has_content(element) -> bool:
    """Whether a structure element holds marked content or an object (a link), at any depth."""
    if isinstance(element, int):  # a marked-content identifier
        return True
    if isinstance(element, Array):
        return any(_has_content(item) for item in element)
    if isinstance(element, Dictionary):
        if element.get("/Type") in (Name.MCR, Name.OBJR):
            return True
        return "/K" in element and _has_content(element.K)
    return False


def _join_destinations(joined: pikepdf.Pdf, sources, stand_ins) -> None:
    destinations: dict[bytes, Array] = {}
    for (source, _pages), standing_in in zip(sources, stand_ins, strict=True):
        names = source.Root.get("/Names", {}).get("/Dests", {}).get("/Names", [])
        for i in range(0, len(names), 2):
            name = str(names[i])
            if name not in standing_in:
                destinations[bytes(names[i])] = _copy(joined, source, names[i + 1])
    flat = Array()
    for name in sorted(destinations):  # a name tree's names are in byte order
        flat.extend([pikepdf.String(name), destinations[name]])
    if "/Names" not in joined.Root:
        joined.Root.Names = Dictionary()
    joined.Root.Names.Dests = joined.make_indirect(Dictionary(Names=flat))


def _join_outlines(joined: pikepdf.Pdf, sources) -> None:
    items = []
    for source, _pages in sources:
        with source.open_outline() as outline:
            items += [_copied_item(joined, source, item) for item in outline.root]
    with joined.open_outline() as outline:
        outline.root[:] = items


def _copied_item(joined, source, item: pikepdf.OutlineItem) -> pikepdf.OutlineItem:
    copied = pikepdf.OutlineItem(item.title, _copy(joined, source, item.destination))
    copied.is_closed = item.is_closed
    copied.children[:] = [_copied_item(joined, source, child) for child in item.children]
    return copied
