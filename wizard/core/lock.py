"""Who is editing a policy: a lock file per policy path in the state dir.

The lock holds the editing process's pid, host and start time. A second wizard on
the same file finds it and warns the author (who may open read-only or continue).
A lock left by a process that is gone on this host is cleared silently; a lock
from another host (a shared folder) cannot be checked and is always reported.
The lock lives in the state dir, not next to the policy, so the author's folder
(often a git checkout) stays clean.

A lock file is a JSON object: `pid` (an integer from 1 to 2**31 - 1, the range of a
process id), `host` (a non-empty string), `started` (an ISO date and time) and the
policy's `path`. A lock that is not so is damaged: it is set aside as every damaged
state file is (`wizard.core.statefile`) and counts as no lock. It is written to a new
temporary file of an unpredictable name, mode 0600, then renamed into place.
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
from typing import Any

from wizard.core import statefile
from wizard.core.statefile import date_time, is_path, is_text, require, state_dir

PID_MAX = 2**31 - 1
"""The largest process id a lock may name (`pid_t` is a signed 32-bit integer)."""


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
    key = hashlib.sha256(os.fsencode(os.path.abspath(policy))).hexdigest()[:32]
    return state_dir() / "locks" / f"{key}.lock"


def _alive(pid: int) -> bool:
    """Whether a process with `pid` runs on this host."""
    if not 0 < pid <= PID_MAX:
        return False  # 0 and negative numbers name process groups, not a process
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # it exists, it is someone else's
    except (OSError, OverflowError):
        return False
    return True


def _info(body: Any) -> LockInfo:
    """A lock's shape: the holder it names (`statefile.Damaged` for anything else)."""
    require(isinstance(body, dict), "not an object")
    pid, host, started = body.get("pid"), body.get("host"), body.get("started")
    require(type(pid) is int and 0 < pid <= PID_MAX, "pid is not a process id")
    require(is_text(host) and host.strip() != "", "host is not a name")
    require(is_path(body.get("path", "/")), "path is not a path")
    return LockInfo(pid=pid, host=host, started=date_time(started, "started"))


def read_lock(policy: Path) -> LockInfo | None:
    """The lock's holder as written, or None when there is no lock (a damaged one is
    set aside)."""
    return statefile.load(
        lock_file(policy), _info, limit=statefile.SMALL_LIMIT, depth=statefile.SMALL_DEPTH
    )


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

    try:
        statefile.write_atomic(target, json.dumps(body, ensure_ascii=False))
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
