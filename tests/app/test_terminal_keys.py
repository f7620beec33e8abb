"""The section keys in a real terminal that sends Alt as an escape prefix (tmux, as the
Linux console and most terminals without the kitty keyboard protocol): `M-2` reaches
the wizard as `ESC 2`, which Textual read as "™" and typed into the focused field.
Also sent raw, `Escape` then the key at once, as a person pressing Escape and a digit
quickly does. In both interface languages, and Alt+R in a Ukrainian keyboard layout
(`ESC к`). Nothing is typed anywhere: quitting asks nothing about unsaved changes."""

from __future__ import annotations

import shutil
from functools import partial
from pathlib import Path

import pytest

from tests.app.terminal import Terminals, heading, wait_until, wizard_command
from wizard.core.i18n import set_language, t
from wizard.core.service import EXAMPLE_PATH

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="needs tmux")


def _text(lang: str, key: str, **params: object) -> str:
    set_language(lang)
    try:
        return t(key, **params)
    finally:
        set_language("en")


def _at(terminals: Terminals, title: str) -> bool:
    return title in heading(terminals.screen("w"))


def _shows(terminals: Terminals, text: str) -> bool:
    return text in terminals.screen("w")


@pytest.mark.parametrize("lang", ["en", "uk"])
def test_section_keys_sent_as_an_escape_prefix(
    terminals: Terminals, tmp_path: Path, lang: str
) -> None:
    policy = tmp_path / "p.toml"
    shutil.copy(EXAMPLE_PATH, policy)
    before = policy.read_bytes()
    show = partial(terminals.screen, "w")

    def go(keys: tuple[str, ...], section: str) -> None:
        title = _text(lang, f"section.{section}.title")
        terminals.keys("w", *keys)
        wait_until(partial(_at, terminals, title), f"{' '.join(keys)}: {title}", show)

    terminals.start("w", wizard_command(tmp_path, "edit", "p.toml", "--lang", lang))
    document = _text(lang, "section.document.title")
    wait_until(partial(_at, terminals, document), document, show)
    # the cursor is in the document's first field: a key that meant "™" typed there
    go(("M-2",), "platforms")  # "2. Social media platforms"
    go(("Escape", "3"), "tools")
    go(("M-0",), "document")
    go(("Escape", "1"), "mission")
    go(("C-r",), "review")
    # Alt+R of a Ukrainian keyboard layout, where no field has the focus
    terminals.keys("w", "M-к")
    no_field = _text(lang, "revert.no_field")
    wait_until(partial(_shows, terminals, no_field), no_field, show)
    go(("M-5",), "content")
    go(("M-7",), "roles")  # an optional section, "7. Roles and approvals"
    go(("Escape", "9"), "legal")
    go(("Escape", "0"), "document")
    # alt+r in a field reverts it (it has its saved value) instead of typing "r"
    terminals.keys("w", "M-r")
    unchanged = _text(lang, "revert.unchanged")
    wait_until(partial(_shows, terminals, unchanged), unchanged, show)
    # nothing was typed anywhere: quitting asks nothing, the file is as it was
    terminals.keys("w", "C-q")
    wait_until(partial(terminals.ended, "w"), "the wizard to quit without asking", show)
    assert policy.read_bytes() == before
