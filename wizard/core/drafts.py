"""Autosaved drafts: what the author typed and has not saved yet, kept in the state dir.

One draft per policy path, named by a hash of the absolute path, so that a crash, a
closed terminal or `kill -9` loses at most the last second or two of typing. A draft
is JSON: the policy's path, the SHA-256 digest of the file it was based on ("" for a
file that did not exist), when it was written and the full data. TOML dates and times
are encoded as `{"$date": "2026-01-01"}` (and `$datetime`, `$time`) so they come
back as the same Python types. Writes are atomic (`statefile.write_atomic`, mode 0600).

A draft is read as every state file is (`wizard.core.statefile`): a regular file of at most
`statefile.DRAFT_LIMIT` bytes nested at most `statefile.DRAFT_DEPTH` deep, then its
shape checked in full — `format` 1, the policy's own absolute `path`, a `base_digest`
string, a `written_at` date and time, `data` an object of what
TOML can hold (no `null` anywhere, tags that decode, no half characters), and `base`,
when there, such an object too (the file's data when the edits began: restoring the
draft over a file that changed since merges the draft's changes into it). A draft that
is not so is damaged: it is set aside (renamed `.damaged`, kept: it may hold someone's
typing) and reads as none. A draft the reader would refuse (over the size limit) is not
written: `write_draft` says so with an OSError.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from wizard.core import statefile
from wizard.core.statefile import Damaged, date_time, is_path, is_text, require, state_dir

DRAFT_FORMAT = 1
"""Version of the draft file's layout."""


@dataclass(frozen=True)
class Draft:
    """An autosaved draft of one policy."""

    path: Path
    """The policy file the draft belongs to (absolute)."""

    base_digest: str
    """SHA-256 of the file's bytes when editing started; "" when the file did not exist."""

    written_at: dt.datetime
    """When the draft was written (local time, aware)."""

    data: dict[str, Any]
    """The whole policy as the wizard held it."""

    base: dict[str, Any] | None = None
    """The file's data when editing started (None in a draft that does not say, or that
    would not fit with it): restoring a draft over a file that changed since merges the
    draft's changes into it."""

    def is_stale(self, current_digest: str) -> bool:
        """Whether the file changed since the draft's base (its digest now is `current_digest`)."""
        return current_digest != self.base_digest


def drafts_dir() -> Path:
    """The folder of drafts inside the state dir."""
    return state_dir() / "drafts"


def draft_file(policy: Path) -> Path:
    """Where the draft of `policy` is kept (keyed by a hash of its absolute path)."""
    key = hashlib.sha256(os.fsencode(_absolute(policy))).hexdigest()[:32]
    return drafts_dir() / f"{key}.json"


def _absolute(policy: Path) -> Path:
    return Path(os.path.abspath(policy))


def file_digest(policy: Path) -> str:
    """SHA-256 of the file's bytes, or "" when it cannot be read (missing)."""
    try:
        return hashlib.sha256(policy.read_bytes()).hexdigest()
    except OSError:
        return ""


# -- encoding -------------------------------------------------------------------------
def _tagged(value: Any) -> Any:
    """A TOML date or time as a tagged JSON object (`json.dumps`'s `default`: called only
    for what JSON has no type for, so the rest of the data is not walked in Python)."""
    if isinstance(value, dt.datetime):
        return {"$datetime": value.isoformat()}
    if isinstance(value, dt.date):
        return {"$date": value.isoformat()}
    if isinstance(value, dt.time):
        return {"$time": value.isoformat()}
    raise TypeError(f"{type(value).__name__} is not policy data")


def encode_json(body: Any) -> str:
    """`body` as JSON text, TOML dates and times as tagged objects (see `decode`)."""
    return json.dumps(body, ensure_ascii=False, default=_tagged)


_TAGS: dict[str, Callable[[str], Any]] = {
    "$datetime": dt.datetime.fromisoformat,
    "$date": dt.date.fromisoformat,
    "$time": dt.time.fromisoformat,
}


def decode(value: Any) -> Any:
    """Plain data from parsed JSON, tagged dates and times turned back (see `encode_json`).

    `statefile.Damaged` for what no policy holds: `null`, a string with half a character
    (a lone `\\ud800` escape), a tag that is not a date or time.
    """
    if isinstance(value, dict):
        if len(value) == 1:
            ((tag, text),) = value.items()
            parse = _TAGS.get(tag)
            if parse is not None and isinstance(text, str):
                try:
                    return parse(text)
                except ValueError:
                    raise Damaged("shape", f"{tag} {text!r}") from None
        for key in value:
            require(key.isascii() or is_text(key), "a key is not text")
        return {key: decode(item) for key, item in value.items()}
    if isinstance(value, list):
        return [decode(item) for item in value]
    if isinstance(value, str):
        require(value.isascii() or is_text(value), "a value is not text")
        return value
    require(value is not None, "null is not policy data")
    return value


# -- reading and writing --------------------------------------------------------------
def write_draft(
    policy: Path,
    data: dict[str, Any],
    base_digest: str,
    *,
    now: dt.datetime | None = None,
    base: dict[str, Any] | str | None = None,
) -> Path:
    """Write (atomically) the draft of `policy`, with `base` (the file's data when editing
    started, or that data already as `encode_json` writes it) when given; returns the
    draft file. OSError on failure (a draft larger than `statefile.DRAFT_LIMIT` is
    refused: it could not be read back; one that would be larger only with its base is
    written without it)."""
    target = draft_file(policy)
    written = (now or dt.datetime.now().astimezone()).isoformat(timespec="seconds")
    body: dict[str, Any] = {
        "format": DRAFT_FORMAT,
        "path": str(_absolute(policy)),
        "base_digest": base_digest,
        "written_at": written,
        "data": data,
    }
    # One string, one write: `json.dump` streams many small pieces, which took three
    # times as long for a large policy (this runs between keystrokes).
    text = encode_json(body)
    if base is not None:
        encoded = base if isinstance(base, str) else encode_json(base)
        with_base = text[:-1] + ', "base": ' + encoded + "}"
        if len(with_base.encode("utf-8")) <= statefile.DRAFT_LIMIT:
            text = with_base
    statefile.write_atomic(target, text, fsync=True, limit=statefile.DRAFT_LIMIT)
    return target


def _draft_of(policy: Path) -> Any:
    """The shape of `policy`'s draft: a `Draft` (`statefile.Damaged` for anything else)."""

    def shape(body: Any) -> Draft:
        require(isinstance(body, dict), "not an object")
        require(body.get("format") == DRAFT_FORMAT and type(body.get("format")) is int, "format")
        path, digest = body.get("path"), body.get("base_digest")
        require(is_path(path) and Path(path) == _absolute(policy), "not this policy's draft")
        require(is_text(digest), "base_digest is not text")
        written_at = date_time(body.get("written_at"), "written_at")
        require(isinstance(body.get("data"), dict), "data is not an object")
        data = decode(body["data"])
        base = body.get("base")
        require(base is None or isinstance(base, dict), "base is not an object")
        return Draft(
            path=Path(path),
            base_digest=digest,
            written_at=written_at,
            data=data,
            base=None if base is None else decode(base),
        )

    return shape


def read_draft(policy: Path) -> Draft | None:
    """The draft of `policy`, or None when there is none; a damaged or foreign one is set
    aside (`statefile.load`) and reads as none."""
    return statefile.load(
        draft_file(policy),
        _draft_of(policy),
        limit=statefile.DRAFT_LIMIT,
        depth=statefile.DRAFT_DEPTH,
    )


def remove_draft(policy: Path) -> bool:
    """Delete the draft of `policy`; returns whether there was one."""
    try:
        draft_file(policy).unlink()
    except FileNotFoundError:
        return False
    except OSError:
        return False
    return True
