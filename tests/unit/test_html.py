"""The exported HTML page, read back with an HTML parser: standalone, in the document's
language, no script and no raw HTML; a table of contents, cards on a narrow screen,
print rules with the paper, the running footer and a draft's mark."""

from __future__ import annotations

import copy
import html
import re
import tracemalloc
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bench.scale import scaled_policy
from exports.doc_parts import Words
from exports.html import css_string, export_html
from schemas import check_policy
from schemas.sections import heading
from tests.unit.rendered import DRAFT_POLICY, UK_POLICY, example_path, lines_not_in, load
from tests.unit.test_markdown import _VALUE, _expected_h2, _put, _text_paths

OUR_TAGS = frozenset(
    {
        "html",
        "head",
        "meta",
        "title",
        "style",
        "body",
        "main",
        "div",
        "section",
        "h1",
        "h2",
        "h3",
        "h4",
        "p",
        "br",
        "ul",
        "ol",
        "li",
        "strong",
        "em",
        "a",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
        "blockquote",
        "aside",
        "nav",
        "span",
        "mark",
        "wbr",
    }
)
"""Every tag the page is made of: anything else would be the author's HTML."""


class Page(HTMLParser):
    """A page as a reader and a browser see it: its text, tags, headings, links, ids."""

    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.headings: dict[str, list[str]] = {}
        self.ids: set[str] = set()
        self.cells: list[tuple[str | None, str]] = []
        self._open: list[str] = []
        self._heading: list[str] | None = None
        self._cell: tuple[str | None, list[str]] | None = None
        self._in_style = False
        self.feed(page)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        if attributes.get("id"):
            self.ids.add(str(attributes["id"]))
        if tag in ("h1", "h2", "h3", "h4"):
            self._heading = []
        if tag == "td":
            self._cell = (attributes.get("data-label"), [])
        if tag == "br":
            self._add("\n")
        self._in_style = tag == "style" or self._in_style

    def handle_endtag(self, tag: str) -> None:
        if tag in ("h1", "h2", "h3", "h4") and self._heading is not None:
            self.headings.setdefault(tag, []).append("".join(self._heading).strip())
            self._heading = None
        if tag == "td" and self._cell is not None:
            self.cells.append((self._cell[0], "".join(self._cell[1])))
            self._cell = None
        if tag in ("p", "li", "td", "th", "h1", "h2", "h3", "h4", "tr", "div"):
            self._add("\n")
        if tag == "style":
            self._in_style = False

    def handle_data(self, data: str) -> None:
        if not self._in_style:
            self._add(data)

    def _add(self, data: str) -> None:
        self.text.append(data)
        if self._heading is not None:
            self._heading.append(data)
        if self._cell is not None:
            self._cell[1].append(data)

    @property
    def shown(self) -> str:
        return "".join(self.text)

    def links(self) -> list[str]:
        return [str(a.get("href")) for tag, a in self.tags if tag == "a"]


POLICIES = [pytest.param(example_path(), "en", id="en"), pytest.param(UK_POLICY, "uk", id="uk")]


@pytest.mark.parametrize(("path", "lang"), POLICIES)
def test_a_standalone_page_in_the_documents_language(path: Path, lang: str) -> None:
    data = load(path)
    page = export_html(data)
    assert page.startswith("<!DOCTYPE html>\n")
    assert f'<html lang="{lang}">' in page
    assert '<meta charset="utf-8">' in page
    assert '<meta name="viewport"' in page
    title = f"{data['document']['title']} — {data['document']['company']}"
    assert f"<title>{html.escape(title, quote=False)}</title>" in page
    assert "@media print" in page
    assert "<script" not in page.lower()
    assert not re.search(r"<(link|img|iframe|object|embed)\b", page)
    assert not re.search(r"""(src|@import|url\()\s*=?\s*["']?https?:""", page)
    assert page.endswith("</html>\n")
    read = Page(page)
    assert {tag for tag, _ in read.tags} <= OUR_TAGS
    assert read.headings["h2"] == _expected_h2(lang)
    assert lines_not_in(data, read.shown, include_access=False) == []


@pytest.mark.parametrize(("path", "lang"), POLICIES)
def test_the_table_of_contents_links_every_section_to_its_anchor(path: Path, lang: str) -> None:
    read = Page(export_html(load(path)))
    anchors = [link[1:] for link in read.links() if link.startswith("#")]
    assert anchors and set(anchors) <= read.ids
    navigation = next(a for tag, a in read.tags if tag == "nav")
    assert navigation["aria-label"] == Words(lang)["contents"]
    for section in ("mission", "platforms", "tools", "communication", "content"):
        assert section in anchors
    assert "revisions" in anchors and "acknowledgements" in anchors
    assert Words(lang)["contents"] not in read.headings["h2"]  # not a section


def test_e_mails_and_phones_are_links() -> None:
    read = Page(export_html(load(UK_POLICY)))
    links = read.links()
    assert "mailto:olena@zerno.example" in links
    assert "tel:+380670000000" in links
    assert "https://www.instagram.com/zerno.kava" in links


def test_cells_carry_their_column_for_the_cards_of_a_narrow_screen() -> None:
    page = export_html(load(example_path()))
    read = Page(page)
    labels = {label for label, _ in read.cells}
    assert {"Platform", "Status", "Link", "Pass to"} <= labels
    assert ("Platform", "Instagram") in read.cells
    assert re.search(r"@media screen and \(max-width: [0-9.]+rem\)", page)
    assert "td::before { content: attr(data-label)" in page
    assert '<table class="cards">' in page


def test_no_word_is_broken_inside_a_table_cell() -> None:
    page = export_html(load(UK_POLICY))
    assert "anywhere" not in page and "break-all" not in page
    assert "overflow-wrap: normal; word-break: normal; hyphens: manual;" in page
    # A long address may wrap after a slash.
    assert "https://<wbr>" not in page
    long = load(example_path())
    long["platforms"][0]["url"] = "https://www.youtube.com/channel/UCabc/videos/playlists"
    assert "https://www.youtube.com/<wbr>channel/<wbr>UCabc/<wbr>videos" in export_html(long)


@pytest.mark.parametrize(
    ("path", "paper", "size"),
    [
        (UK_POLICY, None, "A4"),
        (example_path(), None, "letter"),
        (UK_POLICY, "letter", "letter"),
        (example_path(), "a4", "A4"),
    ],
)
def test_the_paper_follows_the_language_unless_asked(path: Path, paper: str, size: str) -> None:
    page = export_html(load(path), paper=paper)  # type: ignore[arg-type]
    assert f"@page {{ size: {size};" in page


def test_every_printed_page_has_a_footer_with_company_version_and_page_n_of_m() -> None:
    page = export_html(load(UK_POLICY))
    footer = re.search(r"@bottom-left \{ content: (\"[^\"]*\");", page)
    assert footer is not None
    assert footer.group(1) == css_string(
        "Кав'ярня «Зерно» · Політика представленості бренду · версія 2.0"
    )
    counter = f"{css_string('Сторінка ')} counter(page) {css_string(' з ')} counter(pages)"
    assert f"@bottom-right {{ content: {counter}" in page


def test_css_strings_cannot_end_the_style_element() -> None:
    data = load(example_path())
    data["document"]["company"] = '</style><script>alert(1)</script>"\\'
    page = export_html(data)
    assert "<script" not in page
    style = page.split("<style>", 1)[1].split("</style>", 1)[0]
    assert "</" not in style and '"\\"' not in style


def test_a_dark_variant_for_the_screen() -> None:
    page = export_html(load(example_path()))
    assert "@media screen and (prefers-color-scheme: dark)" in page


@pytest.mark.parametrize("lang", ["en", "uk"])
def test_a_draft_is_marked_on_every_printed_page_and_in_its_title(lang: str) -> None:
    data = load(DRAFT_POLICY)
    data["document"]["language"] = lang
    page = export_html(data)
    word = Words(lang)["draft_mark"]
    read = Page(page)
    assert f"<title>{word}: " in page
    assert read.headings["h1"][0].startswith(f"{word}: ")
    assert f'<div class="draft-mark" aria-hidden="true">{word}</div>' in page
    assert "position: fixed" in page  # repeated on every printed page
    assert f"@top-center {{ content: {css_string(word)};" in page
    missing = [p for p in check_policy(data) if p.level == "missing"]
    notice = page.split('<aside class="notice"', 1)[1].split("</aside>", 1)[0]
    assert notice.count("<li>") == len(missing)
    assert page.count('<em class="undefined">') >= len(missing)
    assert 'class="sign-line"' not in page  # nothing to sign
    assert f"{Words(lang)['to_be_approved']}:" in read.shown


def test_a_finished_policy_has_the_approval_requisite_and_the_acknowledgement_sheet() -> None:
    uk = export_html(load(UK_POLICY))
    assert uk.index('<div class="approval dstu">') < uk.index("<h1>")  # top right, first
    assert '<p class="approval-title">ЗАТВЕРДЖУЮ</p>' in uk
    assert '<span class="sign-line" title="Підпис"></span>Олена Коваль' in uk
    assert "«___» ____________ 20___ р." in uk  # no approved_on: a date to fill in
    en = export_html(load(example_path()))
    assert en.index('<table class="control">') < en.index('<div class="approval">')
    assert '<p class="approval-title">Approved by</p>' in en
    assert '<h2 id="acknowledgements" class="new-page">Acknowledgement sheet</h2>' in en
    assert en.count('<tr class="blank">') == 8


def test_the_authors_html_is_text() -> None:
    data = load(example_path())
    data["mission"]["statement"] = "<b>x</b> <script>alert(1)</script>"
    data["communication"]["templates"][0]["text"] = '<img src="http://evil.example/x.png">'
    page = export_html(data)
    assert "&lt;b&gt;x&lt;/b&gt;" in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<script" not in page
    assert "<b>" not in page
    assert "<img" not in page


def test_access_data_only_when_asked() -> None:
    data = load(UK_POLICY)
    text = Page(export_html(data, include_access=True)).shown
    assert "Менеджер паролів, сейф «Соцмережі», запис «Instagram»" in text
    assert "Де зберігаються дані для входу" not in Page(export_html(data)).shown


@pytest.mark.parametrize("path", [example_path(), UK_POLICY])
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(values=st.lists(_VALUE, min_size=7, max_size=7))
def test_any_text_of_the_author_is_text_on_the_page(path: Path, values: list[str]) -> None:
    data = copy.deepcopy(load(path))
    for index, text_path in enumerate(_text_paths(data)):
        _put(data, text_path, values[index % len(values)])
    read = Page(export_html(data, include_access=True))
    assert {tag for tag, _ in read.tags} <= OUR_TAGS
    assert read.headings["h2"] == _expected_h2(data["document"]["language"])
    assert lines_not_in(data, read.shown, include_access=True) == []


def test_the_memory_of_a_large_export_is_a_few_times_the_page() -> None:
    export_html(load(example_path()))
    data = scaled_policy(100)
    problems = check_policy(data)
    tracemalloc.start()
    try:
        page = export_html(data, problems=problems)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 25 * len(page)
    assert heading("content", "en") in page
