"""The author's text as literal Markdown text: nothing they type becomes markup.

Every ASCII punctuation character is backslash-escaped (CommonMark allows the escape
before any of them, and it also keeps `https://…` from being turned into a link by a
previewer with linkify on). Spaces and tabs at the start or end of a line become
character references, so they neither indent a code block nor vanish. Line breaks
stay line breaks: lines are joined by a backslash at the end of the line (a hard
break), which keeps an empty line from ending the paragraph, list item or quote the
text stands in. A carriage return counts as a line break. Other control characters
(escape sequences, C1 controls, bidirectional overrides: `schemas.controls`), which
have no visible form, are not allowed in HTML and would act on a terminal showing the
document, appear as their visible escapes (`\u001b`, `\u202e`).
"""

from __future__ import annotations

import re
import string

from schemas.controls import BIDI_CONTROLS, escape

_PUNCTUATION_CHAR = re.compile("[" + re.escape(string.punctuation) + "]")
_LINE_BREAKS = re.compile("\r\n?|[\u2028\u2029\x85]")
_NEEDS_CLEANING = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029{BIDI_CONTROLS}]")
_EDGE_SPACE = {" ": "&#32;", "\t": "&#9;"}

HARD_BREAK = "\\\n"
"""What ends every line of a value but the last: a backslash, then the newline."""


def clean_text(text: str) -> str:
    """`text` with line breaks normalised to LF and the other control characters as
    visible escapes (`schemas.controls.escape`; tabs stay).

    This is the text the document shows: what `escape_lines` escapes, and what a
    reader of the rendered document sees, line for line.
    """
    if _NEEDS_CLEANING.search(text) is None:
        return text
    return escape(_LINE_BREAKS.sub("\n", text), keep="\t\n")


def _backslash(match: re.Match[str]) -> str:
    return "\\" + match.group()


def text_lines(text: str) -> list[str]:
    """The lines of `text` as the document shows them, without blank lines at either end."""
    if "\n" not in text and _NEEDS_CLEANING.search(text) is None:
        return [text] if text.strip() else []
    lines = clean_text(text).split("\n")
    start = 0
    end = len(lines)
    while start < end and not lines[start].strip():
        start += 1
    while end > start and not lines[end - 1].strip():
        end -= 1
    return lines[start:end]


def escape_line(line: str) -> str:
    """One line of the author's text (no line breaks in it) as literal inline Markdown."""
    escaped = _PUNCTUATION_CHAR.sub(_backslash, line)
    stripped = escaped.lstrip(" \t")
    lead = escaped[: len(escaped) - len(stripped)]
    body = stripped.rstrip(" \t")
    trail = stripped[len(body) :]
    if lead or trail:
        return "".join(_EDGE_SPACE[c] for c in lead) + body + "".join(_EDGE_SPACE[c] for c in trail)
    return escaped


def escape_lines(text: str, *, indent: str = "") -> str:
    """The author's text as literal Markdown, lines joined by hard breaks.

    `indent` is put before every line but the first: the indentation of a list item's
    content, or `"> "` inside a quote.
    """
    return (HARD_BREAK + indent).join(escape_line(line) for line in text_lines(text))


def escape_inline(text: str) -> str:
    """The author's text on one line (a heading or a table cell): line breaks become spaces."""
    return " ".join(escape_line(line.strip(" \t")) for line in text_lines(text))


def escape_text(text: str) -> str:
    """The author's text as literal Markdown text (inline); line breaks become hard breaks."""
    return escape_lines(text)


def is_multiline(text: str) -> bool:
    """Whether `text` shows as more than one line."""
    return len(text_lines(text)) > 1
