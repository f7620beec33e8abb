"""Hostile text for the tests: terminal control sequences in every string of a policy.

`tests/fixtures/hostile/every-text.toml` holds `PAYLOAD` in every free-text key of
the format (it is valid, with warnings, and exports); `every-key.toml` holds it in
every string key at all — enumerations, addresses, hashtags, time zones, dates
written as strings, the revision's sections and an unknown key's name too (it has
errors). `RAW` is written here on its own, not taken from `schemas.controls`, so a
test does not take the program's word for what is dangerous.
"""

from __future__ import annotations

import re
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "hostile"
EVERY_TEXT = FIXTURES / "every-text.toml"
EVERY_KEY = FIXTURES / "every-key.toml"

PAYLOAD = (
    "\x1b]52;c;cHduZWQ=\x07 \x1b]52;c;cHduZWQ=\x1b\\ \x1b[2J \x1bc "
    "\x9b2J \x9d52;c;cHduZWQ=\x9c \u202eevil\u202c \x7f"
)
"""OSC 52 (set the clipboard to "pwned") ended by BEL and by ST, ESC[2J (clear the
screen), ESC c (reset the terminal), the C1 CSI and OSC (U+009B, U+009D, ST U+009C),
a right-to-left override with its pop (U+202E, U+202C), and DEL."""

HOSTILE_NAME = "evil\x1b]52;c;cHduZWQ=\x07\x1b[2J\x9b2J\u202e.toml"
"""A file name that is itself an attack: OSC 52, ESC[2J, C1 CSI, RLO."""

RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
"""Any character that must never be written raw: C0 but tab and line feed, DEL, C1,
and the bidirectional marks, embeddings, overrides and isolates."""


def raw_controls(text: str) -> list[str]:
    """The raw controls in `text`, each with a little context, for an assertion message."""
    return [repr(text[max(0, m.start() - 20) : m.end() + 20]) for m in RAW.finditer(text)][:5]


def assert_no_raw(text: str, where: str) -> None:
    """Fail when `text` holds any raw control (tab and line feed are fine)."""
    found = raw_controls(text)
    assert not found, f"raw control characters in {where}: {found}"
