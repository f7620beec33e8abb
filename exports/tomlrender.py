"""TOML text of policy values: keys, strings, tables, and a whole new policy file.

Everything here writes `\\n` line breaks; the caller turns them into the file's own
newline style. Key order follows the models in `schemas.model` (unknown keys after
them, in the order given), so a file the wizard creates reads like the format's example.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import types
import typing
from collections.abc import Mapping, Sequence
from functools import cache
from typing import TYPE_CHECKING, Any

from schemas.controls import BIDI_CONTROLS
from schemas.keypath import KeyPath

if TYPE_CHECKING:
    from pydantic import BaseModel

_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
_CONTROL = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{BIDI_CONTROLS}]")
"""What a string is never written with raw: TOML forbids the C0 controls (tab aside)
and DEL; the C1 controls and the bidirectional ones it allows, but a file that holds
them raw would act on the terminal that shows it (`cat`, `git diff`), so they are
written as `\\u` escapes too (`schemas.controls`)."""
_BASIC_ESCAPES = {"\\": "\\\\", '"': '\\"', "\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f"}
_BASIC_ESCAPES["\r"] = "\\r"

MAX_LINE = 100
"""Arrays whose line would be longer are written one item per line."""
ARRAY_INDENT = "  "
HEADER_COMMENTS: dict[str, tuple[str, str, str]] = {
    "en": (
        "# Brand presence policy of {name}.",
        "# Brand presence policy.",
        "# Hand edits are welcome: comments and key order survive when the wizard saves.",
    ),
    "uk": (
        "# Політика представленості бренду: {name}.",
        "# Політика представленості бренду.",
        "# Файл можна правити вручну: коментарі й порядок ключів збережуться, коли майстер"
        " записуватиме зміни.",
    ),
}
"""The two comment lines opening a new file, in the document's language: the title
(with the company's name, or without one) and the note on hand edits."""


def render_key(key: str) -> str:
    """A key as TOML writes it: bare when it can be, else a quoted string."""
    return key if _BARE_KEY.fullmatch(key) else render_basic_string(key)


def render_header_key(path: KeyPath) -> str:
    """The dotted key of a table header; array indexes are implied by the header's place."""
    return ".".join(render_key(part) for part in path if isinstance(part, str))


def render_basic_string(text: str) -> str:
    """A one-line basic string with every character TOML needs escaped."""
    out = [_BASIC_ESCAPES.get(char) or _control_escape(char) for char in text]
    return '"' + "".join(out) + '"'


def render_multiline_string(text: str) -> str:
    """A `\"\"\"` string that reads back exactly as `text`.

    The newline right after the opening quotes is dropped by TOML, so one is always
    written; backslashes, control characters and any quote that could close the string
    early are escaped.
    """
    out: list[str] = []
    last = len(text) - 1
    for index, char in enumerate(text):
        if char == "\\":
            out.append("\\\\")
        elif char == '"':
            closing = index == last or text[index + 1] == '"'
            out.append('\\"' if closing else '"')
        elif char in "\n\t":
            out.append(char)
        elif char == "\r":
            out.append("\\r")
        else:
            out.append(_control_escape(char))
    return '"""\n' + "".join(out) + '"""'


def _control_escape(char: str) -> str:
    return f"\\u{ord(char):04X}" if _CONTROL.match(char) else char


def render_value(value: Any, *, one_line: bool = False) -> str:
    """Any policy value as inline TOML: arrays and tables on one line; a string with a
    line break as a `\"\"\"` string, or with `\\n` escapes when `one_line` is asked for."""
    if isinstance(value, str):
        if "\n" in value and not one_line:
            return render_multiline_string(value)
        return render_basic_string(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return "nan"
        if math.isinf(value):
            return "inf" if value > 0 else "-inf"
        return repr(value)
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, Mapping):
        items = [
            f"{render_key(str(k))} = {render_value(v, one_line=one_line)}"
            for k, v in value.items()
            if v is not None
        ]
        return "{ " + ", ".join(items) + " }" if items else "{}"
    if isinstance(value, Sequence):
        return "[" + ", ".join(render_value(item, one_line=one_line) for item in value) + "]"
    raise TypeError(f"cannot write a {type(value).__name__} value to TOML")


def is_table_like(value: Any) -> bool:
    """Whether a value is written as a `[table]` or `[[array of tables]]` block."""
    if isinstance(value, Mapping):
        return True
    return (
        isinstance(value, list) and bool(value) and all(isinstance(item, Mapping) for item in value)
    )


@cache
def field_order(path: KeyPath) -> tuple[str, ...]:
    """The model's key order of the table at a key path (empty for unknown tables)."""
    from schemas.model import Policy, file_keys  # the models load only when a file is written

    model: type[BaseModel] | None = Policy
    for part in path:
        if model is None:
            return ()
        if isinstance(part, int):
            continue
        info = model.model_fields.get(file_keys(model).get(part, ""))
        model = None if info is None else _table_model(info.annotation)
    return () if model is None else tuple(file_keys(model))


def _table_model(annotation: Any) -> type[BaseModel] | None:
    from pydantic import BaseModel

    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType, list):
        for arg in typing.get_args(annotation):
            found = _table_model(arg)
            if found is not None:
                return found
    return None


def ordered_keys(path: KeyPath, data: Mapping[str, Any]) -> list[str]:
    """The keys of a table in writing order: the model's order, then unknown keys as given."""
    order = field_order(path)
    known = [key for key in order if key in data]
    return known + [key for key in data if key not in order]


def render_key_value(key: str, value: Any) -> str:
    """A `key = value` line; an array too long for one line gets one item per line."""
    line = f"{render_key(key)} = {render_value(value)}\n"
    if len(line) <= MAX_LINE or not isinstance(value, list) or not value:
        return line
    items = "".join(f"{ARRAY_INDENT}{render_value(item)},\n" for item in value)
    return f"{render_key(key)} = [\n{items}]\n"


def render_table_body(path: KeyPath, data: Mapping[str, Any]) -> list[str]:
    """The `key = value` lines of a table, without its header or sub-tables."""
    return [
        render_key_value(key, data[key])
        for key in ordered_keys(path, data)
        if data[key] is not None and not is_table_like(data[key])
    ]


def render_blocks(path: KeyPath, key: str, value: Any) -> str:
    """The header blocks of a sub-table or array of tables, blocks separated by a blank line."""
    child = (*path, key)
    if isinstance(value, Mapping):
        return render_table(child, value, array=False)
    return "\n".join(
        render_table((*child, index), entry, array=True) for index, entry in enumerate(value)
    )


def render_table(path: KeyPath, data: Mapping[str, Any], *, array: bool) -> str:
    """A table with its header, its keys and then its sub-tables."""
    header = render_header_key(path)
    lines = [f"[[{header}]]\n" if array else f"[{header}]\n", *render_table_body(path, data)]
    return "".join(lines) + _sub_blocks(path, data)


def _sub_blocks(path: KeyPath, data: Mapping[str, Any]) -> str:
    return "".join(
        "\n" + render_blocks(path, key, data[key])
        for key in ordered_keys(path, data)
        if data[key] is not None and is_table_like(data[key])
    )


def render_new_policy(data: Mapping[str, Any]) -> str:
    """A tidy new policy file: header comment (in the document's language), keys in the
    format's order, tables apart."""
    document = data.get("document")
    if not isinstance(document, Mapping):
        document = {}
    company, language = document.get("company"), document.get("language")
    named, unnamed, hand_edits = HEADER_COMMENTS.get(
        language if isinstance(language, str) else "en", HEADER_COMMENTS["en"]
    )
    if isinstance(company, str) and _CONTROL.sub("", company).strip():
        title = named.format(name=" ".join(_CONTROL.sub("", company).split()))
    else:
        title = unnamed
    header = f"{title}\n{hand_edits}\n"
    return header + "".join(render_table_body((), data)) + _sub_blocks((), data)
