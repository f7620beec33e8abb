"""The exported document as one standalone HTML page: no scripts, fonts or images to fetch.

Markdown is rendered by markdown-it with raw HTML off (the CommonMark preset allows
it by default), so nothing in the author's text becomes a tag. The page carries its
own CSS for the screen and for print.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping, Sequence
from typing import Any

from markdown_it import MarkdownIt

from exports.markdown import document_language, document_title, markdown_blocks
from exports.mdwriter import join_blocks
from schemas.problems import Problem

__all__ = ["export_html", "markdown_to_html", "render_blocks"]

STYLE = """\
:root { color-scheme: light; }
body {
  margin: 2rem auto; padding: 0 1.25rem; max-width: 46rem;
  font: 1rem/1.55 Georgia, "Times New Roman", "DejaVu Serif", serif;
  color: #1d1d1f; background: #fff;
}
h1, h2, h3, h4 {
  font-family: "Segoe UI", Roboto, "Helvetica Neue", Arial, "DejaVu Sans", sans-serif;
  line-height: 1.25; margin: 1.6em 0 0.5em;
}
h1 { font-size: 1.8rem; margin-top: 0; }
h2 { font-size: 1.4rem; border-bottom: 1px solid #c8c8cc; padding-bottom: 0.2em; }
h3 { font-size: 1.15rem; }
h4 { font-size: 1rem; }
table { border-collapse: collapse; width: 100%; margin: 0.8em 0; font-size: 0.95em; }
th, td { border: 1px solid #b8b8be; padding: 0.3em 0.55em; text-align: left;
  vertical-align: top; overflow-wrap: anywhere; }
th { background: #f1f1f4; }
blockquote { margin: 0.8em 0; padding: 0.4em 1em; border-left: 4px solid #c8c8cc;
  background: #f7f7f9; }
a { color: #0b4f9c; overflow-wrap: anywhere; }
@media print {
  @page { margin: 2cm; }
  body { margin: 0; padding: 0; max-width: none; font-size: 11pt; color: #000; }
  h1, h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
  table, tr, blockquote, li { break-inside: avoid; page-break-inside: avoid; }
  th { background: none; }
  blockquote { background: none; }
  a { color: inherit; text-decoration: none; }
}
"""
"""The page's CSS: readable type, bordered tables, and print rules."""


def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": False}).enable("table")


CHUNK_CHARACTERS = 65536
"""Blocks are rendered in groups of about this many characters, and a longer table a
group of rows at a time: markdown-it holds a few hundred bytes of tokens per character
it parses, so a whole large document at once would cost gigabytes (a 15 MB policy:
1.4 GB); a group at a time, only the page itself grows with the document."""

_TABLE_DELIMITER = re.compile(r"\|(?:---\|)+")
_BODY_START = "<tbody>\n"
_BODY_END = "</tbody>\n</table>\n"


def _render(parser: MarkdownIt, markdown: str) -> str:
    html_text: str = parser.render(markdown)
    return html_text


def render_blocks(blocks: Sequence[str]) -> str:
    """The HTML of Markdown blocks that each stand on their own (`markdown_blocks`):
    the same as rendering them joined, a group of blocks at a time."""
    parser = _parser()
    parts: list[str] = []
    group: list[str] = []
    size = 0

    def flush() -> None:
        nonlocal group, size
        if group:
            parts.append(_render(parser, join_blocks(group)))
        group, size = [], 0

    for block in blocks:
        if len(block) > CHUNK_CHARACTERS and _is_table(block):
            flush()
            parts.append(_render_table(parser, block))
            continue
        group.append(block)
        size += len(block)
        if size >= CHUNK_CHARACTERS:
            flush()
    flush()
    return "".join(parts)


def _is_table(block: str) -> bool:
    """Whether a block is a table of `MarkdownWriter.table`: a header row, the
    delimiter row, then one row a line (the author's `|` are escaped in cells)."""
    head, _, rest = block.partition("\n")
    delimiter = rest.partition("\n")[0]
    return head.startswith("| ") and _TABLE_DELIMITER.fullmatch(delimiter) is not None


def _render_table(parser: MarkdownIt, block: str) -> str:
    """A long table rendered a group of rows at a time (each group under the table's
    header), the groups' rows joined into the one table the whole block gives."""
    header, delimiter, *rows = block.split("\n")
    pages: list[str] = []
    group: list[str] = []
    size = 0
    for row in rows:
        group.append(row)
        size += len(row)
        if size >= CHUNK_CHARACTERS:
            pages.append(_render(parser, "\n".join([header, delimiter, *group]) + "\n"))
            group, size = [], 0
    if group:
        pages.append(_render(parser, "\n".join([header, delimiter, *group]) + "\n"))
    if not pages or not all(
        page.count(_BODY_START) == 1 and page.endswith(_BODY_END) for page in pages
    ):
        return _render(parser, block + "\n")  # not the shape expected: the table at once
    joined = [pages[0][: -len(_BODY_END)]]
    for page in pages[1:]:
        joined.append(page[page.index(_BODY_START) + len(_BODY_START) : -len(_BODY_END)])
    joined.append(_BODY_END)
    return "".join(joined)


def markdown_to_html(markdown: str, *, lang: str, title: str) -> str:
    """A standalone HTML page of `markdown` (raw HTML in it shows as text)."""
    return _page(_render(_parser(), markdown), lang=lang, title=title)


def _page(body: str, *, lang: str, title: str) -> str:
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{html.escape(lang, quote=True)}">\n'
        "<head>\n"
        '<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{html.escape(title, quote=False)}</title>\n"
        f"<style>\n{STYLE}</style>\n"
        "</head>\n"
        "<body>\n"
        f"<main>\n{body}</main>\n"
        "</body>\n"
        "</html>\n"
    )


def export_html(
    data: Mapping[str, Any],
    *,
    include_access: bool = False,
    problems: Sequence[Problem] | None = None,
) -> str:
    """The policy as a standalone HTML page in the document's language."""
    blocks = markdown_blocks(data, include_access=include_access, problems=problems)
    return _page(render_blocks(blocks), lang=document_language(data), title=document_title(data))
