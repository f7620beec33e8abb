"""Reading exported PDF and DOCX files back (for the export tests): pypdf and python-docx."""

from __future__ import annotations

import io
from typing import Any

from pypdf import PdfReader

POINTS = {"a4": (595, 842), "letter": (612, 792)}
"""Page sizes in PostScript points, rounded."""


def pdf(content: bytes) -> PdfReader:
    """A PDF's reader."""
    return PdfReader(io.BytesIO(content))


def page_texts(content: bytes) -> list[str]:
    """Each page's text; a long address's break opportunities (zero-width spaces) removed."""
    return [page.extract_text().replace("\u200b", "") for page in pdf(content).pages]


def page_size(content: bytes, index: int = 0) -> tuple[int, int]:
    """A page's width and height in points, rounded."""
    box = pdf(content).pages[index].mediabox
    return round(float(box.width)), round(float(box.height))


def link_targets(content: bytes) -> list[str]:
    """The URI of every link annotation of every page."""
    found = []
    for page in pdf(content).pages:
        annotations: Any = page.get("/Annots") or []
        for annotation in annotations:
            action: Any = annotation.get_object().get("/A")
            if action is not None and "/URI" in action:
                found.append(str(action["/URI"]))
    return found


def embedded_fonts(content: bytes) -> list[str]:
    """The names of the fonts whose programs the PDF carries."""
    names = []
    for page in pdf(content).pages:
        resources: Any = page["/Resources"]
        fonts: Any = resources.get("/Font") or {}
        for font in fonts.values():
            font = font.get_object()
            for descendant in font.get("/DescendantFonts") or [font]:
                descriptor = descendant.get_object().get("/FontDescriptor")
                if descriptor is None:
                    continue
                descriptor = descriptor.get_object()
                if any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")):
                    names.append(str(descriptor["/FontName"]))
    return names
