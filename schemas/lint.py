"""Warnings: advice that blocks nothing (the policy is handed to contractors).

- `secret_value` — a string anywhere that looks like a password, token or key
  (`schemas.secrets`: token formats, credentials in a URL, secret words in English
  and Ukrainian with a value that looks like a credential, a login / password pair,
  a long random word). A mention of where a secret is kept ("password manager",
  «менеджер паролів», "Password: in the vault") is fine.
- `no_owner` — an active platform (status absent counts as active) without owner.
- `two_factor_off` — an active platform with `two_factor = false`.
- `too_many_hashtags` — a rubric with more hashtags than a platform it runs on shows.
- `unmatched_brace` — a template text with an unmatched `{` or `}`.
- `review_overdue` — `review_by` before today.
- `control_characters` — a string holding characters a terminal or a reader acts on
  without showing them (`schemas.controls`: escape sequences, C1 controls, bidi
  overrides); tab and line feed are text. The program never shows them raw, but
  other tools that print the file may.

Format version 2 adds:
- `too_few_admins` — with `[security]` included, an active platform with fewer
  `admins` than `security.min_admins` (default 2), at `platforms[i].admins` (at
  `platforms[i]` when it has none);
- `public_mailbox` — an `account_email` at a public mail provider (the account leaves
  with its owner);
- `access_review_overdue` — `security.last_access_review` older than
  `access_review_every_months`;
- `hashtag_not_camel_case` — with `accessibility.camel_case_hashtags = true`, a hashtag
  of more than 12 letters without a capital;
- `approved_after_effective` — `document.approved_on` after `effective_on`;
- `acknowledged_other_version` — an acknowledgement of a version other than
  `document.version`;
- `unknown_tool` — a metric's `source` that no `[[tools]]` entry names.

Only values of the right type are looked at, and no warning is given at a key path
that already has an error.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from functools import lru_cache
from typing import Any, TypeGuard

from schemas.collect import Problems, entries, name_key, strings, subtable, text
from schemas.controls import controls_in, described
from schemas.fields import FieldSpec, TableSpec, root
from schemas.keypath import PathPart, format_path
from schemas.problems import ParamValue
from schemas.secrets import looks_like_secret as looks_like_secret  # re-exported

Table = Mapping[Any, Any]

HASHTAG_LIMITS: dict[str, int] = {"instagram": 5, "threads": 1, "youtube": 15}
"""How many hashtags a platform shows at most (Instagram 5 since December 2025)."""

PUBLIC_MAIL_DOMAINS: frozenset[str] = frozenset(
    {
        "gmail.com",
        "outlook.com",
        "hotmail.com",
        "yahoo.com",
        "icloud.com",
        "proton.me",
        "ukr.net",
        "i.ua",
        "meta.ua",
    }
)
"""Public mailbox providers: an account registered to one belongs to a person."""

DEFAULT_MIN_ADMINS = 2
"""Admins an active account needs when `security.min_admins` is not given."""

CAMEL_CASE_LETTERS = 12
"""A hashtag of more letters than this needs a capital to be read word by word."""


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


def _strings(
    value: Any, spec: TableSpec | FieldSpec, parts: tuple[PathPart, ...]
) -> Iterator[tuple[tuple[PathPart, ...], str, str]]:
    """Every string held by a known key: (key path, the string, the key's kind)."""
    if isinstance(spec, FieldSpec):
        if isinstance(value, str):
            yield parts, value, spec.kind
            return
        if spec.kind == "array" and isinstance(value, list) and spec.item is not None:
            for i, item in enumerate(value):
                yield from _strings(item, spec.item, (*parts, i))
            return
        if spec.table is None:
            return
        spec = spec.table
    if isinstance(value, Mapping):
        for key, field in spec.fields.items():
            if key in value:
                yield from _strings(value[key], field, (*parts, key))


KEPT_FINDINGS = 16384
"""How many strings' findings `_findings` keeps."""

KEPT_LENGTH = 1000
"""Strings up to this length have their findings kept (longer ones, and each version
of one being typed, would hold too much memory)."""


def _findings(string: str, kind: str) -> tuple[bool, str | None]:
    """Whether `string` (of a key of `kind`) looks like a secret, and the controls it
    holds described (None without any). Kept per string (`_kept_findings`): a check
    follows every keystroke, and all the strings but the one being typed are those of
    the last check."""
    if len(string) <= KEPT_LENGTH:
        return _kept_findings(string, kind)
    return _find(string, kind)


def _find(string: str, kind: str) -> tuple[bool, str | None]:
    secret = kind == "string" and looks_like_secret(string)
    found = controls_in(string, keep="\t\n")
    return secret, described(found) if found else None


_kept_findings = lru_cache(maxsize=KEPT_FINDINGS)(_find)


def _scan_strings(data: Any, out: Problems) -> None:
    """In one walk over the strings of known keys: a `secret_value` warning for each
    that looks like a secret, a `control_characters` warning for each holding
    controls (one walk: it is the dearest part of the check of a large policy)."""
    for parts, string, kind in _strings(data, root(), ()):
        secret, controls = _findings(string, kind)
        if secret:
            _warn(out, parts, "secret_value")
        if controls is not None:
            _warn(out, parts, "control_characters", chars=controls)


def check_lint(data: Table, out: Problems, today: dt.date) -> None:
    """Add the warnings for `data`."""
    _scan_strings(data, out)
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
    if _is_date(review) and review < today:
        _warn(out, ("document", "review_by"), "review_overdue", review_by=review.isoformat())
    _check_version_two(data, out, today)


def _is_date(value: Any) -> TypeGuard[dt.date]:
    return isinstance(value, dt.date) and not isinstance(value, dt.datetime)


def _count(value: Any, low: int, high: int) -> int | None:
    """An integer within [low, high], else None."""
    if isinstance(value, int) and not isinstance(value, bool) and low <= value <= high:
        return value
    return None


def _check_version_two(data: Table, out: Problems, today: dt.date) -> None:
    """The warnings of the keys of format version 2."""
    _check_accounts(data, out)
    _, security = subtable(data, "security")
    if security is not None:
        last = security.get("last_access_review")
        months = _count(security.get("access_review_every_months"), 1, 24)
        if _is_date(last) and months is not None and add_months(last, months) < today:
            _warn(
                out,
                ("security", "last_access_review"),
                "access_review_overdue",
                last=last.isoformat(),
                months=months,
            )
    _check_camel_case(data, out)
    _, document = subtable(data, "document")
    if document is not None:
        approved, effective = document.get("approved_on"), document.get("effective_on")
        if _is_date(approved) and _is_date(effective) and approved > effective:
            _warn(
                out,
                ("document", "approved_on"),
                "approved_after_effective",
                approved_on=approved.isoformat(),
                effective_on=effective.isoformat(),
            )
    current = text(document, "version")
    if current is not None:
        for i, acknowledgement in entries(data, "acknowledgements"):
            accepted = text(acknowledgement, "version")
            if accepted is not None and accepted.strip() != current.strip():
                _warn(
                    out,
                    ("acknowledgements", i, "version"),
                    "acknowledged_other_version",
                    version=accepted,
                    current=current,
                )
    _, results = subtable(data, "results")
    metrics = entries(results, "metrics")
    if metrics:
        tools = {
            name_key(name) for _, tool in entries(data, "tools") if (name := text(tool, "name"))
        }
        for i, metric in metrics:
            source = text(metric, "source")
            if source is not None and name_key(source) not in tools:
                _warn(out, ("results", "metrics", i, "source"), "unknown_tool", name=source)


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later (the month's last day when it is shorter)."""
    import calendar

    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )


def _check_accounts(data: Table, out: Problems) -> None:
    """Admins of active platforms (with `[security]` included) and their mailboxes."""
    _, security = subtable(data, "security")
    needed: int | None = None
    if security is not None:
        needed = _count(security.get("min_admins"), 1, 10) or DEFAULT_MIN_ADMINS
    for i, platform in entries(data, "platforms"):
        email = text(platform, "account_email")
        if email is not None and "@" in email:
            domain = email.strip().rpartition("@")[2].casefold()
            if domain in PUBLIC_MAIL_DOMAINS:
                _warn(out, ("platforms", i, "account_email"), "public_mailbox", domain=domain)
        if needed is None or platform.get("status", "active") != "active":
            continue
        admins = platform.get("admins")
        if admins is None:
            _warn(out, ("platforms", i), "too_few_admins", count=0, min=needed)
        elif isinstance(admins, list):
            count = len(strings(platform, "admins"))
            if count < needed:
                _warn(out, ("platforms", i, "admins"), "too_few_admins", count=count, min=needed)


def camel_case_needed(tag: str) -> bool:
    """Whether a hashtag needs capitals to be read word by word: more than 12 letters,
    none of them a capital (letters of scripts without case never count)."""
    letters = [char for char in tag if char.isalpha()]
    cased = any(char.islower() for char in letters)
    return len(letters) > CAMEL_CASE_LETTERS and cased and not any(c.isupper() for c in letters)


def _check_camel_case(data: Table, out: Problems) -> None:
    _, accessibility = subtable(data, "accessibility")
    if accessibility is None or accessibility.get("camel_case_hashtags") is not True:
        return
    _, content = subtable(data, "content")
    lists: list[tuple[tuple[PathPart, ...], Table]] = [(("content",), content)] if content else []
    lists += [(("content", "rubrics", i), rubric) for i, rubric in entries(content, "rubrics")]
    for parts, table in lists:
        for j, tag in strings(table, "hashtags"):
            if camel_case_needed(tag):
                _warn(out, (*parts, "hashtags", j), "hashtag_not_camel_case", value=tag)


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
