"""Who is editing a policy: a lock file per policy path in the state dir.

The lock holds the editing process's pid, host and start time. A second wizard on
the same file finds it and warns the author (who may open read-only or continue).
A lock left by a process that is gone on this host is taken over silently; a lock
from another host (a shared folder) cannot be checked and is always reported.
The lock lives in the state dir, not next to the policy, so the author's folder
(often a git checkout) stays clean.

A lock file is a JSON object: `pid` (an integer from 1 to 2**31 - 1, the range of a
process id), `host` (a non-empty string), `started` (an ISO date and time) and the
policy's `path`. A lock that is not so is damaged: it is set aside as every damaged
state file is (`wizard.core.statefile`) and counts as no lock.

Taking the lock is one atomic step, so that of two wizards started at the same
moment exactly one holds it:
- the lock file is created with `O_CREAT | O_EXCL | O_NOFOLLOW`, mode 0600: the
  creation fails when any file (or a link) is at that name, so it never replaces
  another wizard's lock and never writes through a planted link;
- everything that looks at, creates or removes a lock file happens while holding
  `flock` on the locks folder (`_guard`): no reader sees a lock between its creation
  and its content, and a dead holder's lock is removed only by the one wizard that
  judged it dead (the name still holding the file it judged), which then creates its
  own in the same step.

A wizard never removes a lock it does not hold (`release` checks the pid and host):
"Edit anyway" leaves the other wizard's lock in place, and takes the lock only once it
is free (`acquire` again, at the next autosave or save).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import fcntl
import hashlib
import json
import os
import socket
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from wizard.core import statefile
from wizard.core.statefile import date_time, is_path, is_text, require, state_dir

PID_MAX = 2**31 - 1
"""The largest process id a lock may name (`pid_t` is a signed 32-bit integer)."""

GUARD_PATIENCE = 5.0
"""Seconds to wait for another wizard's step on the locks folder (it takes
microseconds; a wizard stopped in the middle of one is waited for no longer)."""

_CREATE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0)


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

    @property
    def is_stale(self) -> bool:
        """Whether it names a process of this host that is gone."""
        return self.host == socket.gethostname() and not _alive(self.pid)


@dataclass(frozen=True)
class Claim:
    """What `acquire` found: the lock taken, or the other wizard that holds it."""

    taken: bool
    holder: LockInfo | None = None
    """Another live wizard holding the lock (None when taken, or when the lock could
    not be written at all)."""

    def __bool__(self) -> bool:
        return self.taken


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


@contextlib.contextmanager
def _guard(folder: Path) -> Iterator[None]:
    """Hold `flock` on the locks folder for one step on a lock file.

    OSError when the folder cannot be made or opened, or another wizard's step does
    not end within `GUARD_PATIENCE`. A file system without `flock` (EOPNOTSUPP,
    ENOLCK) is worked on without it: the lock's creation is still exclusive.
    """
    statefile.make_dir(folder)
    fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_CLOEXEC", 0))
    try:
        deadline = time.monotonic() + GUARD_PATIENCE
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise OSError(errno.ETIMEDOUT, "the locks folder stays busy") from None
                time.sleep(0.002)
            except OSError as error:
                if error.errno in (errno.EOPNOTSUPP, errno.ENOLCK, errno.EINVAL):
                    break
                raise
        yield
    finally:
        os.close(fd)  # releases the flock


def _read(target: Path) -> tuple[LockInfo, tuple[int, int]] | None:
    """The holder named at `target` and the file's identity (device, inode), or None
    when there is no lock; a damaged one is set aside. Call within `_guard`."""
    identity: tuple[int, int] | None = None
    try:
        found = statefile.read_json(
            target, limit=statefile.SMALL_LIMIT, depth=statefile.SMALL_DEPTH
        )
        if found is None:
            return None
        body, identity = found
        return _info(body), identity
    except statefile.Damaged as error:
        statefile.set_aside(target, error.reason, error.identity or identity)
    except (ValueError, TypeError, KeyError, IndexError, OverflowError, RecursionError):
        statefile.set_aside(target, "shape", identity)
    return None


def _remove_if_same(target: Path, identity: tuple[int, int]) -> bool:
    """Remove `target` if it is still the file of `identity`; whether it did. Call
    within `_guard`."""
    try:
        found = os.lstat(target)
        if (found.st_dev, found.st_ino) != identity:
            return False
        os.unlink(target)
    except OSError:
        return False
    return True


def read_lock(policy: Path) -> LockInfo | None:
    """The lock's holder as written, or None when there is no lock (a damaged one is
    set aside)."""
    target = lock_file(policy)
    try:
        with _guard(target.parent):
            found = _read(target)
    except OSError:
        return None
    return found[0] if found is not None else None


def holder(policy: Path) -> LockInfo | None:
    """Another live editor of `policy`, or None; a dead holder's lock is cleared."""
    target = lock_file(policy)
    try:
        with _guard(target.parent):
            found = _read(target)
            if found is None:
                return None
            info, identity = found
            if info.is_mine:
                return None
            if info.is_stale:
                _remove_if_same(target, identity)
                return None
            return info
    except OSError:
        return None


def _body(policy: Path) -> bytes:
    return statefile.encode(
        json.dumps(
            {
                "pid": os.getpid(),
                "host": socket.gethostname(),
                "started": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
                "path": os.path.abspath(policy),
            },
            ensure_ascii=False,
        )
    )


def _create(target: Path, data: bytes) -> bool:
    """Create the lock file with `data`; False when a file is already at that name.
    OSError when it cannot be written (nothing is left behind then)."""
    try:
        fd = os.open(target, _CREATE, 0o600)
    except FileExistsError:
        return False
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(target)
        raise
    finally:
        os.close(fd)
    return True


def acquire(policy: Path) -> Claim:
    """Take the lock of `policy` for this process, unless another live wizard holds it.

    A lock this process holds already counts as taken; a dead holder's lock (on this
    host) and a damaged one are replaced in the same step. A false `Claim` names the
    other holder, or none when the lock file could not be written.
    """
    target = lock_file(policy)
    try:
        data = _body(policy)
        with _guard(target.parent):
            for _ in range(3):
                if _create(target, data):
                    return Claim(taken=True)
                found = _read(target)
                if found is None:
                    continue  # damaged and set aside, or gone meanwhile: create it now
                info, identity = found
                if info.is_mine:
                    return Claim(taken=True)
                if not info.is_stale:
                    return Claim(taken=False, holder=info)
                _remove_if_same(target, identity)
    except OSError:
        pass
    return Claim(taken=False)


def release(policy: Path) -> bool:
    """Remove the lock of `policy` if this process holds it; returns whether it did."""
    target = lock_file(policy)
    try:
        with _guard(target.parent):
            found = _read(target)
            if found is None or not found[0].is_mine:
                return False
            return _remove_if_same(target, found[1])
    except OSError:
        return False
