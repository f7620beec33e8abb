"""`presence export --to pdf`: the document typeset by Typst, read back with pypdf (text,
page size, page count, links, fonts)."""

from __future__ import annotations

import copy
import itertools
import re
from pathlib import Path
from typing import Any

import pytest

from exports.blocks import Document, Heading, Table, plain_text
from exports.doc_parts import Words
from exports.document import build_document
from exports.pdf import TEMPLATE, TEMPLATES, export_pdf, pdf_data, render_pdf
from exports.wording import template, word
from schemas.sections import HEADED, heading
from tests.unit.documents import POINTS, embedded_fonts, link_targets, page_size, page_texts, pdf
from tests.unit.rendered import DRAFT_POLICY, UK_POLICY, example_path, lines_not_in, load

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("path", "paper", "size"),
    [
        (UK_POLICY, None, "a4"),
        (example_path(), None, "letter"),
        (UK_POLICY, "letter", "letter"),
        (example_path(), "a4", "a4"),
    ],
)
def test_the_paper_follows_the_language_unless_asked(path: Path, paper: str, size: str) -> None:
    content = export_pdf(load(path), paper=paper)  # type: ignore[arg-type]
    assert content.startswith(b"%PDF-")
    for index in range(len(pdf(content).pages)):
        assert page_size(content, index) == POINTS[size]


@pytest.mark.parametrize(
    ("path", "lang"),
    [pytest.param(example_path(), "en", id="en"), pytest.param(UK_POLICY, "uk", id="uk")],
)
def test_every_page_says_who_which_version_and_page_n_of_m(path: Path, lang: str) -> None:
    data = load(path)
    texts = page_texts(export_pdf(data))
    assert len(texts) >= 3
    page = template("page_of", lang)
    version = data["document"]["version"]
    for number, text in enumerate(texts, 1):
        assert page.format(n=number, m=len(texts)) in text
        assert data["document"]["company"] in text and version in text


@pytest.mark.parametrize(("path", "lang"), [(example_path(), "en"), (UK_POLICY, "uk")])
def test_the_document_holds_every_section_and_every_value(path: Path, lang: str) -> None:
    data = load(path)
    texts = page_texts(export_pdf(data))
    whole = "\n".join(texts)
    flat = re.sub(r"\s+", " ", whole.replace("-\n", "").replace("\u00ad", ""))
    for name in HEADED:
        assert heading(name, lang) in flat
    words = Words(lang)
    assert words["revisions"] in flat and words["acknowledgements"] in flat
    assert words["contents"] in texts[0]
    assert words["approve_title"] in texts[0]
    # The acknowledgement sheet starts a page of its own, the last.
    assert texts[-1].lstrip().startswith(words["acknowledgements"])
    # Line breaks and hyphenation of the typeset text aside, every value is there.
    squeezed = _squeeze(whole)
    assert not [
        line
        for line in lines_not_in(data, "", include_access=False)
        if _squeeze(line) not in squeezed
    ]


_ENTRY = re.compile(r"^(?P<title>\S.*?)\s+(?P<page>\d+)$")
"""A line of the contents: the title, the leader (a dotted line, no text), the page."""


@pytest.mark.parametrize(("path", "lang"), [(example_path(), "en"), (UK_POLICY, "uk")])
def test_the_contents_list_every_section_and_part_at_the_page_it_starts(
    path: Path, lang: str
) -> None:
    """The contents come from the document's own headings (levels 2 and 3, in order),
    each with the number of the page its heading is on, and each a link to it."""
    content = export_pdf(load(path))
    texts = page_texts(content)
    document = build_document(load(path))
    outlined = [
        "".join(span.text for span in block.spans)
        for block in document.blocks
        if isinstance(block, Heading) and block.level in (2, 3)
    ]
    lines = [line.strip() for text in texts[:3] for line in text.splitlines()]
    first = lines.index(word("contents", lang)) + 1
    entries = [
        (match["title"], int(match["page"]))
        for line in lines[first : first + len(outlined)]
        if (match := _ENTRY.match(line))
    ]
    assert [title for title, _ in entries] == outlined
    for title, page in entries:  # a line of its own: the heading, not the entry
        assert title in [line.strip() for line in texts[page - 1].splitlines()], (title, page)
    internal = [
        annotation
        for page in pdf(content).pages[:3]
        for annotation in (page.get("/Annots") or [])
        if "/Dest" in annotation.get_object()
    ]
    assert len(internal) >= len(entries)


@pytest.mark.parametrize(("path", "lang"), [(example_path(), "en"), (UK_POLICY, "uk")])
def test_no_cell_of_a_table_runs_into_the_next(path: Path, lang: str) -> None:
    """Each column is at least as wide as its longest word: a word that does not fit is
    not broken but printed across the rule into the next cell ("TelegramPlanned",
    "@northwind.bakeryhttps://…" as the page reads when laid out)."""
    data = load(path)
    content = export_pdf(data)
    laid_out = "\n".join(
        page.extract_text(extraction_mode="layout") for page in pdf(content).pages
    ).translate({0x200B: None, 0xAD: None})
    glued = []
    for block in build_document(data).blocks:
        if not isinstance(block, Table):
            continue
        for row in [tuple(block.header), *((plain_text(cell) for cell in r) for r in block.rows)]:
            cells = [cell.split() for cell in row]
            for left, right in itertools.pairwise(cells):
                if left and right and left[-1] + right[0] in laid_out:
                    glued.append(left[-1] + right[0])
    assert not glued


def _squeeze(text: str) -> str:
    return re.sub(r"[\s\-\u00ad]", "", text)


def test_links_e_mails_and_phones_are_live() -> None:
    targets = link_targets(export_pdf(load(UK_POLICY)))
    assert "https://www.instagram.com/zerno.kava" in targets
    assert "mailto:olena@zerno.example" in targets
    assert "tel:+380670000000" in targets


def test_the_fonts_are_embedded_and_the_language_is_set() -> None:
    content = export_pdf(load(UK_POLICY))
    assert any("Libertinus" in name for name in embedded_fonts(content))
    root: Any = pdf(content).trailer["/Root"]
    assert str(root.get("/Lang")) == "uk"


HOSTILE = [
    '#panic("boom")',
    '#set page(paper: "a6")',
    "[bracketed] and ]",
    "$x^2$",
    "*not bold*",
    "_not emph_",
    "@ref",
    "back\\slash \\",
    "<lbl>",
    "= not a heading",
    "- not a list",
    "+ not enumerated",
    '#read("/etc/passwd")',
    "`raw`",
    "// not a comment",
    "/* not a comment */",
]


def test_typst_markup_in_any_value_prints_literally() -> None:
    data = copy.deepcopy(load(example_path()))
    joined = "\n".join(HOSTILE)
    data["document"]["company"] = HOSTILE[0]
    data["mission"]["statement"] = joined
    data["mission"]["objectives"] = HOSTILE
    data["platforms"][0]["name"] = HOSTILE[3]
    data["platforms"][0]["owner"] = HOSTILE[6]
    data["communication"]["templates"][0]["text"] = joined
    data["communication"]["negative"]["escalation"][0]["contact"] = HOSTILE[8]
    data["content"]["hashtags"] = HOSTILE[:4]
    content = export_pdf(data)
    texts = page_texts(content)
    whole = "\n".join(texts)
    for value in HOSTILE:
        assert value in whole, value
    assert page_size(content) == POINTS["letter"]  # no `#set page(...)` ran
    assert whole.count(HOSTILE[0]) >= len(texts)  # the company, in every footer


@pytest.mark.parametrize("lang", ["en", "uk"])
def test_a_draft_is_marked_on_every_page_and_in_its_title(lang: str) -> None:
    data = load(DRAFT_POLICY)
    data["document"]["language"] = lang
    word = Words(lang)["draft_mark"]
    texts = page_texts(export_pdf(data))
    assert len(texts) >= 2
    for text in texts:
        assert word in text
    assert f"{word}: " in texts[0]
    assert Words(lang)["draft"] in re.sub(r"\s+", " ", texts[0])
    assert Words(lang)["to_be_approved"] in texts[0]
    assert Words(lang)["signature"] not in texts[0]
    metadata = pdf(export_pdf(data)).metadata
    assert metadata is not None and str(metadata.title).startswith(f"{word}: ")


def test_the_template_is_package_data_read_under_its_own_root() -> None:
    assert TEMPLATE.is_file() and TEMPLATE.parent == TEMPLATES
    assert TEMPLATES.parent == ROOT / "exports"  # shipped with the exports package
    assert "sys.inputs" in TEMPLATE.read_text(encoding="utf-8")
    ignored = (ROOT / ".gitignore").read_text(encoding="utf-8")
    assert ".typ" not in ignored


def test_the_data_is_passed_as_json_not_as_markup() -> None:
    document: Document = build_document(load(UK_POLICY))
    data = pdf_data(document, "a4", __import__("exports.pdf", fromlist=["Layout"]).Layout())
    assert data["meta"]["paper"] == "a4" and data["meta"]["lang"] == "uk"
    assert data["blocks"][0]["t"] == "approval"  # the requisite first, top right
    assert render_pdf(document).startswith(b"%PDF-")
