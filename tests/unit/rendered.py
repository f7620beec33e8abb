"""Reading an exported Markdown document back the way a reader sees it (for the export tests)."""

from __future__ import annotations

import html
import re
import tomllib
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.renderer import RendererHTML
from markdown_it.token import Token

from exports.escape import text_lines

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
EXAMPLE = FIXTURES / "rules" / "example-policy.toml"
"""The complete example of format version 1 (the built-in example is of version 2)."""
UK_POLICY = FIXTURES / "uk-policy.toml"
DRAFT_POLICY = FIXTURES / "draft-policy.toml"

ENUM_KEYS = frozenset(
    {
        "language",
        "status",
        "category",
        "goals",
        "goal",
        "style",
        "address",
        "emoji",
        "moderator_autonomy",
        "sections",
        "timezone",
        "per",
        "days",
    }
)
"""Keys whose values the document shows in its own words, not as written (a time
zone as its city: "Kyiv time")."""

_TAG = re.compile(r"<[^>]*>")


def example_path() -> Path:
    """The format's complete example policy of version 1, every key of which the
    document shows."""
    return EXAMPLE


def load(path: Path) -> dict[str, Any]:
    """A policy file as plain data."""
    with path.open("rb") as file:
        return tomllib.load(file)


def parser() -> MarkdownIt:
    """The reading parser: CommonMark with tables, raw HTML on (so any leak shows as a token)."""
    return MarkdownIt("commonmark").enable("table")


def tokens(markdown: str) -> list[Token]:
    """Block tokens with their inline children flattened in after them."""
    return flatten(parser().parse(markdown))


def flatten(stream: list[Token]) -> list[Token]:
    """Block tokens with their inline children flattened in after them."""
    result: list[Token] = []
    for token in stream:
        result.append(token)
        result.extend(token.children or [])
    return result


def strip_tags(rendered: str) -> str:
    """Rendered HTML as the text a reader sees."""
    return html.unescape(_TAG.sub("", rendered))


def visible_text(markdown: str) -> str:
    """The whole document's text as a reader sees it."""
    return strip_tags(parser().render(markdown))


def headings(markdown: str, level: int) -> list[str]:
    """The text of each heading of `level`, in order."""
    return headings_of(parser().parse(markdown), level)


def headings_of(stream: list[Token], level: int) -> list[str]:
    """The text of each heading of `level` in a parsed (not flattened) token stream."""
    md = parser()
    found: list[str] = []
    for index, token in enumerate(stream):
        if token.type == "heading_open" and token.tag == f"h{level}":
            inline = stream[index + 1]
            rendered = RendererHTML().renderInline(inline.children or [], md.options, {})
            found.append(strip_tags(rendered).strip())
    return found


def author_strings(data: object, *, include_access: bool, key: str = "") -> Iterator[str]:
    """Every string of the author's text in the policy (not enumerations, not dates)."""
    if key in ENUM_KEYS or (key == "access" and not include_access):
        return
    if isinstance(data, str):
        yield data
    elif isinstance(data, Mapping):
        for sub_key, value in data.items():
            yield from author_strings(value, include_access=include_access, key=sub_key)
    elif isinstance(data, list):
        for item in data:
            yield from author_strings(item, include_access=include_access, key=key)


def missing_lines(data: Mapping[str, Any], markdown: str, *, include_access: bool) -> list[str]:
    """Lines of the author's text that the rendered document does not show literally."""
    return lines_not_in(data, visible_text(markdown), include_access=include_access)


def lines_not_in(data: Mapping[str, Any], text: str, *, include_access: bool) -> list[str]:
    """Lines of the author's text that `text` does not hold literally."""
    return [
        line.strip(" \t")
        for value in author_strings(data, include_access=include_access)
        for line in text_lines(value)
        if line.strip(" \t") not in text
    ]


def one_line(value: str) -> str:
    """A value as a heading or table cell shows it: lines joined by spaces."""
    return " ".join(line.strip(" \t") for line in text_lines(value)).strip()
