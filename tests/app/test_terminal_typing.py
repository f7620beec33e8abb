"""Keys as a real terminal delivers them (tmux): a burst typed right after Tab goes to
the field Tab moved to, and a paste holding a tab fills one field, then the next."""

from __future__ import annotations

import tomllib
from pathlib import Path

from tests.app.terminal import field_text, focus_probe, needs_tmux, opened

pytestmark = needs_tmux

SAVED = 'schema_version = 1\n\n[document]\ncompany = "Northwind Bakery"\n'


def test_keys_typed_right_after_tab_go_to_the_next_field(tmp_path: Path) -> None:
    with opened(tmp_path) as terminal:
        terminal.start("new", "p.toml")
        terminal.wait_until(lambda: terminal.shows("Document details"), "the document step")
        focus_probe(terminal, "Company")
        terminal.type("AAA\tBBB\tCCC")  # one burst, as a fast typist or a password manager
        terminal.wait_until(
            lambda: field_text(terminal, "Approver's position") == "CCC", "the third field"
        )
        assert field_text(terminal, "Company") == "AAA"
        assert field_text(terminal, "Approved by") == "BBB"


def test_a_pasted_tab_moves_on_to_the_next_field(tmp_path: Path) -> None:
    policy = tmp_path / "p.toml"
    policy.write_text(SAVED, encoding="utf-8")
    with opened(tmp_path) as terminal:
        terminal.start("edit", "p.toml", "--section", "document")
        terminal.wait_until(lambda: terminal.shows("Northwind Bakery"), "the document step")
        focus_probe(terminal, "Company")
        terminal.type("Northwind")
        terminal.wait_until(lambda: field_text(terminal, "Company") == "Northwind", "the edit")
        terminal.keys("C-s")
        terminal.wait_until(lambda: terminal.shows("Save these changes?"), "the revision note")
        terminal.paste("Shorter name\tOlena")
        terminal.wait_until(lambda: terminal.shows("Olena"), "the name")
        terminal.keys("Enter")  # in the name field: save
        terminal.wait_until(lambda: "revisions" in policy.read_text(encoding="utf-8"), "the save")
    entry = tomllib.loads(policy.read_text(encoding="utf-8"))["revisions"][-1]
    assert (entry["note"], entry["by"]) == ("Shorter name", "Olena")
