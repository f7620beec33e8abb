"""Formats of single values: web addresses, hashtags and time zone names."""

from __future__ import annotations

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


@lru_cache(maxsize=_CACHED)
def url_password(value: str) -> bool:
    """Whether a URL carries a password (`https://user:secret@host`)."""
    try:
        return bool(urllib.parse.urlsplit(value).password)
    except ValueError:
        return False


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
def _zone_names() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


def is_time_zone(value: str) -> bool:
    """An IANA time zone name known to the tz database, such as Europe/Kyiv."""
    return value in _zone_names()
