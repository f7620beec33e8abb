"""Building blocks of the exported document: reading plain policy data defensively and
writing labelled fields, lists and "table or subsections" entries in the document's language.

Values of the wrong type (the wizard previews policies with errors) are shown as text
or skipped; a required part that is absent reads "not defined yet".
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from exports.escape import clean_text, escape_inline, escape_lines, text_lines
from exports.mdwriter import MarkdownWriter
from exports.wording import (
    CHOICE_GROUPS,
    Case,
    DocLanguage,
    choice_word,
    format_date,
    format_minutes,
    word,
)

MAX_CELL_CHARS = 120
"""The longest Markdown a table cell takes; longer entries get subsections instead."""

DEFAULTS: dict[str, str] = {"status": "active", "category": "other"}
"""What an absent enumerated value means (platforms are active, tools "other")."""

_SAFE_URL = re.compile(r"https?://[^\s<>\\]+", re.IGNORECASE)


@dataclass(frozen=True)
class Field:
    """A key shown with a label: how to render it and whether it is required."""

    key: str
    label: str
    """A key of the `document` catalogue (`exports.wording.word`)."""
    kind: str = "text"
    """text, list, url, minutes, within_minutes (after "Within": a genitive in Ukrainian),
    or a group of `CHOICE_GROUPS` (status, goal, style, …)."""
    required: bool = False


def table_of(value: object) -> Mapping[str, Any]:
    """`value` when it is a table, else an empty one."""
    return value if isinstance(value, Mapping) else {}


def entries(value: object) -> list[tuple[int, Mapping[str, Any]]]:
    """The tables of an array of tables with their indexes; anything else is skipped."""
    if not isinstance(value, list):
        return []
    return [(index, item) for index, item in enumerate(value) if isinstance(item, Mapping)]


def revisions_newest_first(value: object) -> list[tuple[int, Mapping[str, Any]]]:
    """The `[[revisions]]` entries with their indexes, newest first: by date, and on the
    same day the later in the file first (entries are appended); entries without a
    date last, in the file's order."""

    def newest_first(entry: tuple[int, Mapping[str, Any]]) -> tuple[int, int, int]:
        index, revision = entry
        date = revision.get("date")
        if isinstance(date, dt.date):
            return (0, -date.toordinal(), -index)
        return (1, 0, index)

    return sorted(entries(value), key=newest_first)


def listed(value: object) -> list[object]:
    """The items of an array; a lone value counts as one item, an absent one as none."""
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]


def link(url: str) -> str:
    """A link whose text and target are the URL exactly as written; plain text unless
    it is http(s).

    In a link's destination Markdown decodes entities (`&copy;` would become ©) and
    backslash escapes: each `&` is escaped, so the target reads back as written, and
    each `|`, which would end a table cell (`<`, `>`, `\\` and white space are not in a
    URL taken as a link).
    """
    text = escape_inline(url)
    if _SAFE_URL.fullmatch(url.strip()) and clean_text(url) == url:
        target = url.strip().replace("&", "\\&").replace("|", "\\|")
        return f"[{text}](<{target}>)"
    return text


class Words(Mapping[str, str]):
    """The document's words in one language, by key (`words["undefined"]`): the
    `document` catalogue, a message without params each."""

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def __getitem__(self, key: str) -> str:
        return word(key, self.lang)

    def __iter__(self) -> Iterator[str]:
        from exports.texts import DOCUMENT
        from schemas.texts import domain

        return iter(domain(DOCUMENT).catalogue(self.lang))

    def __len__(self) -> int:
        return sum(1 for _ in self)


class Doc:
    """The document being written: its language, the missing paths and the writer."""

    def __init__(self, lang: DocLanguage, missing: frozenset[str], include_access: bool) -> None:
        self.lang = lang
        self.missing = missing
        self.include_access = include_access
        self.words = Words(lang)
        self.out = MarkdownWriter()

    def word(self, key: str, /, **params: object) -> str:
        """A word or sentence of the document in its language, params filled in."""
        return word(key, self.lang, **params)

    # Reading values.

    def needed(self, path: str, required: bool) -> bool:
        """Whether an absent value at `path` must read "not defined yet"."""
        return required or path in self.missing

    def plain(self, value: object) -> str | None:
        """A single value as plain text (None when blank, an array or a table)."""
        if isinstance(value, str):
            return value if value.strip() else None
        if isinstance(value, bool):
            return self.words["yes"] if value else self.words["no"]
        if isinstance(value, dt.date):
            return format_date(value, self.lang)
        if value is None or isinstance(value, list | Mapping):
            return None
        return str(value)

    def texts(self, value: object) -> list[str]:
        """The non-blank items of an array (or a lone value) as plain text."""
        return [text for item in listed(value) if (text := self.plain(item)) is not None]

    def choice(self, group: str, value: object) -> str:
        """The document's word for an enumerated value; anything else as the author's text."""
        named = choice_word(group, value, self.lang) if isinstance(value, str) else None
        if named is not None:
            return named
        return escape_inline(self.plain(value) or "")

    def duration(self, value: object, case: Case = "nominative") -> str | None:
        """Minutes as words ("1 hour 30 minutes", in a Ukrainian sentence in `case`);
        another value as text; None when absent."""
        if isinstance(value, int) and not isinstance(value, bool) and value > 0:
            return format_minutes(value, self.lang, case)
        text = self.plain(value)
        return escape_inline(text) if text else None

    def inline_list(self, value: object) -> str | None:
        """An array of short strings on one line, comma-separated; None when empty."""
        items = self.texts(value)
        return ", ".join(escape_inline(item) for item in items) if items else None

    def render(self, value: object, kind: str = "text") -> str | None:
        """The value as Markdown (lines joined by hard breaks); None when absent."""
        if value is None and kind in DEFAULTS:
            value = DEFAULTS[kind]
        if kind == "list":
            return self.inline_list(value)
        if isinstance(value, list):
            return self.inline_list(value) if kind == "text" else None
        if kind == "minutes":
            return self.duration(value)
        if kind == "within_minutes":  # under "Within" / «Протягом»
            return self.duration(value, "genitive")
        text = self.plain(value)
        if text is None:
            return None
        if kind == "url" and isinstance(value, str):
            return link(value) if len(text_lines(value)) == 1 else escape_lines(value)
        if kind in CHOICE_GROUPS:
            return self.choice(kind, value)
        return escape_lines(text)

    def cell(self, value: object, path: str, *, required: bool = False, kind: str = "text") -> str:
        """The value as Markdown, "not defined yet" when absent but needed, else empty."""
        rendered = self.render(value, kind)
        if rendered is not None:
            return rendered
        return self.words["undefined"] if self.needed(path, required) else ""

    @staticmethod
    def fits_cell(markdown: str) -> bool:
        """Whether rendered Markdown is short and single-line enough for a table cell."""
        return "\n" not in markdown and len(markdown) <= MAX_CELL_CHARS

    # Writing blocks.

    def undefined_block(self) -> None:
        """A paragraph saying that this part is not defined yet."""
        self.out.paragraph(self.words["undefined"])

    def block(self, value: object, path: str, *, required: bool = False) -> None:
        """The value as a paragraph (hard breaks kept), or "not defined yet" when needed."""
        rendered = self.cell(value, path, required=required)
        if rendered:
            self.out.paragraph(rendered)

    def items(self, value: object, path: str, *, required: bool = False) -> None:
        """An array of strings as a bullet list, or "not defined yet" when needed."""
        texts = self.texts(value)
        if texts:
            self.out.bullets([escape_lines(text) for text in texts])
        elif self.needed(path, required):
            self.undefined_block()

    def field_items(
        self, table: Mapping[str, Any], path: str, fields: Sequence[Field]
    ) -> list[str]:
        """The labelled list items ("**Label:** value") of the fields that show."""
        result = []
        for field in fields:
            rendered = self.cell(
                table.get(field.key),
                f"{path}.{field.key}",
                required=field.required,
                kind=field.kind,
            )
            if rendered:
                result.append(f"**{self.words[field.label]}:** {rendered}")
        return result

    def fields(self, table: Mapping[str, Any], path: str, fields: Sequence[Field]) -> None:
        """The fields that show, as a list of labelled items."""
        self.out.bullets(self.field_items(table, path, fields))

    def entry_heading(self, entry: Mapping[str, Any], index: int, key: str, label: str) -> str:
        """An entry's heading: its name, or "Platform 2: not defined yet"."""
        name = self.plain(entry.get(key))
        if name is not None:
            return escape_inline(name)
        return f"{self.word(label + '_n', n=index + 1)}: {self.words['undefined']}"


def write_entries(
    doc: Doc,
    items: Sequence[tuple[int, Mapping[str, Any]]],
    path: str,
    *,
    name_key: str,
    name_label: str,
    columns: Sequence[Field],
    details: Sequence[Field],
    level: int,
) -> None:
    """Entries as a table of their short fields plus a subsection each for the details,
    or, when any column value is long or multi-line, as a subsection each with every field.
    """
    rows: list[list[str]] = []
    for index, entry in items:
        entry_path = f"{path}[{index}]"
        name = doc.cell(entry.get(name_key), f"{entry_path}.{name_key}", required=True)
        cells = [
            doc.cell(
                entry.get(field.key),
                f"{entry_path}.{field.key}",
                required=field.required,
                kind=field.kind,
            )
            for field in columns
        ]
        rows.append([name, *cells])
    if all(doc.fits_cell(cell) for row in rows for cell in row):
        shown = [0, *(i + 1 for i in range(len(columns)) if any(row[i + 1] for row in rows))]
        labels = [name_label, *(field.label for field in columns)]
        doc.out.table(
            [doc.words[labels[i]] for i in shown], [[row[i] for i in shown] for row in rows]
        )
        fields, always = details, False
    else:
        fields, always = [*columns, *details], True
    for index, entry in items:
        entry_path = f"{path}[{index}]"
        lines = doc.field_items(entry, entry_path, fields)
        if lines or always:
            doc.out.heading(level, doc.entry_heading(entry, index, name_key, name_label))
            doc.out.bullets(lines)
