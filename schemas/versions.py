"""Format versions: which keys need version 2, and the version a file's data needs.

Version 2 keeps every key of version 1 and adds keys to existing tables, six optional
sections and `[[acknowledgements]]`. A file that holds any of them needs
`schema_version = 2` (the rules report an error at each one under version 1); a file
of version 2 that holds none is valid too, and is never downgraded. The wizard raises
a version-1 policy to 2 when a version-2 key is added, and only then
(`version_to_write`).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from schemas.keypath import PathPart
from schemas.sections import OPTIONAL_SECTIONS
from schemas.text import is_blank

TOP_LEVEL_V2: tuple[str, ...] = (*OPTIONAL_SECTIONS, "acknowledgements")
"""Top-level keys of version 2."""

DOCUMENT_V2: tuple[str, ...] = ("scope", "approver_title", "approved_on")
PLATFORM_V2: tuple[str, ...] = ("admins", "account_email")
COMMUNICATION_V2: tuple[str, ...] = ("traits", "tones")
RUBRIC_V2: tuple[str, ...] = ("times", "per", "days", "time")
"""Keys version 2 adds to the tables of version 1."""


def _table(data: Mapping[Any, Any] | None, key: str) -> Mapping[Any, Any] | None:
    value = data.get(key) if data is not None else None
    return value if isinstance(value, Mapping) else None


def _entries(data: Mapping[Any, Any] | None, key: str) -> Iterator[tuple[int, Mapping[Any, Any]]]:
    value = data.get(key) if data is not None else None
    if isinstance(value, list):
        for index, entry in enumerate(value):
            if isinstance(entry, Mapping):
                yield index, entry


def _holds(table: Mapping[Any, Any] | None, key: str) -> bool:
    """Whether a table holds a key with a value (a blank string counts as absent; an
    empty table does not: an optional section included with nothing filled in)."""
    return table is not None and key in table and not is_blank(table[key])


def version_two_keys(data: Mapping[Any, Any]) -> Iterator[tuple[PathPart, ...]]:
    """The key path of every version-2 key the data holds (the outermost one: a whole
    section, not each key in it), in the file's order."""
    document = _table(data, "document")
    for key in DOCUMENT_V2:
        if _holds(document, key):
            yield ("document", key)
    for index, platform in _entries(data, "platforms"):
        for key in PLATFORM_V2:
            if _holds(platform, key):
                yield ("platforms", index, key)
    communication = _table(data, "communication")
    for key in COMMUNICATION_V2:
        if _holds(communication, key):
            yield ("communication", key)
    for index, rubric in _entries(_table(data, "content"), "rubrics"):
        for key in RUBRIC_V2:
            if _holds(rubric, key):
                yield ("content", "rubrics", index, key)
    for key in TOP_LEVEL_V2:
        if _holds(data, key):
            yield (key,)


def has_version_two_keys(data: Mapping[Any, Any]) -> bool:
    """Whether the data holds any key of version 2."""
    return next(version_two_keys(data), None) is not None


def needed_version(data: Mapping[Any, Any]) -> int:
    """The lowest format version that holds the data: 2 with a version-2 key, else 1."""
    return 2 if has_version_two_keys(data) else 1


def version_to_write(data: Mapping[Any, Any], saved: Mapping[Any, Any]) -> object:
    """The `schema_version` a policy edited from `saved` is written with: its own, raised
    to 2 when a version-2 key is there and it says 1, and back to 1 when the file said 1
    and no version-2 key is left (what was raised in the session only). Any other value
    (absent, wrong) is the author's to fix and stays as it is."""
    version = data.get("schema_version")
    if not _is_int(version):
        return version
    if version == 1 and has_version_two_keys(data):
        return 2
    was = saved.get("schema_version")
    if version == 2 and _is_int(was) and was == 1 and not has_version_two_keys(data):
        return 1
    return version


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)
