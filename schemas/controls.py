"""Characters a terminal or a reader acts on without showing them, and how they are shown.

A policy comes from outside (an agency's template, a client's file, a pull request),
so its text may hold characters that do something instead of showing something:
an escape sequence that sets the clipboard (OSC 52), clears the screen (`ESC [2J`)
or resets the terminal (`ESC c`), their one-byte C1 forms (U+009B, U+009D), a bell,
or a bidirectional override that makes text read differently from what it holds
(U+202E). None of them is ever written raw where a person reads: the command line,
the exported documents and the wizard show each one visibly instead.

What counts (`is_control`):

- the C0 controls U+0000-U+001F (tab and line feed only where a place shows lines),
- DEL U+007F and the C1 controls U+0080-U+009F,
- the bidirectional marks, embeddings, overrides and isolates: U+061C, U+200E,
  U+200F, U+202A-U+202E, U+2066-U+2069.

Two ways of showing them, one for each kind of place:

- `escape` — a textual escape, for the command line and the exported documents:
  `\\n`, `\\t` and `\\r` for line feed, tab and carriage return, `\\u` and four
  lowercase hex digits for every other (`\\u001b`, `\\u009b`, `\\u202e`): the form
  TOML, JSON and Python all read back as the same character.
- `stand_in` — one visible character for each, for the wizard, where an editable
  field must keep its cursor on the character it shows: the C0 controls and DEL as
  their Unicode Control Pictures (U+2400-U+2421: `␛` for ESC, `␇` for BEL, `␡` for
  DEL), every other (C1, bidirectional) as `�` (U+FFFD). The value itself is not
  changed: what the author edits and saves is what the file holds.

Nothing here imports Textual: the rules, the exports and the command line use it too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

BIDI_CONTROLS = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
"""The bidirectional formatting characters: ALM, LRM, RLM, the embeddings and
overrides (LRE, RLE, PDF, LRO, RLO) and the isolates (LRI, RLI, FSI, PDI)."""

_CLASS = "\x00-\x1f\x7f-\x9f" + BIDI_CONTROLS
_CONTROL = re.compile(f"[{_CLASS}]")
_BUT_LINES = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{BIDI_CONTROLS}]")
"""The controls but tab and line feed: those of a place that shows lines."""
_LEFT_RAW_BY_JSON = re.compile(f"[\x7f-\x9f{BIDI_CONTROLS}]")
_SHORT = {"\n": "\\n", "\t": "\\t", "\r": "\\r"}
_PICTURE_OF_DEL = "\u2421"
OTHER_STAND_IN = "\ufffd"
"""What stands in for a C1 or bidirectional control in the wizard."""


@cache
def _pattern(keep: str) -> re.Pattern[str]:
    """The controls but those in `keep` (a plain character class: no look-ahead)."""
    if not keep:
        return _CONTROL
    if keep == "\t\n":
        return _BUT_LINES
    kept = "".join(re.escape(ch) for ch in keep)
    return re.compile(f"(?![{kept}])[{_CLASS}]")


def is_control(char: str) -> bool:
    """Whether one character is a control a terminal or a reader may act on unseen."""
    return _CONTROL.fullmatch(char) is not None


def has_controls(text: str, *, keep: str = "") -> bool:
    """Whether `text` holds such a character (other than those in `keep`)."""
    pattern = _pattern(keep)
    return pattern.search(text) is not None


def controls_in(text: str, *, keep: str = "") -> list[str]:
    """The distinct controls in `text` (except those in `keep`), in order of appearance."""
    pattern = _pattern(keep)
    if pattern.search(text) is None:
        return []
    return list(dict.fromkeys(pattern.findall(text)))


def escape_char(char: str) -> str:
    """One control as its textual escape: `\\n`, `\\t`, `\\r`, else `\\u` + 4 hex digits."""
    return _SHORT.get(char) or f"\\u{ord(char):04x}"


def _escape_match(match: re.Match[str]) -> str:
    return escape_char(match.group())


def escape(text: str, *, keep: str = "") -> str:
    """`text` with every control (except those in `keep`) as its textual escape, for the
    command line and the documents: a printed line stays one line and moves nothing."""
    pattern = _pattern(keep)
    if pattern.search(text) is None:
        return text
    return pattern.sub(_escape_match, text)


def quoted(text: str) -> str:
    """`text` as a one-line quoted string (`"…"`, `\\"` and `\\\\` escaped, every control
    as its escape): how messages and `presence diff` show a string value. It reads back
    as the same string in TOML, JSON and Python."""
    body = text.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + escape(body) + '"'


def stand_in_char(char: str) -> str:
    """The one visible character the wizard shows for a control."""
    code = ord(char)
    if code < 0x20:
        return chr(0x2400 + code)
    if code == 0x7F:
        return _PICTURE_OF_DEL
    return OTHER_STAND_IN


def _stand_in_match(match: re.Match[str]) -> str:
    return stand_in_char(match.group())


def stand_in(text: str, *, keep: str = "") -> str:
    """`text` with every control (except those in `keep`) replaced by one visible
    character: the same length, so a cursor or a selection over it stays aligned."""
    pattern = _pattern(keep)
    if pattern.search(text) is None:
        return text
    return pattern.sub(_stand_in_match, text)


def without_controls(text: str, *, keep: str = "") -> str:
    """`text` with its controls (except those in `keep`) left out: for the clipboard,
    where a stand-in or an escape would be pasted as text."""
    pattern = _pattern(keep)
    return pattern.sub("", text)


def json_text(dumped: str) -> str:
    """JSON text (as `json.dumps` wrote it) with the controls it leaves raw (DEL, C1,
    bidirectional; it escapes C0 itself) written as `\\u` escapes. They can only stand
    inside strings, where an escape means the same character: the data read back is
    unchanged, and the line breaks of the indentation stay."""
    return _LEFT_RAW_BY_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", dumped)


def described(chars: Iterable[str]) -> str:
    """Controls listed for a message: `\\u001b, \\u202e`."""
    return ", ".join(escape_char(ch) for ch in chars)
