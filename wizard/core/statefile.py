"""The wizard's own files in the state dir, read without trusting them (no Textual here).

Drafts, locks, the recent files and the remembered author all live in the state dir
(`state_dir`). Any of them may be damaged — a disk error, a crash of another program,
a hand edit — or planted by someone who can write to that folder. Reading one never
stops the wizard:

- Only a regular file is read. The name is looked at with `lstat` and opened with
  `O_NOFOLLOW | O_NONBLOCK`, and the open file is checked again with `fstat`: a
  symbolic link (to `/dev/zero`, say), a FIFO, a device, a socket or a folder is
  refused without reading a byte, and a FIFO never makes the wizard wait for a writer.
- At most `limit` bytes are read (each kind of file states its own limit; see
  `DRAFT_LIMIT` and `SMALL_LIMIT`): a larger file is refused without being read.
- The bytes must be UTF-8, and the JSON's nesting is bounded before it is parsed:
  `nesting_depth` scans the text once (strings left out, brackets counted), so a file
  nested 100,000 levels deep costs one linear scan, never a deep recursion.
- Then the caller checks the shape of what was parsed, every field's type and range
  (`Damaged` for anything wrong).

A file found damaged in any way is set aside: renamed `NAME.damaged` (`NAME.1.damaged`,
`NAME.2.damaged`, … when that name is taken), never deleted — a draft may hold
someone's typing — and reported once (`SetAside`): to the listeners (`listen`; the app
shows one notification line in the interface language) or, while nobody listens,
kept until someone does or the command line takes them (`take_reports`) to say on
stderr why the wizard did not start. The reader then carries on as if the file were
not there.

Writes go through `write_atomic`: a new temporary file with an unpredictable name,
created with `O_CREAT | O_EXCL | O_NOFOLLOW` and mode 0600 (`tempfile.mkstemp`), then
renamed over the target (a rename replaces a symbolic link planted at the target, it
never writes through one). Folders of the state dir are created with mode 0700.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import itertools
import json
import os
import re
import stat
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeGuard, TypeVar

import platformdirs

from exports.atomic import write_reason
from schemas.texts import Phrase
from wizard.core.i18n import get_language, t

T = TypeVar("T")

MiB = 1024 * 1024

DRAFT_LIMIT = 32 * MiB
"""The largest draft read (and written): a policy's data as JSON is about as long as its
TOML, and a policy of several megabytes is already far beyond any real one."""

SMALL_LIMIT = 256 * 1024
"""The largest lock, recent-files list or author file read (they hold a few short lines)."""

DRAFT_DEPTH = 66
"""The deepest nesting of a draft's JSON: that of the deepest policy the wizard reads
(`exports.store.MAX_DEPTH`, 64: a policy itself needs six), plus the draft's own object
and a tagged date at the bottom."""

SMALL_DEPTH = 4
"""The deepest nesting of a lock, recent-files list or author file (they have one level)."""

SUFFIX = ".damaged"
"""What a damaged state file's name gets when it is set aside."""

REASONS = ("not_regular", "unreadable", "too_large", "not_utf8", "too_deep", "not_json", "shape")
"""Why a state file counts as damaged (`Damaged.reason`)."""

_REASON_KEYS = {
    "not_regular": "state.reason.not_regular",
    "unreadable": "state.reason.unreadable",
    "too_large": "state.reason.too_large",
    "not_utf8": "state.reason.not_utf8",
    "too_deep": "state.reason.too_deep",
    "not_json": "state.reason.not_json",
    "shape": "state.reason.shape",
}


def state_dir() -> Path:
    """Where presence keeps its state: `$PRESENCE_STATE_DIR`, or the platform's state dir."""
    override = os.environ.get("PRESENCE_STATE_DIR")
    return Path(override) if override else Path(platformdirs.user_state_dir("presence"))


class Damaged(ValueError):
    """A state file that cannot be used as it is; `reason` is one of `REASONS`."""

    def __init__(
        self, reason: str, detail: str = "", identity: tuple[int, int] | None = None
    ) -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.detail = detail
        self.identity = identity
        """The device and inode of what was judged (None when nothing could be looked at)."""


def require(condition: bool, detail: str) -> None:
    """`Damaged` (a wrong shape) unless `condition` holds."""
    if not condition:
        raise Damaged("shape", detail)


def is_text(value: Any) -> TypeGuard[str]:
    """Whether `value` is a string that UTF-8 can hold (JSON's `\\ud800` escapes can
    give a string with half a character, which no terminal or file can take)."""
    if not isinstance(value, str):
        return False
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def is_path(value: Any) -> TypeGuard[str]:
    """Whether `value` is an absolute path the system can take (no NUL; a name that is not
    UTF-8 comes back as the characters `os.fsdecode` gives for its bytes)."""
    if not isinstance(value, str) or "\0" in value or not os.path.isabs(value):
        return False
    try:
        os.fsencode(value)
    except UnicodeEncodeError:
        return False
    return True


def date_time(value: Any, name: str) -> dt.datetime:
    """`value` as an ISO date and time that converts to local time (the dialogs show it
    so); `Damaged` when it is not one."""
    require(isinstance(value, str), f"{name} is not a date and time")
    try:
        when = dt.datetime.fromisoformat(value)
        when.astimezone()
    except (ValueError, OverflowError, OSError):
        raise Damaged("shape", f"{name} is not a date and time") from None
    return when


# -- reading ----------------------------------------------------------------------------
_STRING = re.compile(r'"[^"\\]*+(?:\\.[^"\\]*+)*+"?', re.DOTALL)
"""A JSON string. Possessive: no backtracking, no memory per character. The closing
quote is optional so that a string left open matches to the end of the text instead of
failing, which would make the search try again at every quote inside it (quadratic)."""

_NOT_BRACKET = re.compile(r"[^\[\]{}]++")
_STEP = {"[": 1, "{": 1, "]": -1, "}": -1}


def nesting_depth(text: str) -> int:
    """How deep the brackets of JSON `text` nest (those inside strings left out).

    Linear in the text and without recursion. On text that is not JSON the figure
    may be anything, but the parser refuses such text anyway.
    """
    brackets = _NOT_BRACKET.sub("", _STRING.sub("", text))
    return max(itertools.accumulate(map(_STEP.__getitem__, brackets)), default=0)


def _identity(info: os.stat_result) -> tuple[int, int]:
    return (info.st_dev, info.st_ino)


def _read_bytes(path: Path, limit: int) -> tuple[bytes, tuple[int, int]] | None:
    """The bytes of the regular file `path` (at most `limit`), or None when there is none.

    `Damaged` for anything else at that name, or a file too large or unreadable; the
    exception carries the device and inode of what was found, for setting it aside.
    """
    try:
        found = os.lstat(path)
    except (FileNotFoundError, NotADirectoryError):
        return None
    except OSError as error:
        raise Damaged("unreadable", error.strerror or str(error)) from None
    identity = _identity(found)
    if not stat.S_ISREG(found.st_mode):
        raise Damaged("not_regular", stat.filemode(found.st_mode), identity)
    if found.st_size > limit:
        raise Damaged("too_large", f"{found.st_size} bytes", identity)
    flags = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except (FileNotFoundError, NotADirectoryError):
        return None
    except OSError as error:
        reason = "not_regular" if error.errno == errno.ELOOP else "unreadable"
        raise Damaged(reason, error.strerror or str(error), identity) from None
    try:
        # What was opened is judged (the name may have been replaced since the look).
        opened = os.fstat(fd)
        identity = _identity(opened)
        if not stat.S_ISREG(opened.st_mode):
            raise Damaged("not_regular", stat.filemode(opened.st_mode), identity)
        chunks: list[bytes] = []
        size = 0
        while size <= limit:
            chunk = os.read(fd, min(limit + 1 - size, MiB))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as error:
        raise Damaged("unreadable", error.strerror or str(error), identity) from None
    finally:
        os.close(fd)
    if size > limit:
        raise Damaged("too_large", f"over {limit} bytes", identity)
    return b"".join(chunks), identity


def read_json(path: Path, *, limit: int, depth: int) -> tuple[Any, tuple[int, int]] | None:
    """The parsed JSON of state file `path` and the file's identity (device, inode), or None
    when there is no such file. `Damaged` when it is not a regular file, is larger than
    `limit` bytes, is not UTF-8, nests deeper than `depth` or is not JSON. The file is
    left where it is (see `load` for setting it aside)."""
    found = _read_bytes(path, limit)
    if found is None:
        return None
    raw, identity = found
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise Damaged("not_utf8", str(error), identity) from None
    if nesting_depth(text) > depth:
        raise Damaged("too_deep", f"deeper than {depth}", identity)
    try:
        value = json.loads(text)
    except (ValueError, RecursionError) as error:
        raise Damaged("not_json", str(error), identity) from None
    return value, identity


def load(path: Path, shape: Callable[[Any], T], *, limit: int, depth: int) -> T | None:
    """State file `path` read (`read_json`) and checked by `shape`, or None when there is
    no such file or it is damaged; a damaged file is set aside and reported (`set_aside`).

    `shape` turns the parsed JSON into what the caller keeps; it raises `Damaged` for
    anything that is not as the file's writer writes it (a ValueError, TypeError,
    KeyError, IndexError or OverflowError from it — a date that does not parse, a number
    out of range — counts as a wrong shape too).
    """
    identity: tuple[int, int] | None = None
    try:
        found = read_json(path, limit=limit, depth=depth)
        if found is None:
            return None
        value, identity = found
        return shape(value)
    except Damaged as error:
        set_aside(path, error.reason, error.identity or identity)
    except (ValueError, TypeError, KeyError, IndexError, OverflowError, RecursionError):
        set_aside(path, "shape", identity)
    return None


# -- setting aside ---------------------------------------------------------------------
@dataclass(frozen=True)
class SetAside:
    """A damaged state file that was found (and, unless `moved_to` is None, renamed)."""

    path: Path
    """Where it was found."""

    reason: str
    """One of `REASONS`."""

    moved_to: Path | None
    """Its new name; None when it could not be renamed (`error` says why)."""

    error: Phrase | str = ""
    """Why it could not be renamed, in words of any language."""

    def message(self) -> str:
        """One line in the interface language."""
        reason = t(_REASON_KEYS.get(self.reason, "state.reason.shape"))
        if self.moved_to is None:
            error = self.error if isinstance(self.error, str) else self.error.text(get_language())
            return t("state.not_set_aside", path=str(self.path), reason=reason, error=error)
        return t("state.set_aside", path=str(self.moved_to), reason=reason)


_pending: list[SetAside] = []
_listeners: list[Callable[[SetAside], None]] = []
_reported: set[tuple[str, tuple[int, int] | None]] = set()


def _free_name(path: Path) -> Path:
    """`NAME.damaged`, or `NAME.1.damaged`, `NAME.2.damaged`… the first that is free."""
    for number in itertools.count():
        middle = f".{number}" if number else ""
        candidate = path.with_name(f"{path.name}{middle}{SUFFIX}")
        if not os.path.lexists(candidate):
            return candidate
    raise AssertionError("unreachable")  # pragma: no cover


def _move_aside(path: Path) -> Path:
    """Rename `path` (whatever it is: a link is renamed, not followed) to a free
    `.damaged` name that nothing else takes meanwhile; OSError on failure."""
    for _ in range(100):
        target = _free_name(path)
        try:
            # A hard link fails if the name was taken meanwhile, where a rename would
            # replace it; the old name goes once the new one holds the file.
            os.link(path, target, follow_symlinks=False)
        except FileExistsError:
            continue
        except OSError:
            # No hard links here (a folder, some file systems): rename after the check.
            os.rename(path, target)
            return target
        os.unlink(path)
        return target
    raise OSError(errno.EEXIST, "no free name to set the file aside")


def set_aside(path: Path, reason: str, identity: tuple[int, int] | None = None) -> SetAside | None:
    """Rename the damaged state file `path` to a free `.damaged` name and report it.

    With `identity` (device, inode of what was judged damaged), nothing happens when
    another file has taken the name meanwhile (another wizard rewrote it). A file that
    cannot be renamed is reported once, with the reason.
    """
    if identity is not None:
        try:
            if _identity(os.lstat(path)) != identity:
                return None
        except OSError:
            return None
    try:
        report = SetAside(path=path, reason=reason, moved_to=_move_aside(path))
    except OSError as error:
        key = (str(path), identity)
        if key in _reported:
            return None
        _reported.add(key)
        report = SetAside(path, reason, None, write_reason(error))
    _report(report)
    return report


def _report(report: SetAside) -> None:
    if _listeners:
        for listener in list(_listeners):
            listener(report)
    else:
        _pending.append(report)


def listen(listener: Callable[[SetAside], None]) -> Callable[[], None]:
    """Call `listener` for every state file set aside from now on, and at once for those
    set aside while nobody listened. Returns the call that stops listening."""
    _listeners.append(listener)
    for report in take_reports():
        listener(report)

    def stop() -> None:
        with contextlib.suppress(ValueError):
            _listeners.remove(listener)

    return stop


def take_reports() -> list[SetAside]:
    """The state files set aside while nobody listened (forgotten once taken)."""
    reports = list(_pending)
    _pending.clear()
    return reports


# -- writing ---------------------------------------------------------------------------
def make_dir(folder: Path) -> None:
    """Create `folder` and its parents as needed, each new one for the user only (0700)."""
    missing: list[Path] = []
    while not folder.is_dir() and folder != folder.parent:
        missing.append(folder)
        folder = folder.parent
    for path in reversed(missing):
        path.mkdir(mode=0o700, exist_ok=True)


def encode(text: str) -> bytes:
    """`text` (JSON) as UTF-8. A file name that is not UTF-8 reaches Python as lone
    surrogates; they can only stand inside JSON strings, where `\\udcff` is the JSON
    escape that reads back as the same character, which is what `backslashreplace` writes."""
    return text.encode("utf-8", "backslashreplace")


def write_atomic(target: Path, text: str, *, fsync: bool = False, limit: int | None = None) -> None:
    """Replace state file `target` with `text` (JSON) atomically, mode 0600, by the
    program's one atomic write (`exports.atomic.replace_file`); OSError on
    failure (the old file then stays as it was). With `limit`, refuses a text longer
    than the readers of the file accept (they would set it aside)."""
    from exports.atomic import replace_file

    data = encode(text)
    if limit is not None and len(data) > limit:
        raise OSError(errno.EFBIG, f"larger than {limit // MiB} MiB")
    make_dir(target.parent)
    replace_file(target, data, durable=fsync)
