"""The exported document as one standalone HTML page: no scripts, fonts or images to fetch.

Markdown is rendered by markdown-it with raw HTML off (the CommonMark preset allows
it by default), so nothing in the author's text becomes a tag. The page carries its
own CSS for the screen and for print.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from typing import Any

from markdown_it import MarkdownIt

from exports.markdown import document_language, document_title, export_markdown
from schemas.problems import Problem

__all__ = ["export_html", "markdown_to_html"]

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


def markdown_to_html(markdown: str, *, lang: str, title: str) -> str:
    """A standalone HTML page of `markdown` (raw HTML in it shows as text)."""
    body = _parser().render(markdown)
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
    markdown = export_markdown(data, include_access=include_access, problems=problems)
    return markdown_to_html(markdown, lang=document_language(data), title=document_title(data))
