"""Building blocks of the exported document: reading plain policy data defensively and
adding labelled fields, lists and tables of entries to a `exports.blocks.Document`.

Values of the wrong type (the wizard previews policies with errors) are shown as text
or skipped; a required part that is absent reads "not defined yet".
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from exports.blocks import (
    Block,
    Bullets,
    Fields,
    Heading,
    Inline,
    Paragraph,
    Quote,
    Span,
    Table,
)
from exports.escape import clean_text, inline_text, text_lines
from exports.wording import (
    CHOICE_GROUPS,
    Case,
    DocLanguage,
    choice_word,
    format_date,
    format_minutes,
    word,
)

DEFAULTS: dict[str, str] = {"status": "active", "category": "other"}
"""What an absent enumerated value means (platforms are active, tools "other")."""

_SAFE_URL = re.compile(r"https?://[^\s<>\\]+", re.IGNORECASE)
_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
_PHONE = re.compile(
    r"\+[0-9][0-9 ()\-]{6,18}[0-9]|\(?0[0-9]{2}\)?[ \-]?[0-9]{3}[ \-]?[0-9]{2}[ \-]?[0-9]{2}"
)
_CONTACT = re.compile(f"(?P<email>{_EMAIL.pattern})|(?P<phone>{_PHONE.pattern})")


@dataclass(frozen=True)
class Field:
    """A key shown with a label: how to render it and whether it is required."""

    key: str
    label: str
    """A key of the `document` catalogue (`exports.wording.word`)."""
    kind: str = "text"
    """text, list, url, contact, minutes, within_minutes (after "Within": a genitive
    in Ukrainian), hours, date, or a group of `CHOICE_GROUPS` (status, goal, style, …)."""
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


def shown(value: str) -> str:
    """The author's text as the document shows it: its lines (control characters as
    visible escapes, no blank lines at either end) joined by line breaks."""
    return "\n".join(text_lines(value))


def is_link(url: str) -> bool:
    """Whether a URL is made a link: http(s), one line, nothing a reader cannot see."""
    return _SAFE_URL.fullmatch(url) is not None and clean_text(url) == url


def url_spans(url: str) -> Inline:
    """A URL: a link whose text and target are the URL as written, or, when it is not
    http(s) (or holds white space or controls), plain text."""
    if is_link(url):
        return (Span(url, "link", url),)
    return (Span(shown(url)),)


def contact_spans(value: str) -> Inline:
    """Contact text with its e-mail addresses as `mailto:` links and its phone numbers
    (international, `+380 44 000 0000`, or Ukrainian, `(044) 000-00-00`) as `tel:` links."""
    text = shown(value)
    result: list[Span] = []
    position = 0
    for match in _CONTACT.finditer(text):
        if match.start() > position:
            result.append(Span(text[position : match.start()]))
        found = match.group()
        if match.group("email"):
            result.append(Span(found, "link", f"mailto:{found}"))
        else:
            digits = re.sub(r"[^0-9]", "", found)
            number = f"+{digits}" if found.startswith("+") else digits
            result.append(Span(found, "link", f"tel:{number}"))
        position = match.end()
    if position < len(text):
        result.append(Span(text[position:]))
    return tuple(result)


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
    """The document being built: its language, the missing paths and its blocks."""

    def __init__(self, lang: DocLanguage, missing: frozenset[str], include_access: bool) -> None:
        self.lang: DocLanguage = lang
        self.missing = missing
        self.include_access = include_access
        self.words = Words(lang)
        self.blocks: list[Block] = []

    def word(self, key: str, /, **params: object) -> str:
        """A word or sentence of the document in its language, params filled in."""
        return word(key, self.lang, **params)

    # Reading values.

    def needed(self, path: str, required: bool) -> bool:
        """Whether an absent value at `path` must read "not defined yet"."""
        return required or path in self.missing

    def undefined(self) -> Inline:
        """ "not defined yet", styled as such."""
        return (Span(self.words["undefined"], "undefined"),)

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
        return inline_text(self.plain(value) or "")

    def duration(self, value: object, case: Case = "nominative") -> str | None:
        """Minutes as words ("1 hour 30 minutes", in a Ukrainian sentence in `case`);
        another value as text; None when absent."""
        if isinstance(value, int) and not isinstance(value, bool) and value > 0:
            return format_minutes(value, self.lang, case)
        text = self.plain(value)
        return inline_text(text) if text else None

    def joined(self, value: object, separator: str = ", ") -> str | None:
        """An array of short strings on one line; None when empty."""
        items = self.texts(value)
        return separator.join(inline_text(item) for item in items) if items else None

    def spans(self, value: object, kind: str = "text") -> Inline | None:
        """The value as spans; None when absent."""
        if value is None and kind in DEFAULTS:
            value = DEFAULTS[kind]
        if kind in ("list", "hashtags"):
            joined = self.joined(value, " " if kind == "hashtags" else ", ")
            return (Span(joined),) if joined else None
        if isinstance(value, list):
            joined = self.joined(value) if kind in ("text", "contact") else None
            return (Span(joined),) if joined else None
        if kind in ("minutes", "within_minutes", "hours"):
            if kind == "hours" and isinstance(value, int) and not isinstance(value, bool):
                value = value * 60 if value > 0 else value
            case: Case = "genitive" if kind != "minutes" else "nominative"
            text = self.duration(value, case)
            return (Span(text),) if text else None
        text = self.plain(value)
        if text is None:
            return None
        if kind == "url" and isinstance(value, str):
            return url_spans(value)
        if kind == "contact" and isinstance(value, str):
            return contact_spans(value)
        if kind in CHOICE_GROUPS:
            return (Span(self.choice(kind, value)),)
        return (Span(shown(text)),)

    def cell(
        self, value: object, path: str, *, required: bool = False, kind: str = "text"
    ) -> Inline:
        """The value's spans, "not defined yet" when absent but needed, else none."""
        rendered = self.spans(value, kind)
        if rendered is not None:
            return rendered
        return self.undefined() if self.needed(path, required) else ()

    # Adding blocks.

    def add(self, block: Block) -> None:
        """Add a block."""
        self.blocks.append(block)

    def heading(self, level: int, text: str | Inline, anchor: str = "") -> None:
        """A heading of our words (a string) or of spans."""
        spans = (Span(text),) if isinstance(text, str) else text
        self.blocks.append(Heading(level, spans, anchor))

    def paragraph(self, spans: Inline | str, role: str = "") -> None:
        """A paragraph of spans or of our words."""
        self.blocks.append(Paragraph((Span(spans),) if isinstance(spans, str) else spans, role))

    def undefined_block(self) -> None:
        """A paragraph saying that this part is not defined yet."""
        self.paragraph(self.undefined())

    def block(
        self, value: object, path: str, *, required: bool = False, kind: str = "text"
    ) -> None:
        """The value as a paragraph (line breaks kept), or "not defined yet" when needed."""
        spans = self.cell(value, path, required=required, kind=kind)
        if spans:
            self.paragraph(spans)

    def quote(self, value: str) -> None:
        """The author's text quoted as it is to be used."""
        self.blocks.append(Quote((Span(shown(value)),)))

    def items(self, value: object, path: str, *, required: bool = False) -> None:
        """An array of strings as a bullet list, or "not defined yet" when needed."""
        texts = self.texts(value)
        if texts:
            self.blocks.append(Bullets(tuple((Span(shown(text)),) for text in texts)))
        elif self.needed(path, required):
            self.undefined_block()

    def field_items(
        self, table: Mapping[str, Any], path: str, fields: Sequence[Field]
    ) -> list[tuple[str, Inline]]:
        """The labelled values of the fields that show."""
        result = []
        for field in fields:
            spans = self.cell(
                table.get(field.key),
                f"{path}.{field.key}",
                required=field.required,
                kind=field.kind,
            )
            if spans:
                result.append((self.words[field.label], spans))
        return result

    def fields(self, table: Mapping[str, Any], path: str, fields: Sequence[Field]) -> None:
        """The fields that show, as labelled values."""
        self.add_fields(self.field_items(table, path, fields))

    def add_fields(self, items: Sequence[tuple[str, Inline]]) -> None:
        """Labelled values, when there are any."""
        if items:
            self.blocks.append(Fields(tuple(items)))

    def entry_name(self, entry: Mapping[str, Any], index: int, key: str, label: str) -> Inline:
        """An entry's name, or "Platform 2: not defined yet"."""
        name = self.plain(entry.get(key))
        if name is not None:
            return (Span(inline_text(name)),)
        return (
            Span(f"{self.word(label + '_n', n=index + 1)}: "),
            *self.undefined(),
        )


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
    """Entries as a table of their name and short fields (the columns any entry fills),
    whatever their length: the layout never changes because one value grew; then a
    subsection for each entry that has details."""
    rows: list[list[Inline]] = []
    for index, entry in items:
        entry_path = f"{path}[{index}]"
        name = doc.entry_name(entry, index, name_key, name_label)
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
    kept = [0, *(i + 1 for i in range(len(columns)) if any(row[i + 1] for row in rows))]
    labels = [name_label, *(field.label for field in columns)]
    doc.add(
        Table(
            tuple(doc.words[labels[i]] for i in kept),
            tuple(tuple(row[i] for i in kept) for row in rows),
        )
    )
    for index, entry in items:
        lines = doc.field_items(entry, f"{path}[{index}]", details)
        if lines:
            doc.heading(level, doc.entry_name(entry, index, name_key, name_label))
            doc.add(Fields(tuple(lines)))
