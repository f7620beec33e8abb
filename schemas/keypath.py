"""Key paths: `communication.templates[1].text`, the one way every layer names a value.

A key path is a sequence of keys (str) and 0-based array indexes (int). As text, keys
are joined by dots and indexes written `[n]`; a key that is not a TOML bare key
(`A-Z a-z 0-9 _ -`) is written as TOML writes it, a basic string with TOML's escapes
(`document."a.b"`, `document."a\\u001Bb"`), so that the text names exactly one key
and shows every character of it, control characters and bidirectional marks included.

`format_path` and `parse_path` are each other's inverse: `parse_path(format_path(p))
== tuple(p)` for every path, and `parse_path` also reads what TOML allows in a dotted
key (literal strings `'a b'`, spaces around the dots). Problems, messages, positions
in the file, the wizard's fields and its labels all use these two functions.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

PathPart = str | int
"""A key (str) or a 0-based array index (int) of a key path."""

KeyPath = tuple[PathPart, ...]
"""A key path as data: `("content", "rubrics", 0, "platforms")`."""

_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
_KEY_ESCAPES = {"\\": "\\\\", '"': '\\"', "\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f"}
_KEY_ESCAPES["\r"] = "\\r"
_UNSHOWN = re.compile(
    r'["\\\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]'
)
"""What a quoted key escapes: what TOML must escape (quote, backslash, C0 controls and
DEL), and what the terminal would act on or hide (C1 controls, bidirectional marks and
overrides, line and paragraph separators), as TOML's `\\uXXXX`."""

_UNESCAPES = {"b": "\b", "t": "\t", "n": "\n", "f": "\f", "r": "\r", '"': '"', "\\": "\\"}
_ESCAPE = re.compile(r"\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.?))", re.DOTALL)

_SEGMENT = re.compile(
    r"""[ \t]*(?:
        (?P<bare>[A-Za-z0-9_-]+)
      | "(?P<basic>(?:[^"\\\n]++|\\(?:[btnfr"\\]|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}))*+)"
      | '(?P<literal>[^'\n]*)'
    )[ \t]*""",
    re.VERBOSE,
)
_INDEX = re.compile(r"\[(?P<index>[0-9]+)\][ \t]*")


def quote_key(key: str) -> str:
    """A key as TOML writes it: bare when it can be, else a basic string with TOML's
    escapes (`\\b \\t \\n \\f \\r \\" \\\\`, `\\u001B` for other control characters)."""
    if _BARE_KEY.fullmatch(key):
        return key
    return '"' + _UNSHOWN.sub(_escape_key_char, key) + '"'


def _escape_key_char(match: re.Match[str]) -> str:
    char = match.group()
    return _KEY_ESCAPES.get(char) or f"\\u{ord(char):04X}"


def unescape(body: str) -> str:
    """The text of a TOML basic string's body (between the quotes), escapes resolved:
    `\\b \\t \\n \\f \\r \\" \\\\`, `\\uXXXX` and `\\UXXXXXXXX` (an unknown escape by its
    letter). One pass of one regular expression: linear in the body's length."""
    if "\\" not in body:
        return body
    return _ESCAPE.sub(_unescaped, body)


def _unescaped(match: re.Match[str]) -> str:
    short, long, other = match.groups()
    code = short or long
    if code is not None:
        return chr(int(code, 16))
    return _UNESCAPES.get(other, other)


def format_path(parts: Iterable[PathPart]) -> str:
    """`["a", "b", 0, "c"]` as the key path `a.b[0].c`; a key that TOML would quote is
    quoted the same way (`document."a.b"`, `document."a\\u001Bb"`), so that the path
    names one key and shows every character of it. The empty path is ""."""
    text = ""
    for part in parts:
        if isinstance(part, int) and not isinstance(part, bool):
            text += f"[{part}]"
        else:
            key = quote_key(str(part))
            text += f".{key}" if text else key
    return text


def parse_path(path: str) -> KeyPath:
    """Split `content.rubrics[0]."a.b"` into `("content", "rubrics", 0, "a.b")`: the
    inverse of `format_path` ("" is the empty path, the whole policy).

    Keys are bare, basic strings (`"a.b"`, with TOML's escapes) or literal strings
    (`'a b'`); spaces around the dots are allowed, as in a TOML dotted key. Anything
    else (`a..b`, `a[x]`, an unclosed quote) is a ValueError naming where it stops.
    """
    parts: list[PathPart] = []
    position = 0
    expect = "start"  # "start": a key or an index; "key": a key (after a dot); "more"
    while position < len(path):
        if expect != "key" and (index := _INDEX.match(path, position)) is not None:
            parts.append(int(index.group("index")))
            position, expect = index.end(), "more"
        elif expect == "more":
            if path[position] != ".":
                raise _bad(path, position)
            position, expect = position + 1, "key"
        else:
            segment = _SEGMENT.match(path, position)
            if segment is None:
                raise _bad(path, position)
            bare, basic, literal = segment.group("bare", "basic", "literal")
            parts.append(
                bare if bare is not None else literal if basic is None else unescape(basic)
            )
            position, expect = segment.end(), "more"
    if expect == "key":  # a trailing dot
        raise _bad(path, len(path))
    return tuple(parts)


def _bad(path: str, position: int) -> ValueError:
    return ValueError(f"bad key path {path!r} at character {position + 1}")


def is_under(path: str, ancestor: str) -> bool:
    """Whether key path `path` is `ancestor` or lies inside it (`ancestor.x`,
    `ancestor[0]`); both as `format_path` writes them."""
    return path == ancestor or path.startswith((ancestor + ".", ancestor + "["))
