"""Replacing a file atomically: the old bytes or the new ones, never half of each.

`replace_file` is the one temporary-file-and-rename of the program; `atomic_write`
adds what a policy or a document needs (links followed, permissions kept, a read-only
file refused, devices written into, `PolicyWriteError` in plain words).
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import re
import stat
import tempfile
import time
from pathlib import Path

from exports.texts import FILES
from schemas.texts import Phrase, has

TEMP_PREFIX = ".presence-"
"""Temporary files are `.presence-<tag>-<random>.tmp` in the target's folder: the tag (8
hex digits of a hash of the target's name) keeps the name short however long the
target's is, and tells one target's temporaries from another's."""
TEMP_SUFFIX = ".tmp"
STALE_AFTER = 60.0
"""Seconds after which a temporary file of the same target is taken as left behind by a
write that was killed (SIGKILL, a power cut), and removed by the next write."""

READ_ONLY = Phrase(FILES, "write.read_only")


class PolicyWriteError(Exception):
    """A policy file could not be saved; the file on disk is left as it was. `reason`
    says why in any language (`reason.text(lang)`), `message` in English."""

    def __init__(self, file: str, reason: Phrase | str) -> None:
        self.file = file
        self.reason = reason if isinstance(reason, Phrase) else other_reason(reason)
        self.message = str(self.reason)
        super().__init__(f"{file}: error: cannot save: {self.message}")

    def text(self, lang: str) -> str:
        """Why the write failed, in `lang`."""
        return self.reason.text(lang)


class ReadOnlyFileError(PolicyWriteError):
    """The file to replace is read-only; it is replaced only when the caller says so."""

    def __init__(self, file: str) -> None:
        super().__init__(file, READ_ONLY)


def write_reason(error: OSError) -> Phrase:
    """A short plain-words reason for a failed write, in any language: the system's
    reason by its errno (`os.ENOSPC`: "no space left on device", «на диску не
    залишилося місця»), or its own words for an errno the catalogue does not name."""
    name = errno.errorcode.get(error.errno or 0)
    if name is not None and has(FILES, f"os.{name}"):
        return Phrase(FILES, f"os.{name}")
    return other_reason((error.strerror or str(error)).lower())


def other_reason(detail: str) -> Phrase:
    """A reason the catalogue has no words for: the system's own (English) words, and
    a plain "system error" in another language."""
    return Phrase(FILES, "other", {"detail": detail})


def is_read_only(path: Path) -> bool:
    """Whether `path` is an existing regular file its owner marked read-only (no write
    permission for anyone, as `chmod a-w` leaves it, or none for this user)."""
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return False
    if not stat.S_ISREG(info.st_mode):
        return False
    return not info.st_mode & 0o222 or not os.access(path, os.W_OK)


def atomic_write(path: Path, data: bytes, *, replace_read_only: bool = False) -> None:
    """Write `data` to `path` through a temporary file in the same folder and `os.replace`.

    The file keeps its permission bits; a new file gets the usual mode for the umask.
    A read-only file is refused (`ReadOnlyFileError`) unless `replace_read_only`: the
    rename could replace it, but its owner made it read-only for a reason.
    On any failure the temporary file is removed, the original is untouched and
    `PolicyWriteError` says why; an interruption (ctrl+c, a signal turned into an
    exception) removes it too, and a temporary file a killed write left behind is
    removed by the next write to the same target once it is `STALE_AFTER` seconds old.
    A symbolic link is followed: its target is replaced. A device or a pipe
    (`-o /dev/null`, a FIFO) is written into, never replaced.
    """
    try:
        target = Path(os.path.realpath(path, strict=False))
    except (OSError, RuntimeError):  # a loop of symbolic links
        raise PolicyWriteError(str(path), Phrase(FILES, "os.ELOOP")) from None
    folder = target.parent
    if not folder.is_dir():
        raise PolicyWriteError(str(path), Phrase(FILES, "os.ENOENT"))
    try:
        info = os.stat(target)
    except FileNotFoundError:
        mode = 0o666 & ~_umask()
    except OSError as error:
        raise PolicyWriteError(str(path), write_reason(error)) from error
    else:
        if stat.S_ISDIR(info.st_mode):
            raise PolicyWriteError(str(path), Phrase(FILES, "os.EISDIR"))
        if not stat.S_ISREG(info.st_mode):
            _write_into(path, target, data)
            return
        mode = stat.S_IMODE(info.st_mode)
        if not replace_read_only and is_read_only(target):
            raise ReadOnlyFileError(str(path))
    try:
        replace_file(target, data, mode=mode)
    except OSError as error:
        raise PolicyWriteError(str(path), write_reason(error)) from error


def replace_file(target: Path, data: bytes, *, mode: int = 0o600, durable: bool = True) -> None:
    """Replace the file `target` with `data`, whole or not at all: the one atomic write
    of the program (`atomic_write` for policies and documents, and the wizard's own
    state files: drafts, locks, recent files, the remembered author).

    A temporary file `.presence-<tag>-<random>.tmp` is created in `target`'s folder by
    `tempfile.mkstemp` (`O_CREAT | O_EXCL | O_NOFOLLOW`, mode 0600, a name nobody can
    guess), written whole, given `mode`, flushed to disk (`durable`), then renamed over
    `target`: a rename replaces a symbolic link at `target`, it never writes through
    one. With `durable`, the folder is synced too, so that the rename survives a power
    cut. Temporary files of the same target left by a killed write are removed first
    (`remove_stale_temporaries`). OSError on failure; the temporary file is removed
    (on an interruption too) and `target` is as it was.
    """
    folder = target.parent
    prefix = temp_prefix(target.name)
    remove_stale_temporaries(folder, prefix)
    fd, temp_name = tempfile.mkstemp(dir=folder, prefix=prefix, suffix=TEMP_SUFFIX)
    try:
        try:
            _write_all(fd, data)
            os.fchmod(fd, mode)
            if durable:
                os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(temp_name, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise
    if durable:
        _sync_folder(folder)


def temp_prefix(name: str) -> str:
    """The start of the names of the temporary files that replace the file `name`."""
    tag = hashlib.sha256(os.fsencode(name)).hexdigest()[:8]
    return f"{TEMP_PREFIX}{tag}-"


def remove_stale_temporaries(folder: Path, prefix: str, *, now: float | None = None) -> None:
    """Remove the regular files in `folder` named `<prefix><random>.tmp` (as
    `tempfile.mkstemp` names them) that were last written over `STALE_AFTER` seconds
    ago. Nothing else is touched; what cannot be removed stays."""
    pattern = re.compile(re.escape(prefix) + r"[a-z0-9_]{6,16}" + re.escape(TEMP_SUFFIX))
    limit = (time.time() if now is None else now) - STALE_AFTER
    with contextlib.suppress(OSError), os.scandir(folder) as entries:
        for entry in entries:
            if not entry.name.startswith(prefix) or not pattern.fullmatch(entry.name):
                continue
            with contextlib.suppress(OSError):
                info = entry.stat(follow_symlinks=False)
                if stat.S_ISREG(info.st_mode) and info.st_mtime < limit:
                    os.unlink(entry.path)


def _write_into(path: Path, target: Path, data: bytes) -> None:
    """Write `data` into a file that is not a regular file (a device, a pipe)."""
    try:
        fd = os.open(target, os.O_WRONLY)
    except OSError as error:
        raise PolicyWriteError(str(path), write_reason(error)) from error
    try:
        _write_all(fd, data)
    except OSError as error:
        raise PolicyWriteError(str(path), write_reason(error)) from error
    finally:
        os.close(fd)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def _sync_folder(folder: Path) -> None:
    """Make the rename durable; not every system can open a folder, so this is best effort."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)


def _umask() -> int:
    """The process umask, read without changing it where the system allows."""
    with contextlib.suppress(OSError, ValueError):
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    current = os.umask(0o022)
    os.umask(current)
    return current
