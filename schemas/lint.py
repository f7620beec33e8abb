"""Warnings: advice that blocks nothing (the policy is handed to contractors).

- `secret_value` — a string anywhere that looks like a password or token:
  `password: …`, `pass=…`, `пароль: …`, `token: …`, `api key = …`, a URL with a
  password, or a long high-entropy word mixing letters and digits. A mere mention
  ("password manager", «менеджер паролів», "password: in the vault") is fine.
- `no_owner` — an active platform (status absent counts as active) without owner.
- `two_factor_off` — an active platform with `two_factor = false`.
- `too_many_hashtags` — a rubric with more hashtags than a platform it runs on shows.
- `unmatched_brace` — a template text with an unmatched `{` or `}`.
- `review_overdue` — `review_by` before today.

Only values of the right type are looked at, and no warning is given at a key path
that already has an error.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
import re
from collections import Counter
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from schemas.collect import Problems, entries, name_key, strings, subtable, text
from schemas.fields import FieldSpec, TableSpec, root
from schemas.formats import url_password
from schemas.keypath import PathPart, format_path
from schemas.problems import ParamValue

Table = Mapping[Any, Any]

HASHTAG_LIMITS: dict[str, int] = {"instagram": 5, "threads": 1, "youtube": 15}
"""How many hashtags a platform shows at most (Instagram 5 since December 2025)."""

_KEYWORD = (
    r"(?:password|passwd|passcode|pass|pwd|пароль|пароля|паролі|токен|token|"
    r"api[\s_-]?key|apikey|secret|secret[\s_-]?key|access[\s_-]?token|ключ)"
)
_SECRET = re.compile(
    rf"(?<!\w)(?P<keyword>{_KEYWORD})(?!\w)"
    r"(?:\s+(?:for|to|of|від|до|для)\s+[\w.@-]+)?"  # "password for Instagram: …"
    r"\s*(?P<separator>[:=]|\s[—–-]\s|—|–)\s*(?P<value>\S+)",
    re.IGNORECASE,
)
_PLAIN_WORD_KEYWORD = re.compile(r"secret|token|токен|ключ", re.IGNORECASE)
"""Keywords that are also plain words ("Secret: our starter is 40 years old", «Ключ:
довіра»): after one of them and `:` or a dash, only a value that looks like a
credential counts; after `=` (how settings are written), any value."""
_CREDENTIAL_MARKS = frozenset("0123456789!@#$%^&*_+=/\\|~")
_NOT_A_SECRET = frozenset(
    {
        "in",
        "at",
        "is",
        "see",
        "ask",
        "stored",
        "kept",
        "from",
        "the",
        "a",
        "an",
        "with",
        "by",
        "on",
        "via",
        "only",
        "not",
        "never",
        "no",
        "none",
        "managed",
        "held",
        "lives",
        "saved",
        "shared",
        "given",
        "set",
        "changed",
        "tbd",
        "n/a",
        "manager",
        "vault",
        "1password",
        "bitwarden",
        "keepass",
        "lastpass",
        "у",
        "в",
        "на",
        "з",
        "із",
        "зі",
        "див",
        "див.",
        "зберігається",
        "лежить",
        "менеджері",
        "менеджер",
        "сейфі",
        "немає",
        "ні",
        "не",
    }
)
_TRIM = "\"'()[]{}<>,.;:!?«»“”„‘’`"
_DOMAIN = re.compile(r"^[\w-]+(\.[\w-]+)+(/|$)")
MIN_SECRET_WORD = 20
"""The shortest word looked at as a possible random secret."""
_LONG_WORD = re.compile(rf"\S{{{MIN_SECRET_WORD},}}")
MIN_ENTROPY_BITS = 3.5
"""Shannon entropy per character from which a long mixed word looks random."""


def _entropy(word: str) -> float:
    counts = Counter(word)
    return -sum(n / len(word) * math.log2(n / len(word)) for n in counts.values())


def _looks_random(word: str) -> bool:
    """A long word mixing letters and digits in an irregular way, not an address."""
    word = word.strip(_TRIM)
    if len(word) < MIN_SECRET_WORD or "://" in word or "@" in word or word.startswith("#"):
        return False
    if word.lower().startswith("www.") or _DOMAIN.match(word):
        return False
    alnum = [ch for ch in word if ch.isalnum()]
    switches = sum(1 for a, b in itertools.pairwise(alnum) if a.isdigit() != b.isdigit())
    return switches >= 3 and _entropy(word) >= MIN_ENTROPY_BITS


@lru_cache(maxsize=8192)
def looks_like_secret(value: str) -> bool:
    """Whether a text seems to hold a password, token or key rather than where one is kept."""
    for match in _SECRET.finditer(value):
        shown = match.group("value").strip(_TRIM)
        if len(shown) < 3 or shown.casefold() in _NOT_A_SECRET:
            continue
        if (
            match.group("separator") == "="
            or not _PLAIN_WORD_KEYWORD.fullmatch(match.group("keyword"))
            or _credential_like(shown)
        ):
            return True
    return any(_looks_random(m.group()) for m in _LONG_WORD.finditer(value))


def _credential_like(word: str) -> bool:
    """A word with a digit or a symbol in it, or capitals after its first letter."""
    if any(ch in _CREDENTIAL_MARKS for ch in word):
        return True
    return any(ch.isupper() for ch in word[1:]) and any(ch.islower() for ch in word)


def unmatched_brace(value: str) -> str | None:
    """The first `{` or `}` without its pair, else None."""
    depth = 0
    for ch in value:
        if ch == "{":
            depth += 1
        elif ch == "}":
            if depth == 0:
                return "}"
            depth -= 1
    return "{" if depth else None


def _warn(out: Problems, parts: tuple[PathPart, ...], code: str, **params: ParamValue) -> None:
    if not out.has_error(format_path(parts)):
        out.add(parts, "warning", code, **params)


def _scan_secrets(
    value: Any, spec: TableSpec | FieldSpec, parts: tuple[PathPart, ...], out: Problems
) -> None:
    """A `secret_value` warning for each string of a known key that looks like a secret."""
    if isinstance(spec, FieldSpec):
        if spec.kind == "string" and isinstance(value, str):
            if looks_like_secret(value) or (parts[-1] == "url" and url_password(value)):
                _warn(out, parts, "secret_value")
            return
        if spec.kind == "array" and isinstance(value, list) and spec.item is not None:
            for i, item in enumerate(value):
                _scan_secrets(item, spec.item, (*parts, i), out)
            return
        if spec.table is None:
            return
        spec = spec.table
    if isinstance(value, Mapping):
        for key, field in spec.fields.items():
            if key in value:
                _scan_secrets(value[key], field, (*parts, key), out)


def check_lint(data: Table, out: Problems, today: dt.date) -> None:
    """Add the warnings for `data`."""
    _scan_secrets(data, root(), (), out)
    for i, platform in entries(data, "platforms"):
        status = platform.get("status", "active")
        if status != "active":
            continue
        if "owner" not in platform:
            _warn(out, ("platforms", i, "owner"), "no_owner")
        if platform.get("two_factor") is False:
            _warn(out, ("platforms", i, "two_factor"), "two_factor_off")
    _, communication = subtable(data, "communication")
    for i, template in entries(communication, "templates"):
        body = text(template, "text")
        brace = unmatched_brace(body) if body is not None else None
        if brace is not None:
            _warn(out, ("communication", "templates", i, "text"), "unmatched_brace", brace=brace)
    _, content = subtable(data, "content")
    for i, rubric in entries(content, "rubrics"):
        _check_hashtag_count(out, rubric, ("content", "rubrics", i))
    _, document = subtable(data, "document")
    review = document.get("review_by") if document is not None else None
    if isinstance(review, dt.date) and not isinstance(review, dt.datetime) and review < today:
        _warn(out, ("document", "review_by"), "review_overdue", review_by=review.isoformat())


def _check_hashtag_count(out: Problems, rubric: Table, parts: tuple[PathPart, ...]) -> None:
    tags = rubric.get("hashtags")
    if not isinstance(tags, list):
        return
    count = len(tags)
    exceeded = [
        (HASHTAG_LIMITS[name_key(name)], name.strip())
        for _, name in strings(rubric, "platforms")
        if name_key(name) in HASHTAG_LIMITS and count > HASHTAG_LIMITS[name_key(name)]
    ]
    if exceeded:
        limit, platform = min(exceeded)
        _warn(
            out,
            (*parts, "hashtags"),
            "too_many_hashtags",
            count=count,
            platform=platform,
            limit=limit,
        )
