"""The exported document as one standalone HTML page for the screen and for print.

No script, no font, image or style to fetch; every piece of the author's text is
escaped (`html.escape`), so nothing they type becomes a tag. The page carries its own
CSS: tables that never break a word in a cell (a link may wrap after a `/`) and stack
into cards on a narrow screen, a table of contents with anchors, `mailto:` and `tel:`
links, a dark variant, and print rules: A4 for a Ukrainian document and US Letter for
an English one unless asked (`paper`), a running footer with the company, the version
and "page n of m", short parts kept on one page, the acknowledgement sheet on a page
of its own, and a draft's mark on every printed page.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from typing import Any

from exports.blocks import (
    PAPERS,
    Approval,
    Block,
    Bullets,
    Contents,
    Document,
    Fields,
    Heading,
    Inline,
    Notice,
    Paper,
    Paragraph,
    Quote,
    Table,
    default_paper,
)
from exports.document import build_document, document_language
from schemas.problems import Problem

__all__ = ["PAPERS", "Paper", "default_paper", "export_html", "render_html"]

STYLE = """\
:root { color-scheme: light; --ink: #1d1d1f; --muted: #5b5b66; --rule: #b8b8be;
  --head: #f1f1f4; --link: #0b4f9c; --mark: #fff3b0; --draft: #a40000; --paper: #fff; }
body {
  margin: 2rem auto; padding: 0 1.25rem; max-width: 48rem;
  font: 1rem/1.55 Georgia, "Times New Roman", "DejaVu Serif", serif;
  color: var(--ink); background: var(--paper);
}
h1, h2, h3, h4, .toc, .approval-title, .notice strong {
  font-family: "Segoe UI", Roboto, "Helvetica Neue", Arial, "DejaVu Sans", sans-serif;
}
h1, h2, h3, h4 { line-height: 1.25; margin: 1.6em 0 0.5em; }
h1 { font-size: 1.8rem; margin-top: 0; }
h2 { font-size: 1.4rem; border-bottom: 1px solid var(--rule); padding-bottom: 0.2em; }
h3 { font-size: 1.15rem; }
h4 { font-size: 1rem; }
table { border-collapse: collapse; width: 100%; margin: 0.8em 0; font-size: 0.95em; }
th, td { border: 1px solid var(--rule); padding: 0.3em 0.55em; text-align: left;
  vertical-align: top; overflow-wrap: normal; word-break: normal; hyphens: manual; }
th { background: var(--head); }
td.number { text-align: right; width: 2em; }
tr.blank td { height: 2.2em; }
blockquote { margin: 0.8em 0; padding: 0.4em 1em; border-left: 4px solid var(--rule);
  background: var(--head); }
a { color: var(--link); }
.undefined { color: var(--draft); font-style: italic; }
mark.placeholder { background: var(--mark); color: inherit; padding: 0 0.1em; }
ul.fields { padding-left: 1.2em; }
table.control { width: auto; min-width: 60%; }
table.control th { font-weight: normal; color: var(--muted); }
.notice { border: 2px solid var(--draft); padding: 0.6em 1em; margin: 1em 0; }
.notice strong { color: var(--draft); }
.approval { margin: 1.2em 0; }
.approval p { margin: 0.15em 0; }
.approval-title { font-weight: bold; letter-spacing: 0.04em; }
.approval.dstu { width: 18rem; margin: 0 0 1.5em auto; }
.sign-line { display: inline-block; min-width: 10rem; border-bottom: 1px solid var(--ink);
  margin-right: 0.5em; }
.toc { border: 1px solid var(--rule); padding: 0.5em 1em; margin: 1em 0 1.5em; }
.toc-title { font-weight: bold; margin: 0.2em 0; }
.toc ol { list-style: none; padding-left: 0; margin: 0.2em 0; }
.toc ol ol { padding-left: 1.2em; font-size: 0.95em; }
.draft-mark { position: fixed; top: 0.6rem; right: 0.6rem; z-index: 1; padding: 0.1em 0.6em;
  background: var(--draft); color: #fff; font: bold 0.85rem sans-serif;
  letter-spacing: 0.1em; }
@media screen and (max-width: 40rem) {
  body { margin: 1rem auto; padding: 0 0.75rem; }
  table.cards, table.cards thead, table.cards tbody, table.cards tr, table.cards td {
    display: block; width: auto; }
  table.cards thead { position: absolute; width: 1px; height: 1px; overflow: hidden;
    clip: rect(0 0 0 0); }
  table.cards tr { border: 1px solid var(--rule); margin: 0 0 0.8em; padding: 0.3em 0.6em; }
  table.cards td { border: none; padding: 0.15em 0; }
  table.cards td::before { content: attr(data-label) ": "; font-weight: bold; }
  table.cards td:empty { display: none; }
  .approval.dstu { width: auto; margin-left: 0; }
}
@media screen and (prefers-color-scheme: dark) {
  :root { color-scheme: dark; --ink: #e4e4e8; --muted: #a8a8b3; --rule: #4a4a52;
    --head: #24242a; --link: #8ab8ff; --mark: #5c4d00; --draft: #ff7b7b; --paper: #141417; }
  .draft-mark { color: #141417; }
}
@media print {
  body { margin: 0; padding: 0; max-width: none; font-size: 10.5pt; color: #000;
    background: #fff; }
  h1, h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
  h2.new-page { break-before: page; page-break-before: always; }
  section.part { break-inside: avoid; page-break-inside: avoid; }
  table, tr, blockquote, li, .approval, .notice { break-inside: avoid;
    page-break-inside: avoid; }
  thead { display: table-header-group; }
  th, blockquote { background: none; }
  a { color: inherit; text-decoration: none; }
  .toc a::after { content: leader(".") target-counter(attr(href), page); }
  .draft-mark { position: fixed; top: 40%; left: 0; right: 0; z-index: -1;
    background: none; color: rgba(0, 0, 0, 0.09); font-size: 88pt; text-align: center;
    transform: rotate(-35deg); padding: 0; }
}
"""
"""The page's CSS: readable type, bordered tables, cards, the dark variant, print rules."""


def css_string(text: str) -> str:
    """Text as a CSS string: every character but letters, digits and spaces escaped,
    so that nothing in it ends the string or the `<style>` element."""
    return '"' + "".join(c if c.isalnum() or c == " " else f"\\{ord(c):06x}" for c in text) + '"'


def page_rules(document: Document, paper: Paper) -> str:
    """The `@page` rules: paper size, margins, the running footer (company, title and
    version; "page n of m") and, for a draft, the mark at the top of every page."""
    size = "A4" if paper == "a4" else "letter"
    before, _, rest = document.footer.page.partition("{n}")
    middle, _, after = rest.partition("{m}")
    counter = (
        f"{css_string(before)} counter(page) {css_string(middle)} counter(pages)"
        f" {css_string(after)}"
    )
    footer = "font: 8pt sans-serif; color: #555;"
    top = (
        f"  @top-center {{ content: {css_string(document.draft_word)};"
        " font: bold 10pt sans-serif; color: #a40000; }\n"
        if document.draft
        else ""
    )
    return (
        "@media print {\n"
        f"@page {{ size: {size}; margin: 20mm 18mm 22mm;\n"
        f"  @bottom-left {{ content: {css_string(document.footer.left)}; {footer} }}\n"
        f"  @bottom-right {{ content: {counter}; {footer} }}\n"
        f"{top}"
        "}\n}\n"
    )


def inline(spans: Inline) -> str:
    """Spans as HTML: text escaped, line breaks as `<br>`, links with `<wbr>` after each
    `/` of an address shown (it may wrap there, never inside a word)."""
    out: list[str] = []
    for span in spans:
        text = html.escape(span.text, quote=False).replace("\n", "<br>\n")
        if span.kind == "strong":
            out.append(f"<strong>{text}</strong>")
        elif span.kind == "undefined":
            out.append(f'<em class="undefined">{text}</em>')
        elif span.kind == "placeholder":
            out.append(f'<mark class="placeholder">{text}</mark>')
        elif span.kind == "link":
            shown = _breakable(text) if span.href.startswith("http") else text
            out.append(f'<a href="{html.escape(span.href, quote=True)}">{shown}</a>')
        else:
            out.append(text)
    return "".join(out)


def _breakable(address: str) -> str:
    """An escaped address with a break opportunity after each `/` of its path."""
    scheme, separator, rest = address.partition("://")
    if not separator:
        return address.replace("/", "/<wbr>")
    return scheme + separator + rest.replace("/", "/<wbr>")


class HtmlRenderer:
    """Renders a document's blocks, wrapping each section and each part of a section
    (a level-3 heading and what follows it) in a `<section>`."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.anchors: dict[int, str] = {}
        self._name_anchors()

    def _name_anchors(self) -> None:
        section = "part"
        count = 0
        for index, block in enumerate(self.document.blocks):
            if isinstance(block, Heading) and block.level == 2:
                section = block.anchor or f"section-{index}"
                count = 0
                self.anchors[index] = section
            elif isinstance(block, Heading) and block.level == 3:
                count += 1
                self.anchors[index] = f"{section}-{count}"

    def body(self) -> str:
        """The page's `<main>` content."""
        out: list[str] = []
        open_levels: list[int] = []
        blocks = self.document.blocks
        approval = next((b for b in blocks if isinstance(b, Approval) and b.dstu), None)
        if approval is not None:
            out.append(self.approval(approval))
        for index, block in enumerate(blocks):
            if isinstance(block, Heading) and block.level in (2, 3):
                while open_levels and open_levels[-1] >= block.level:
                    open_levels.pop()
                    out.append("</section>\n")
                kind = "section" if block.level == 2 else "part"
                out.append(f'<section class="{kind}">\n')
                open_levels.append(block.level)
            if block is approval:
                continue
            out.append(self.block(block, index))
        out.extend("</section>\n" for _ in open_levels)
        return "".join(out)

    def block(self, block: Block, index: int) -> str:
        """One block's HTML."""
        if isinstance(block, Heading):
            anchor = self.anchors.get(index)
            attributes = f' id="{anchor}"' if anchor else ""
            if block.new_page:
                attributes += ' class="new-page"'
            return f"<h{block.level}{attributes}>{inline(block.spans)}</h{block.level}>\n"
        if isinstance(block, Paragraph):
            return f"<p>{inline(block.spans)}</p>\n"
        if isinstance(block, Bullets):
            items = "".join(f"<li>{inline(item)}</li>\n" for item in block.items)
            return f"<ul>\n{items}</ul>\n"
        if isinstance(block, Fields):
            if block.role == "control":
                rows = "".join(
                    f'<tr><th scope="row">{html.escape(label)}</th><td>{inline(value)}</td></tr>\n'
                    for label, value in block.items
                )
                return f'<table class="control">\n<tbody>\n{rows}</tbody>\n</table>\n'
            items = "".join(
                f"<li><strong>{html.escape(label)}:</strong> {inline(value)}</li>\n"
                for label, value in block.items
            )
            return f'<ul class="fields">\n{items}</ul>\n'
        if isinstance(block, Table):
            return table(block)
        if isinstance(block, Quote):
            return f"<blockquote><p>{inline(block.spans)}</p></blockquote>\n"
        if isinstance(block, Notice):
            items = "".join(f"<li>{inline(item)}</li>\n" for item in block.items)
            word = html.escape(self.document.draft_word)
            return (
                f'<aside class="notice" role="note">\n<p><strong>{word}.</strong> '
                f"{inline(block.spans)}</p>\n<ul>\n{items}</ul>\n</aside>\n"
            )
        if isinstance(block, Approval):
            return self.approval(block)
        if isinstance(block, Contents):
            return self.contents(block)
        raise TypeError(f"not a block: {block!r}")  # pragma: no cover

    def approval(self, block: Approval) -> str:
        """The approval requisite; a draft's says who is to approve it, with no line
        to sign on."""
        classes = "approval" + (" dstu" if block.dstu else "") + (" draft" if block.draft else "")
        title = html.escape(block.title)
        if block.draft:
            who = inline(block.position) + (" " if block.position else "") + inline(block.name)
            return (
                f'<div class="{classes}">\n<p><span class="approval-title">{title}:</span> '
                f"{who}</p>\n</div>\n"
            )
        lines = [f'<p class="approval-title">{title}</p>']
        if block.position:
            lines.append(f"<p>{inline(block.position)}</p>")
        signature = html.escape(block.signature_label)
        line = f'<span class="sign-line" title="{signature}"></span>'
        if block.dstu:
            lines.append(f"<p>{line}{inline(block.name)}</p>")
        else:
            lines.append(f"<p>{inline(block.name)}</p>")
            lines.append(f"<p>{signature}: {line}</p>")
        date = html.escape(block.date or block.blank_date)
        label = "" if block.dstu else f"{html.escape(block.date_label)}: "
        lines.append(f'<p class="approval-date">{label}{date}</p>')
        return f'<div class="{classes}">\n' + "\n".join(lines) + "\n</div>\n"

    def contents(self, block: Contents) -> str:
        """The table of contents: the sections, with their parts under them."""
        sections: list[tuple[str, list[str]]] = []
        for index, heading in enumerate(self.document.blocks):
            if not isinstance(heading, Heading) or heading.level not in (2, 3):
                continue
            link = f'<a href="#{self.anchors[index]}">{inline(heading.spans)}</a>'
            if heading.level == 2:
                sections.append((link, []))
            elif sections:
                sections[-1][1].append(link)
        if not sections:
            return ""
        title = html.escape(block.title)
        out = [f'<nav class="toc" aria-label="{title}">\n<p class="toc-title">{title}</p>\n<ol>\n']
        for link, parts in sections:
            inner = "".join(f"<li>{part}</li>\n" for part in parts)
            out.append(f"<li>{link}" + (f"\n<ol>\n{inner}</ol>\n" if parts else "") + "</li>\n")
        out.append("</ol>\n</nav>\n")
        return "".join(out)


def table(block: Table) -> str:
    """A table; each cell carries its column's name (`data-label`) for the cards of a
    narrow screen. A numbered table numbers its rows; blank rows follow."""
    header = list(block.header)
    head = "".join(f'<th scope="col">{html.escape(label)}</th>' for label in header)
    number = '<th scope="col">#</th>' if block.numbered else ""
    labels = [html.escape(label, quote=True) for label in header]
    rows: list[str] = []
    count = 0
    for row in block.rows:
        count += 1
        cells = "".join(
            f'<td data-label="{label}">{inline(cell)}</td>'
            for label, cell in zip(labels, row, strict=True)
        )
        first = f'<td class="number">{count}</td>' if block.numbered else ""
        rows.append(f"<tr>{first}{cells}</tr>\n")
    for _ in range(block.blank_rows):
        count += 1
        first = f'<td class="number">{count}</td>' if block.numbered else ""
        rows.append(f'<tr class="blank">{first}' + "<td></td>" * len(header) + "</tr>\n")
    kind = "fill" if block.blank_rows else "cards"
    return (
        f'<table class="{kind}">\n<thead>\n<tr>{number}{head}</tr>\n</thead>\n'
        f"<tbody>\n{''.join(rows)}</tbody>\n</table>\n"
    )


def render_html(document: Document, *, paper: Paper | None = None) -> str:
    """A document as a standalone HTML page."""
    chosen = paper or default_paper(document.lang)
    draft = (
        f'<div class="draft-mark" aria-hidden="true">{html.escape(document.draft_word)}</div>\n'
        if document.draft
        else ""
    )
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{html.escape(document.lang, quote=True)}">\n'
        "<head>\n"
        '<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{html.escape(document.title, quote=False)}</title>\n"
        f"<style>\n{STYLE}{page_rules(document, chosen)}</style>\n"
        "</head>\n"
        f'<body class="{document.kind}{" draft" if document.draft else ""}">\n'
        f"{draft}"
        f"<main>\n{HtmlRenderer(document).body()}</main>\n"
        "</body>\n"
        "</html>\n"
    )


def export_html(
    data: Mapping[str, Any],
    *,
    include_access: bool = False,
    problems: Sequence[Problem] | None = None,
    paper: Paper | None = None,
) -> str:
    """The policy as a standalone HTML page in the document's language, on `paper`
    when printed (by default A4 for Ukrainian, Letter for English)."""
    document = build_document(data, include_access=include_access, problems=problems)
    return render_html(document, paper=paper or default_paper(document_language(data)))
