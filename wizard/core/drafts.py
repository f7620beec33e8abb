"""Autosaved drafts: what the author typed and has not saved yet, kept in the state dir.

One draft per policy path, named by a hash of the absolute path, so that a crash, a
closed terminal or `kill -9` loses at most the last second or two of typing. A draft
is JSON: the policy's path, the SHA-256 digest of the file it was based on ("" for a
file that did not exist), when it was written and the full data. TOML dates and times
are encoded as `{"$date": "2026-01-01"}` (and `$datetime`, `$time`) so they come
back as the same Python types. Writes are atomic; a damaged draft reads as none.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from wizard.core.recent import state_dir

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

    def is_stale(self, current_digest: str) -> bool:
        """Whether the file changed since the draft's base (its digest now is `current_digest`)."""
        return current_digest != self.base_digest


def drafts_dir() -> Path:
    """The folder of drafts inside the state dir."""
    return state_dir() / "drafts"


def draft_file(policy: Path) -> Path:
    """Where the draft of `policy` is kept (keyed by a hash of its absolute path)."""
    key = hashlib.sha256(str(_absolute(policy)).encode("utf-8")).hexdigest()[:32]
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


def decode(value: Any) -> Any:
    """Plain data from parsed JSON, tagged dates and times turned back (see `encode_json`)."""
    if isinstance(value, dict):
        if len(value) == 1:
            ((tag, text),) = value.items()
            if isinstance(text, str):
                if tag == "$datetime":
                    return dt.datetime.fromisoformat(text)
                if tag == "$date":
                    return dt.date.fromisoformat(text)
                if tag == "$time":
                    return dt.time.fromisoformat(text)
        return {key: decode(item) for key, item in value.items()}
    if isinstance(value, list):
        return [decode(item) for item in value]
    return value


# -- reading and writing --------------------------------------------------------------
def write_draft(
    policy: Path, data: dict[str, Any], base_digest: str, *, now: dt.datetime | None = None
) -> Path:
    """Write (atomically) the draft of `policy`; returns the draft file. OSError on failure."""
    target = draft_file(policy)
    written = (now or dt.datetime.now().astimezone()).isoformat(timespec="seconds")
    body = {
        "format": DRAFT_FORMAT,
        "path": str(_absolute(policy)),
        "base_digest": base_digest,
        "written_at": written,
        "data": data,
    }
    from exports.atomic import replace_file

    target.parent.mkdir(parents=True, exist_ok=True)
    # One string, one write: `json.dump` streams many small pieces, which took three
    # times as long for a large policy (this runs between keystrokes).
    replace_file(target, encode_json(body).encode("utf-8"))
    return target


def read_draft(policy: Path) -> Draft | None:
    """The draft of `policy`, or None when there is none (or it is damaged or foreign)."""
    try:
        body = json.loads(draft_file(policy).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    try:
        path = Path(body["path"])
        written_at = dt.datetime.fromisoformat(body["written_at"])
        data = decode(body["data"])
        digest = body["base_digest"]
    except (KeyError, TypeError, ValueError):
        return None
    if path != _absolute(policy) or not isinstance(data, dict) or not isinstance(digest, str):
        return None
    return Draft(path=path, base_digest=digest, written_at=written_at, data=data)


def remove_draft(policy: Path) -> bool:
    """Delete the draft of `policy`; returns whether there was one."""
    try:
        draft_file(policy).unlink()
    except FileNotFoundError:
        return False
    except OSError:
        return False
    return True
