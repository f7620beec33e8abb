"""The list of recently opened policy files, kept in the user's state directory.

The directory is `platformdirs.user_state_dir("presence")`, or `$PRESENCE_STATE_DIR`
when set (tests set it so they never touch the real home).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import platformdirs

RECENT_LIMIT = 10


def state_dir() -> Path:
    """Where presence keeps its state (recent files; later drafts)."""
    override = os.environ.get("PRESENCE_STATE_DIR")
    return Path(override) if override else Path(platformdirs.user_state_dir("presence"))


def _recent_file() -> Path:
    return state_dir() / "recent.json"


def recent_files() -> list[Path]:
    """Recently opened files, newest first; a missing or damaged list is empty."""
    try:
        items = json.loads(_recent_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    if not isinstance(items, list):
        return []
    return [Path(item) for item in items if isinstance(item, str)]


def remember(path: Path) -> None:
    """Put `path` first in the recent list (best effort: a failure is not an error)."""
    absolute = str(path.resolve())
    items = [absolute, *(str(p) for p in recent_files() if str(p) != absolute)]
    from exports.atomic import replace_file

    target = _recent_file()
    text = json.dumps(items[:RECENT_LIMIT], ensure_ascii=False, indent=1)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        replace_file(target, text.encode("utf-8"), durable=False)
    except OSError:
        return
