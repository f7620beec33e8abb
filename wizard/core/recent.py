"""The list of recently opened policy files, kept in the user's state directory.

The directory is `platformdirs.user_state_dir("presence")`, or `$PRESENCE_STATE_DIR`
when set (tests set it so they never touch the real home); see `wizard.core.statefile`
for how state files are read and written.

`recent.json` is a JSON list of absolute paths, newest first. A path listed twice is
listed once (the first time); anything else that is not so — another type, a relative
or empty path, a NUL character — makes the file damaged: it is set aside and the list
reads as empty. A file name that is not UTF-8 is kept as JSON's `\\udcXX` escapes
(`statefile.encode`).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from wizard.core import statefile
from wizard.core.statefile import is_path, require, state_dir

RECENT_LIMIT = 10

__all__ = ["RECENT_LIMIT", "recent_files", "remember", "state_dir"]


def _recent_file() -> Path:
    return state_dir() / "recent.json"


def _paths(value: Any) -> list[Path]:
    """The recent list's shape: a list of absolute paths (duplicates dropped)."""
    require(isinstance(value, list), "not a list")
    seen: set[str] = set()
    paths: list[Path] = []
    for item in value:
        require(is_path(item), "an item is not an absolute path")
        if item not in seen:
            seen.add(item)
            paths.append(Path(item))
    return paths[:RECENT_LIMIT]


def recent_files() -> list[Path]:
    """Recently opened files, newest first, each once; a missing or damaged list is empty
    (a damaged one is set aside)."""
    paths = statefile.load(
        _recent_file(), _paths, limit=statefile.SMALL_LIMIT, depth=statefile.SMALL_DEPTH
    )
    return paths or []


def remember(path: Path) -> None:
    """Put `path` first in the recent list (best effort: a failure is not an error)."""
    absolute = str(path.resolve())
    items = [absolute, *(str(p) for p in recent_files() if str(p) != absolute)]
    try:
        statefile.write_atomic(
            _recent_file(), json.dumps(items[:RECENT_LIMIT], ensure_ascii=False, indent=1)
        )
    except OSError:
        return
