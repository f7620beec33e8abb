"""Replacing a file atomically: the old bytes or the new ones, never half of each."""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from pathlib import Path

_REASONS = {
    errno.ENOSPC: "no space left on device",
    errno.EDQUOT: "disk quota exceeded",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.EROFS: "read-only file system",
    errno.ENOENT: "folder does not exist",
    errno.ENOTDIR: "folder does not exist",
    errno.EISDIR: "is a directory",
    errno.EIO: "input/output error",
}


class PolicyWriteError(Exception):
    """A policy file could not be saved; the file on disk is left as it was."""

    def __init__(self, file: str, message: str) -> None:
        super().__init__(f"{file}: error: cannot save: {message}")
        self.file = file
        self.message = message


def write_reason(error: OSError) -> str:
    """A short plain-words reason for a failed write."""
    if error.errno in _REASONS:
        return _REASONS[error.errno]
    return (error.strerror or str(error)).lower()


def atomic_write(path: Path, data: bytes) -> None:
    """Write `data` to `path` through a temporary file in the same folder and `os.replace`.

    The file keeps its permission bits; a new file gets the usual mode for the umask.
    On any failure the temporary file is removed, the original is untouched and
    `PolicyWriteError` says why; an interruption (ctrl+c, a signal turned into an
    exception) removes it too. A symbolic link is followed: its target is replaced. A
    device or a pipe (`-o /dev/null`, a FIFO) is written into, never replaced.
    """
    try:
        target = Path(os.path.realpath(path, strict=False))
    except (OSError, RuntimeError):  # a loop of symbolic links
        raise PolicyWriteError(str(path), "too many levels of symbolic links") from None
    folder = target.parent
    if not folder.is_dir():
        raise PolicyWriteError(str(path), "folder does not exist")
    try:
        info = os.stat(target)
    except FileNotFoundError:
        mode = 0o666 & ~_umask()
    except OSError as error:
        raise PolicyWriteError(str(path), write_reason(error)) from error
    else:
        if stat.S_ISDIR(info.st_mode):
            raise PolicyWriteError(str(path), "is a directory")
        if not stat.S_ISREG(info.st_mode):
            _write_into(path, target, data)
            return
        mode = stat.S_IMODE(info.st_mode)
    try:
        fd, temp_name = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as error:
        raise PolicyWriteError(str(path), write_reason(error)) from error
    try:
        try:
            _write_all(fd, data)
            os.fchmod(fd, mode)
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(temp_name, target)
    except BaseException as error:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        if isinstance(error, OSError):
            raise PolicyWriteError(str(path), write_reason(error)) from error
        raise
    _sync_folder(folder)


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
