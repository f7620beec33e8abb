"""Who is editing a policy: a lock file per policy path in the state dir.

The lock holds the editing process's pid, host and start time. A second wizard on
the same file finds it and warns the author (who may open read-only or continue).
A lock left by a process that is gone on this host is cleared silently; a lock
from another host (a shared folder) cannot be checked and is always reported.
The lock lives in the state dir, not next to the policy, so the author's folder
(often a git checkout) stays clean.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import socket
from dataclasses import dataclass
from pathlib import Path

from wizard.core.recent import state_dir


@dataclass(frozen=True)
class LockInfo:
    """The holder of a lock."""

    pid: int
    host: str
    started: dt.datetime

    @property
    def is_mine(self) -> bool:
        """Whether this process holds it."""
        return self.pid == os.getpid() and self.host == socket.gethostname()


def lock_file(policy: Path) -> Path:
    """Where the lock of `policy` is kept."""
    key = hashlib.sha256(os.path.abspath(policy).encode("utf-8")).hexdigest()[:32]
    return state_dir() / "locks" / f"{key}.lock"


def _alive(pid: int) -> bool:
    """Whether a process with `pid` runs on this host."""
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # it exists, it is someone else's
    return True


def read_lock(policy: Path) -> LockInfo | None:
    """The lock's holder as written, or None when there is no readable lock."""
    try:
        body = json.loads(lock_file(policy).read_text(encoding="utf-8"))
        return LockInfo(
            pid=int(body["pid"]),
            host=str(body["host"]),
            started=dt.datetime.fromisoformat(body["started"]),
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None


def holder(policy: Path) -> LockInfo | None:
    """Another live editor of `policy`, or None; a dead holder's lock is cleared."""
    info = read_lock(policy)
    if info is None or info.is_mine:
        return None
    if info.host == socket.gethostname() and not _alive(info.pid):
        with contextlib.suppress(OSError):
            lock_file(policy).unlink()
        return None
    return info


def acquire(policy: Path) -> bool:
    """Take the lock of `policy` for this process (replacing any other); False on failure.

    Call `holder` first: this does not ask.
    """
    target = lock_file(policy)
    body = {
        "pid": os.getpid(),
        "host": socket.gethostname(),
        "started": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        "path": os.path.abspath(policy),
    }
    from exports.atomic import replace_file

    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        replace_file(target, json.dumps(body).encode("utf-8"), durable=False)
    except OSError:
        return False
    return True


def release(policy: Path) -> bool:
    """Remove the lock of `policy` if this process holds it; returns whether it did."""
    info = read_lock(policy)
    if info is None or not info.is_mine:
        return False
    try:
        lock_file(policy).unlink()
    except OSError:
        return False
    return True
