"""`NO_COLOR=1` in a real terminal (tmux): a check box, a radio button and a tick list
read ticked or not by their shape (`▐X▌`, `▐●▌` or an empty `▐ ▌`), not by a colour
the terminal is not given."""

from __future__ import annotations

from pathlib import Path

from tests.app.terminal import needs_tmux, opened

pytestmark = needs_tmux

POLICY = """schema_version = 1

[[platforms]]
name = "Instagram"

[communication]
goals = ["trust"]
style = "business"
"""


def _line(screen: str, text: str) -> str:
    return next((line for line in screen.splitlines() if text in line), "")


def test_ticks_read_without_colour(tmp_path: Path) -> None:
    (tmp_path / "p.toml").write_text(POLICY, encoding="utf-8")
    with opened(tmp_path) as terminal:
        terminal.start("edit", "p.toml", "--section", "communication", env={"NO_COLOR": "1"})
        terminal.wait_until(lambda: terminal.shows("Brand trust"), "the goals")
        screen = terminal.screen()
        assert "▐X▌ Brand trust" in _line(screen, "Brand trust")
        assert "▐ ▌ Direct sales" in _line(screen, "Direct sales")
        assert "▐ ▌ Informing" in _line(screen, "Informing")
        assert "▐●▌ Business" in _line(screen, "Business")
        assert "▐ ▌ Official" in _line(screen, "Official")
        # a check box: the platform's two-factor line, ticked with Space
        terminal.keys("C-b")
        terminal.wait_until(lambda: terminal.shows("3. Tools\n"), "the tools")
        terminal.keys("C-b")
        terminal.wait_until(lambda: terminal.shows("Social media platforms"), "the platforms")
        terminal.keys("Enter")  # the entry's form: the footer offers the way back
        terminal.wait_until(lambda: terminal.shows("esc Back to the list"), "the name field")
        # name, status, url, handle, purpose, audience, frequency, owner, the admins' list
        # (items, new, Add: Remove, ↑ and ↓ are no Tab stops), access, mailbox: the 13th
        # is two-factor
        terminal.keys(*["Tab"] * 13)
        label = "Two-factor authentication is on"
        terminal.wait_until(lambda: "▐ ▌ " + label in _line(terminal.screen(), label), "empty")
        terminal.keys("Space")
        terminal.wait_until(lambda: "▐X▌ " + label in _line(terminal.screen(), label), "ticked")
