"""Reading, locating and saving a policy file.

Reading is lean (bytes, UTF-8, `tomllib`) because `validate` and `export` only read;
positions of key paths are scanned only when a message needs one, and the scanner,
the file's digest and the atomic writer load only when they are used. Saving rewrites only
what changed (see `exports.rewrite`), keeps the newline style and a byte-order mark,
and replaces the file atomically (see `exports.atomic`).
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from exports.texts import FILES
from schemas.model import SCHEMA_VERSION
from schemas.texts import Phrase, has

if TYPE_CHECKING:
    from exports.atomic import PolicyWriteError, atomic_write
    from exports.positions import PositionMap
    from schemas.keypath import KeyPath

BOM = b"\xef\xbb\xbf"
Newline = Literal["\n", "\r\n"]

_TOML_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)\s*$")
_AT_END = re.compile(r"\s*\(at end of document\)\s*$")
_DUPLICATE = re.compile(
    r"^(?:Cannot (?:overwrite a value|declare .* twice|redefine namespace .*"
    r"|mutate immutable namespace .*)|Duplicate inline table key .*)$"
)
TOML_MESSAGES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), key)
    for pattern, key in (
        (r"^Illegal character '\\n'$", "toml.newline_in_string"),
        (r"^Unterminated string$", "toml.unterminated_string"),
        (r"^Invalid value$", "toml.invalid_value"),
        (r"^Invalid statement$", "toml.invalid_statement"),
        (r"^Expected newline or end of document after a statement$", "toml.expected_newline"),
        (r"^Expected '=' after a key in a key/value pair$", "toml.expected_equals"),
        (r"^Expected '\]' at the end of a table declaration$", "toml.table_end"),
        (r"^Expected '\]\]' at the end of an array declaration$", "toml.array_end"),
        (r"^Expected (?P<what>.+)$", "toml.expected"),
        (r"^Found invalid character (?P<char>.+)$", "toml.invalid_character"),
        (r"^Illegal character (?P<char>.+)$", "toml.illegal_character"),
        (r"^Cannot overwrite a value$", "toml.overwrite"),
        (r"^Cannot declare (?P<key>.+) twice$", "toml.declare_twice"),
        (r"^Cannot mutate immutable namespace (?P<key>.+)$", "toml.immutable"),
        (r"^Cannot redefine namespace (?P<key>.+)$", "toml.redefine_namespace"),
        (r"^Duplicate inline table key (?P<key>.+)$", "toml.duplicate_inline_key"),
        (r"^Invalid initial character for a key part$", "toml.key_start"),
        (r"^Unclosed array$", "toml.unclosed_array"),
        (r"^Unclosed inline table$", "toml.unclosed_inline_table"),
        (r"^Unescaped '\\' in a string$", "toml.unescaped_backslash"),
        (r"^Invalid hex value$", "toml.invalid_hex"),
        (r"^Escaped character is not a Unicode scalar value$", "toml.not_scalar"),
        (r"^Invalid date or datetime$", "toml.invalid_date"),
    )
)
"""Each message of `tomllib` (without its position) and the `files` catalogue's key
that says it in words, its parts as params; another message is `toml.other`
(tests/unit/test_read_errors.py reads tomllib's source for every message it can give)."""

__all__ = [
    "MAX_FILE_BYTES",
    "NewerFormatError",
    "PolicyEncodingError",
    "PolicyFileError",
    "PolicyNotFoundError",
    "PolicyReadError",
    "PolicySource",
    "PolicySyntaxError",
    "PolicyTooLargeError",
    "PolicyValueError",
    "PolicyWriteError",
    "TooLarge",
    "atomic_write",
    "file_changed_on_disk",
    "read_bounded",
    "read_policy",
    "render_policy",
    "save_policy",
]


def __getattr__(name: str) -> Any:
    """`PolicyWriteError` and `atomic_write`, from `exports.atomic` on first use."""
    if name in ("PolicyWriteError", "atomic_write"):
        from exports import atomic

        return getattr(atomic, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


MAX_FILE_BYTES = 16 * 1024 * 1024
"""The largest policy file read: 16 MiB. A policy holding a few thousand platforms
weighs a few megabytes (the benchmark's x100 policy, 300 platforms and the sections of
version 2, weighs 0.49 MB); a larger file is refused before it is parsed, so that no
file costs more than a bounded time and memory."""


class TooLarge(Exception):
    """A file over `MAX_FILE_BYTES`; `size` is None when the file has no size of its own
    (a device, a pipe) and gave more than the limit."""

    def __init__(self, size: int | None) -> None:
        self.size = size
        super().__init__(str(too_large_reason(size)))


def too_large_reason(size: int | None) -> Phrase:
    """Why a file over `MAX_FILE_BYTES` is refused: its size, and the limit."""
    limit = {"limit": MAX_FILE_BYTES, "limit_mib": MAX_FILE_BYTES // 1024 // 1024}
    if size is None:
        return Phrase(FILES, "read.too_large_unknown", limit)
    return Phrase(FILES, "read.too_large", {**limit, "size": size, "mib": f"{size / 2**20:.1f}"})


def too_large_message(size: int | None) -> str:
    """Why a file over `MAX_FILE_BYTES` is refused, in English."""
    return str(too_large_reason(size))


class PolicyReadError(Exception):
    """A policy file that cannot be read; the subclass says why, `reason` says it in
    words in any language (`text(lang)`), `message` in English (`PolicyFileError`,
    `PolicyNotFoundError`, `PolicyTooLargeError`, `PolicyEncodingError`,
    `PolicySyntaxError`, `PolicyValueError`, `NewerFormatError`). Callers tell the
    reasons apart by type, never by the message's text."""

    def __init__(
        self,
        file: str,
        reason: Phrase | str,
        line: int | None = None,
        column: int | None = None,
        *,
        too_large: TooLarge | None = None,
    ) -> None:
        self.file = file
        self.reason = (  # a str: words of the caller's own, in English
            reason if isinstance(reason, Phrase) else Phrase(FILES, "other", {"detail": reason})
        )
        self.message = str(self.reason)
        self.line = line
        self.column = column
        self.too_large = too_large
        """Set when the file is over `MAX_FILE_BYTES` (the wizard says so in its language)."""
        super().__init__(str(self))

    def text(self, lang: str) -> str:
        """Why the file cannot be read, in `lang`."""
        return self.reason.text(lang)

    def __str__(self) -> str:
        if self.line is None:
            return f"{self.file}: error: {self.message}"
        column = 1 if self.column is None else self.column
        return f"{self.file}:{self.line}:{column}: error: {self.message}"


class PolicyFileError(PolicyReadError):
    """The file cannot be read at all: a folder, no permission, an error of the system."""


class PolicyNotFoundError(PolicyFileError):
    """There is no file at the path (or a name on the way to it is not a folder)."""


class PolicyTooLargeError(PolicyFileError):
    """The file is over `MAX_FILE_BYTES` and was not read; `too_large.size` is its size
    (None for a special file that gave more than the limit)."""


class PolicyEncodingError(PolicyReadError):
    """The file is not UTF-8 text (UTF-16, UTF-32, or bytes that are not UTF-8); `line`
    and `column` say where. The author can fix it by saving the file as UTF-8."""


class PolicySyntaxError(PolicyReadError):
    """The text is not valid TOML (a key or a table defined twice included); `line` and
    `column` say where. The author can fix it in the file."""


class PolicyValueError(PolicyReadError):
    """Valid TOML that holds what the program cannot take: values nested deeper than
    `MAX_DEPTH`, a number Python will not build."""


class NewerFormatError(PolicyReadError):
    """The file's `schema_version` is newer than this program understands: it is never
    opened for editing or overwritten."""

    def __init__(
        self,
        file: str,
        version: int,
        supported: int,
        line: int | None = None,
        column: int | None = None,
    ) -> None:
        self.version = version
        self.supported = supported
        reason = Phrase(FILES, "newer", {"version": version, "supported": supported})
        super().__init__(file, reason, line, column)


@dataclass
class PolicySource:
    """A policy file as read: its bytes, its text and data, and how it is written."""

    path: Path
    raw: bytes
    text: str
    """The decoded text without the byte-order mark; positions are counted in it."""
    data: dict[str, Any]
    bom: bool = False
    newline: Newline = "\n"

    @cached_property
    def digest(self) -> str:
        """SHA-256 of `raw`, hex."""
        import hashlib

        return hashlib.sha256(self.raw).hexdigest()

    @cached_property
    def positions(self) -> PositionMap:
        """Where each key path stands in the text, scanned on first use."""
        from exports.positions import scan_positions

        return scan_positions(self.text)

    def value_position(self, path: str | KeyPath) -> tuple[int, int] | None:
        """Line and column (1-based) of the value at a key path; None when the key is absent.

        A table points at its header (`platforms[1]` at its `[[platforms]]` line); an
        array item the scanner did not see points at the array's value.
        """
        return self.positions.value_position(path)

    def key_position(self, path: str | KeyPath) -> tuple[int, int] | None:
        """Line and column (1-based) of the key at a key path, for unknown-key problems."""
        return self.positions.key_position(path)

    def position(self, path: str | KeyPath, *, key: bool = False) -> tuple[int, int] | None:
        """The value's position, or the key's with `key=True`."""
        return self.key_position(path) if key else self.value_position(path)


def read_bounded(path: Path) -> bytes:
    """The bytes of a file of at most `MAX_FILE_BYTES`; `TooLarge` (before reading it)
    for a larger one, and for a special file that gives more (`/dev/zero`). OSError as
    `open` and `read` raise it."""
    with path.open("rb") as file:
        size = os.fstat(file.fileno()).st_size
        if size > MAX_FILE_BYTES:
            raise TooLarge(size)
        raw = file.read(MAX_FILE_BYTES + 1)
    if len(raw) > MAX_FILE_BYTES:  # it grew while being read, or it has no size
        raise TooLarge(None)
    return raw


def read_policy(path: Path) -> PolicySource:
    """Read and parse a policy file; `PolicyReadError` says why a file cannot be read.

    A file over `MAX_FILE_BYTES` is refused before it is read whole; a special file
    that never ends (`/dev/zero`) is read no further than the limit.
    """
    label = str(path)
    try:
        raw = read_bounded(path)
    except TooLarge as error:
        reason = too_large_reason(error.size)
        raise PolicyTooLargeError(label, reason, too_large=error) from None
    except FileNotFoundError:
        raise PolicyNotFoundError(label, Phrase(FILES, "read.not_found")) from None
    except NotADirectoryError:
        raise PolicyNotFoundError(label, Phrase(FILES, "read.not_a_directory")) from None
    except IsADirectoryError:
        raise PolicyFileError(label, Phrase(FILES, "read.is_directory")) from None
    except PermissionError:
        raise PolicyFileError(label, Phrase(FILES, "os.EACCES")) from None
    except OSError as error:
        raise PolicyFileError(label, read_reason(error)) from None
    return parse_policy(path, raw)


def read_reason(error: OSError, *, plain: bool = False) -> Phrase:
    """Why the system would not let a file be read, in words of any language: "cannot
    read: …", or with `plain` the system's reason alone ("file name too long")."""
    import errno

    name = errno.errorcode.get(error.errno or 0)
    known = name is not None and has(FILES, f"os.{name}")
    if plain and known:
        return Phrase(FILES, f"os.{name}")
    if known:
        return Phrase(FILES, "read.system", {"reason": name})
    detail = (error.strerror or str(error)).lower()
    return Phrase(FILES, "other" if plain else "read.system_other", {"detail": detail})


def parse_policy(path: Path, raw: bytes) -> PolicySource:
    """A `PolicySource` from bytes already read (`path` names the file in messages)."""
    label = str(path)
    bom = raw.startswith(BOM)
    body = raw[len(BOM) :] if bom else raw
    text = _decode(label, body)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise _syntax_error(label, text, str(error)) from None
    except RecursionError:
        raise PolicyValueError(label, _TOO_DEEP) from None
    except ValueError as error:  # a value Python will not build (an integer of 5000 digits)
        reason = Phrase(FILES, "value.unreadable", {"detail": str(error)})
        raise PolicyValueError(label, reason) from None
    if not isinstance(data, dict):  # pragma: no cover - tomllib always gives a table
        raise PolicyValueError(label, Phrase(FILES, "value.not_table"))
    if _too_deep(data):
        raise PolicyValueError(label, _TOO_DEEP)
    source = PolicySource(
        path=path,
        raw=raw,
        text=text,
        data=data,
        bom=bom,
        newline=_newline_of(text),
    )
    _check_version(source)
    return source


MAX_DEPTH = 64
"""Tables and arrays nested deeper than this are refused: a policy needs six levels,
and hundreds would exhaust the checks' recursion."""

_TOO_DEEP = Phrase(FILES, "value.too_deep", {"max": MAX_DEPTH})


def _too_deep(data: object) -> bool:
    """Whether tables and arrays nest deeper than `MAX_DEPTH` (walked without recursion)."""
    stack: list[tuple[object, int]] = [(data, 0)]
    while stack:
        value, depth = stack.pop()
        if depth > MAX_DEPTH:
            return True
        if isinstance(value, dict):
            stack.extend((item, depth + 1) for item in value.values())
        elif isinstance(value, list):
            stack.extend((item, depth + 1) for item in value)
    return False


def _wide_encoding(body: bytes) -> str | None:
    """The wide encoding the bytes look like ("UTF-32", "UTF-16": a byte-order mark,
    or a zero byte beside every ASCII character), else None."""
    if body.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return "UTF-32"
    if body.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "UTF-16"
    sample = body[: 4096 - 4096 % 4]
    if len(sample) < 16:
        return None

    def zeros(lane: int, width: int) -> float:
        part = sample[lane::width]
        return part.count(0) / len(part)

    # Without a mark: text that is mostly ASCII has a zero beside every character.
    for width, name in ((4, "UTF-32"), (2, "UTF-16")):
        shares = [zeros(lane, width) for lane in range(width)]
        for text_lane in (0, width - 1):  # little-endian, big-endian
            others = [share for lane, share in enumerate(shares) if lane != text_lane]
            if shares[text_lane] < 0.1 and min(others) > 0.9:
                return name
    return None


def _decode(label: str, body: bytes) -> str:
    wide = _wide_encoding(body)
    if wide is not None:
        raise PolicyEncodingError(label, Phrase(FILES, "encoding.wide", {"encoding": wide}), 1, 1)
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as error:
        before = body[: error.start]
        line_start = before.rfind(b"\n") + 1
        line = before.count(b"\n") + 1
        column = len(before[line_start:].decode("utf-8", errors="replace")) + 1
        byte = f"{body[error.start]:02X}"
        reason = Phrase(FILES, "encoding.byte", {"byte": byte})
        raise PolicyEncodingError(label, reason, line, column) from None


def _syntax_error(label: str, text: str, message: str) -> PolicySyntaxError:
    line: int | None = None
    column: int | None = None
    match = _TOML_POSITION.search(message)
    if match:
        line, column = int(match.group(1)), int(match.group(2))
        message = message[: match.start()]
    elif _AT_END.search(message):
        message = _AT_END.sub("", message)
        line = text.count("\n") + 1
        column = len(text) - (text.rfind("\n") + 1) + 1
    if line is not None and column is not None and _DUPLICATE.match(message):
        redefined = _redefinition(text, line, column)
        if redefined is not None:
            return PolicySyntaxError(label, *redefined)
    return PolicySyntaxError(label, toml_reason(message), line, column)


def toml_reason(message: str) -> Phrase:
    """A message of `tomllib` (without its position) in words of any language."""
    for pattern, key in TOML_MESSAGES:
        found = pattern.match(message)
        if found:
            return Phrase(FILES, key, found.groupdict())
    return Phrase(FILES, "toml.other", {"detail": message[:1].lower() + message[1:]})


def _redefinition(text: str, line: int, column: int) -> tuple[Phrase, int, int] | None:
    """What a key or table defined twice is, in words, and where its second definition
    starts: tomllib points past it (after a multi-line value, at a lower line)."""
    from exports.positions import find_redefinition
    from schemas.keypath import format_path

    lines = text.split("\n")
    if line > len(lines):
        return None
    end = sum(len(item) + 1 for item in lines[: line - 1]) + column - 1
    found = find_redefinition(text, end)
    if found is None:
        return None
    header = format_path(part for part in found.path if isinstance(part, str))
    shown = {
        "key": format_path(found.path),
        "table": f"[{header}]",
        "array": f"[[{header}]]",
    }
    what: dict[str, object] = {"kind": found.kind, "name": shown[found.kind]}
    before = text[: found.start]
    where = before.count("\n") + 1, found.start - (before.rfind("\n") + 1) + 1
    if found.earlier is None or found.earlier_start is None:
        return Phrase(FILES, "toml.twice", what), *where
    first = text.count("\n", 0, found.earlier_start) + 1
    if found.earlier == found.path:
        return Phrase(FILES, "toml.twice_first", {**what, "first": first}), *where
    earlier = format_path(found.earlier)
    params = {**what, "earlier": earlier, "first": first}
    return Phrase(FILES, "toml.redefines", params), *where


def _newline_of(text: str) -> Newline:
    end = text.find("\n")
    return "\r\n" if end > 0 and text[end - 1] == "\r" else "\n"


def _check_version(source: PolicySource) -> None:
    version = source.data.get("schema_version")
    if isinstance(version, int) and not isinstance(version, bool) and version > SCHEMA_VERSION:
        position = source.value_position(("schema_version",))
        line, column = position if position else (None, None)
        raise NewerFormatError(str(source.path), version, SCHEMA_VERSION, line, column)


def render_policy(data: Mapping[str, Any], source: PolicySource | None = None) -> str:
    """The whole text of the file holding `data` (without a byte-order mark).

    With a source, only what differs from `source.data` is rewritten: comments, blank
    lines, key order and quoting of everything else stay as they were, and unchanged
    data gives back the same text. Without one, a tidy new file in the format's order.
    None values count as absent. Raises TypeError for a value TOML cannot hold.
    """
    from exports import rewrite, tomlrender

    new = rewrite.without_none(data)
    if source is None:
        return tomlrender.render_new_policy(new)
    if rewrite.same(source.data, new):
        return source.text
    try:
        text = rewrite.update_text(source.text, source.data, new, source.newline)
        if rewrite.same(tomllib.loads(text), new):
            return text
    except (rewrite.Unsupported, tomllib.TOMLDecodeError):
        pass
    # Last resort: a layout the in-place edits cannot handle. The data is what matters.
    fresh = tomlrender.render_new_policy(new)
    return fresh.replace("\n", source.newline) if source.newline != "\n" else fresh


def save_policy(
    path: Path,
    data: Mapping[str, Any],
    source: PolicySource | None = None,
    *,
    template: str | None = None,
) -> PolicySource:
    """Render and atomically write the file; returns the new source for further edits.

    Without a source, an existing file that a newer program wrote is refused
    (`NewerFormatError`) rather than overwritten. `template`: for a new file (no
    source), the text to write the data into (another policy's, its comments kept),
    as a save edits an existing file.
    """
    if source is None and path.is_file():
        try:
            read_policy(path)
        except NewerFormatError:
            raise
        except PolicyReadError:
            pass  # only a newer format is refused here
    from exports.atomic import atomic_write

    base = source
    if base is None and template is not None:
        base = parse_policy(path, template.encode("utf-8"))
    text = render_policy(data, base)
    if source is not None and text == source.text:
        raw = source.raw
    else:
        raw = (BOM if source is not None and source.bom else b"") + text.encode("utf-8")
    atomic_write(path, raw)
    return parse_policy(path, raw)


def file_changed_on_disk(source: PolicySource) -> bool:
    """Whether the file's bytes differ from when it was read (a missing file has changed,
    and so has one grown over `MAX_FILE_BYTES`)."""
    import hashlib

    try:
        raw = read_bounded(source.path)
    except (OSError, TooLarge):
        return True
    return hashlib.sha256(raw).hexdigest() != source.digest
