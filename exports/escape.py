"""The author's text as literal Markdown text: nothing they type becomes markup, and
nothing is escaped that would not.

A character is backslash-escaped only where, in its position, it could start markup
(`escape_line` lists the cases): a `#` that would open a heading, a `-` that would
start a list, a `*` or `_` run that could open or close emphasis, `](` that would make
a link, a `<` that could open an autolink or HTML, a `&` before an entity name, every
`|` (a table cell's end, and a table's delimiter row in a paragraph), every backtick.
So `ostap@zerno-i-dym.ua`, `1.0` and `Остап, засновник` stay as typed, in the raw file,
in a diff and in a renderer that shows escapes. `tests/unit/test_escape.py` proves
with generated text over all of Unicode that markdown-it renders the author's text
back exactly, in every place the document puts it.

White space at the start or end of a line (which Markdown would drop or read as an
indented code block) becomes a character reference (`&#32;`, `&#160;`). Line breaks
stay line breaks: lines are joined by a backslash at the end of the line (a hard
break), which keeps an empty line from ending the paragraph, list item or quote the
text stands in. A carriage return counts as a line break. Other control characters
(escape sequences, C1 controls, bidirectional overrides: `schemas.controls`), which
have no visible form, are not allowed in HTML and would act on a terminal showing the
document, appear as their visible escapes (`\\u001b`, `\\u202e`).
"""

from __future__ import annotations

import re
import string

from schemas.controls import BIDI_CONTROLS, escape

_LINE_BREAKS = re.compile("\r\n?|[\u2028\u2029\x85]")
_NEEDS_CLEANING = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029{BIDI_CONTROLS}]")
_ASCII_PUNCTUATION = frozenset(string.punctuation)
_SPACE = frozenset(" \t")
_MAYBE_MARKUP = re.compile(r"[\\`*_~\[\]<>&|#+\-=0-9.)]")
"""Characters that may need an escape somewhere; a line without any is written as is."""
_ENTITY = re.compile(r"&(?:#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]{1,31};)")
_AFTER_ANGLE = frozenset(string.ascii_letters + string.digits + "/!?.#$%&'*+=^_`{|}~-")
"""What may follow `<` in a tag, a comment, a processing instruction or an autolink."""
_ORDERED_MARKER = re.compile(r"[0-9]{1,9}[.)](?:[ \t]|$)")
_DASHES = re.compile(r"-[ \t-]*")
_ATX = re.compile(r"#{1,6}(?:[ \t]|$)")

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


def _reference(char: str) -> str:
    return {" ": "&#32;", "\t": "&#9;"}.get(char) or f"&#{ord(char)};"


def _run_end(line: str, start: int) -> int:
    end = start
    while end < len(line) and line[end] == line[start]:
        end += 1
    return end


def _run_is_text(line: str, start: int, end: int) -> bool:
    """Whether a run of `*`, `_` or `~` can neither open nor close emphasis (or a
    strikethrough): spaces on both sides, or, for `_` and `~`, letters or digits on
    both sides (inside a word: `snake_case`). The line's ends count as neither."""
    before = line[start - 1] if start > 0 else ""
    after = line[end] if end < len(line) else ""
    if before in _SPACE and after in _SPACE and before and after:
        return True
    return line[start] != "*" and before.isalnum() and after.isalnum()


def _starts_block(body: str) -> int:
    """The index of the character to escape so that a line does not start a block
    (heading, list, quote, thematic break, setext underline), or -1."""
    first = body[0]
    if first == "#":
        return 0 if _ATX.match(body) else -1
    if first == ">":
        return 0
    if first in "+-":
        if len(body) == 1 or body[1] in _SPACE or (first == "-" and _DASHES.fullmatch(body)):
            return 0
        return -1
    if first == "=":
        return 0 if body.strip("=") == "" else -1
    if first.isdigit():
        marker = _ORDERED_MARKER.match(body)
        return marker.end() - (2 if marker.group().endswith((" ", "\t")) else 1) if marker else -1
    return -1


def escape_line(
    line: str,
    *,
    at_start: bool = True,
    heading: bool = False,
    open_start: bool = False,
    open_end: bool = False,
) -> str:
    """One line of the author's text (no line breaks in it) as literal inline Markdown.

    `at_start`: the line starts a line of the Markdown (a paragraph's line, a list
    item's or a quote's), where `#`, `>`, `-`, `+`, `=`, `1.` would start a block.
    `heading`: the line ends an ATX heading's text, whose closing `#`s would vanish.
    `open_start` / `open_end`: the text is a piece of a line that other Markdown
    precedes / follows (a label, a link): white space there stays as it is, and the
    piece's ends count as neither space nor letter.
    """
    body = line if open_start else line.lstrip()
    body = body if open_end else body.rstrip()
    if not body.strip():
        return "".join(_reference(c) for c in line) if not (open_start or open_end) else line
    lead = line[: len(line) - len(line.lstrip())] if not open_start else ""
    trail = line[len(lead) + len(body) :]
    if _MAYBE_MARKUP.search(body) is not None:
        body = _escape_body(
            body,
            at_start=at_start and not lead and not open_start,
            heading=heading and not trail and not open_end,
        )
    if lead or trail:
        return "".join(map(_reference, lead)) + body + "".join(map(_reference, trail))
    return body


def _escape_body(body: str, *, at_start: bool, heading: bool) -> str:
    escaped = [False] * len(body)
    if at_start:
        index = _starts_block(body)
        if index >= 0:
            escaped[index] = True
    if heading and body.endswith("#"):
        start = len(body.rstrip("#"))
        if start == 0 or body[start - 1] in _SPACE:
            escaped[start] = True
    index = 0
    size = len(body)
    while index < size:
        char = body[index]
        if char in "*_~":
            end = _run_end(body, index)
            if not _run_is_text(body, index, end):
                for position in range(index, end):
                    escaped[position] = True
            index = end
            continue
        if char == "\\":
            escaped[index] = index + 1 == size or body[index + 1] in _ASCII_PUNCTUATION
        elif char in "`|":
            escaped[index] = True
        elif char == "]":
            escaped[index] = index + 1 < size and body[index + 1] in "([:"
        elif char == "<":
            escaped[index] = index + 1 < size and body[index + 1] in _AFTER_ANGLE
        elif char == "&":
            escaped[index] = _ENTITY.match(body, index) is not None
        index += 1
    if not any(escaped):
        return body
    return "".join("\\" + c if flag else c for c, flag in zip(body, escaped, strict=True))


def escape_lines(text: str, *, indent: str = "", at_start: bool = True) -> str:
    """The author's text as literal Markdown, lines joined by hard breaks.

    `indent` is put before every line but the first: the indentation of a list item's
    content, or `"> "` inside a quote. `at_start`: whether the first line starts a
    line of the Markdown (not so after a label: `**Label:** value`); the others do.
    """
    lines = text_lines(text)
    return (HARD_BREAK + indent).join(
        escape_line(line, at_start=at_start or index > 0) for index, line in enumerate(lines)
    )


def inline_text(text: str) -> str:
    """The author's text as one line shows it (a heading, a table cell): its lines,
    each without spaces and tabs at either end, joined by single spaces."""
    return " ".join(line.strip(" \t") for line in text_lines(text))


def escape_inline(text: str, *, heading: bool = False) -> str:
    """The author's text on one line (a heading or a table cell), as `inline_text`
    shows it, as literal Markdown."""
    return escape_line(inline_text(text), at_start=False, heading=heading)


def escape_text(text: str) -> str:
    """The author's text as literal Markdown text (a paragraph); line breaks become hard breaks."""
    return escape_lines(text)


def is_multiline(text: str) -> bool:
    """Whether `text` shows as more than one line."""
    return len(text_lines(text)) > 1
