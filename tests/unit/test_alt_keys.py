"""Alt keys sent as an escape prefix (`screens.textual_tricks.AltPrefixParser`), and the map
of the section keys: alt+0 the document details, alt+N the section numbered N."""

from __future__ import annotations

import pytest
from textual import events
from textual.drivers import linux_driver

from schemas.sections import SECTIONS
from screens.textual_tricks import AltPrefixParser, alt_prefix_key, use_alt_prefix_keys
from wizard.core.flow import numbered_section
from wizard.core.i18n import set_language, t


def _keys(*chunks: str) -> list[tuple[str, str | None]]:
    """The keys the parser reads from `chunks` arriving one after another, the input
    ending after the last (which delivers what waits for the escape delay)."""
    parser = AltPrefixParser()
    found = [event for chunk in (*chunks, "") for event in parser.feed(chunk)]
    return [(event.key, event.character) for event in found if isinstance(event, events.Key)]


@pytest.mark.parametrize(
    ("sequence", "key"),
    [
        ("\x1b2", "alt+2"),
        ("\x1b0", "alt+0"),
        ("\x1b9", "alt+9"),
        ("\x1br", "alt+r"),
        ("\x1bк", "alt+к"),  # Alt+R in a Ukrainian keyboard layout
        ("\x1bf", None),  # Textual's ctrl+right (iTerm's natural editing) stays
        ("\x1bO", None),  # the start of SS3
        ("\x1b[", None),  # the start of CSI
        ("\x1b]", None),  # the start of OSC
        ("\x1bR", None),  # upper case: Textual's alt+shift+r, after the escape delay
        ("\x1b٢", None),  # a digit, but not one of the keyboard's
        ("2", None),
        ("\x1b22", None),
    ],
)
def test_alt_prefix_key(sequence: str, key: str | None) -> None:
    assert alt_prefix_key(sequence) == key


def test_escape_2_is_alt_2_not_a_trade_mark_sign() -> None:
    """Textual read `ESC 2` as "™" (a table for WezTerm on macOS) and `ESC 7` as "¶"."""
    assert _keys("\x1b2", "\x1b7") == [("alt+2", None), ("alt+7", None)]


def test_an_alt_key_arrives_at_once_and_types_nothing() -> None:
    """`ESC r` waited for the next key; when another escape came first, the field got
    "^r". Keys typed right after an Alt key are themselves."""
    assert _keys("\x1br", "\x1b2") == [("alt+r", None), ("alt+2", None)]
    assert _keys("\x1brab") == [("alt+r", None), ("a", "a"), ("b", "b")]


def test_alt_keys_read_after_the_escape_delay_carry_no_character() -> None:
    """Textual's own Alt keys (`ESC R`: alt+shift+r) came with the character, which a
    focused field typed."""
    assert _keys("\x1bR") == [("alt+shift+r", None)]


def test_other_input_is_read_as_textual_reads_it() -> None:
    assert _keys("a", "\x1b[A", "\x1b[1;3A", "\x1b[50;3u") == [
        ("a", "a"),
        ("up", None),
        ("alt+up", None),
        ("alt+2", None),  # the kitty keyboard protocol
    ]
    assert _keys("\x1b") == [("escape", "\x1b")]
    assert _keys("\x1bf") == [("ctrl+right", None)]
    assert _keys("\x1b[200~a2b\x1b[201~") == []  # a paste is no keys


def test_the_terminal_driver_reads_with_the_alt_prefix_parser() -> None:
    use_alt_prefix_keys(linux_driver.LinuxDriver)
    assert getattr(linux_driver, "XTermParser") is AltPrefixParser  # noqa: B009 (not exported)


def test_alt_0_is_the_document_details_and_alt_n_the_section_numbered_n() -> None:
    assert numbered_section(0) == "document"
    assert numbered_section(2) == "platforms"
    assert [numbered_section(n) for n in range(10)] == list(SECTIONS[:10])
    assert numbered_section(11) == "results"
    assert numbered_section(len(SECTIONS)) is None
    assert numbered_section(-1) is None


@pytest.mark.parametrize("lang", ["en", "uk"])
def test_each_sections_title_bears_its_keys_number(lang: str) -> None:
    """The key map follows the order of the sections: a section added (or moved) with a
    title whose number is not its place fails here, in both languages."""
    set_language(lang)
    try:
        titles = {section: t(f"section.{section}.title") for section in SECTIONS}
    finally:
        set_language("en")
    assert not titles["document"][0].isdigit()
    for number, section in enumerate(SECTIONS[1:], 1):
        assert titles[section].startswith(f"{number}. "), (number, titles[section])
