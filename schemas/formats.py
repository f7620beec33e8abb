"""Formats of single values: web addresses, hashtags and time zone names."""

from __future__ import annotations

import importlib.util
import os
import re
import unicodedata
import urllib.parse
import zoneinfo
from functools import cache, lru_cache

_CACHED = 8192
"""How many recent values each check remembers: the wizard checks on every keystroke."""

HASHTAG_MAX_CHARS = 100
"""The longest hashtag, `#` included."""

_JOINERS = frozenset("\u200c\u200d")
"""Zero-width non-joiner and joiner: part of words in some scripts."""

_URL_FORBIDDEN = re.compile(r'[\s<>"{}|\\^`\x00-\x1f\x7f-\x9f]')
"""Characters a URL never holds as written: spaces, controls, `<>"{}|\\^` and backquote."""


@lru_cache(maxsize=_CACHED)
def is_web_url(value: str) -> bool:
    """An absolute http or https URL with a host, as written (no spaces, nothing rewritten)."""
    if _URL_FORBIDDEN.search(value):
        return False
    try:
        parts = urllib.parse.urlsplit(value)
        _ = parts.port  # raises ValueError for a port that is not a number
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.hostname)


def _word_start(ch: str) -> bool:
    return ch == "_" or unicodedata.category(ch)[0] in "LN"


def _word_char(ch: str) -> bool:
    return _word_start(ch) or unicodedata.category(ch)[0] == "M" or ch in _JOINERS


@lru_cache(maxsize=_CACHED)
def is_hashtag(value: str) -> bool:
    """`#` then a letter (any script), digit or `_`, then those or combining marks."""
    return (
        len(value) >= 2
        and value[0] == "#"
        and _word_start(value[1])
        and all(_word_char(ch) for ch in value[2:])
    )


@cache
def _packaged_zone_names() -> frozenset[str]:
    """The zones listed by the `tzdata` package: one small file, no folder walk."""
    # `importlib.resources` would cost more to import than the lookup itself.
    try:
        spec = importlib.util.find_spec("tzdata")
    except ImportError:
        return frozenset()
    if spec is None or not spec.submodule_search_locations:
        return frozenset()
    for folder in spec.submodule_search_locations:
        try:
            with open(os.path.join(folder, "zones"), encoding="utf-8") as f:
                return frozenset(line.strip() for line in f if line.strip())
        except OSError:
            continue
    return frozenset()


def _system_zone_file(value: str) -> bool:
    """Whether a system tz folder holds `value` as `available_timezones()` would list it.

    The same test that function makes for each file it walks (a TZif file, not in
    the `posix/` or `right/` folders, not `posixrules`), for one name only; and not
    `localtime`, the system's alias of its own zone, which is no IANA name.
    """
    parts = value.split("/")
    if (
        value in ("posixrules", "localtime")
        or parts[0] in ("posix", "right")
        or any(part in ("", ".", "..") for part in parts)
        or "\\" in value
        or "\0" in value
    ):
        return False
    for root in zoneinfo.TZPATH:
        try:
            with open(os.path.join(root, *parts), "rb") as f:
                if f.read(4) == b"TZif":
                    return True
        except OSError:
            continue
    return False


@lru_cache(maxsize=_CACHED)
def is_time_zone(value: str) -> bool:
    """An IANA time zone name known to the tz database, such as Europe/Kyiv.

    The names `zoneinfo.available_timezones()` lists, without walking the whole tz
    folder (tens of milliseconds) for the one name a policy holds.
    """
    return value in _packaged_zone_names() or _system_zone_file(value)
