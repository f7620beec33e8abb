"""The real `presence` command in a real terminal: a tmux server of its own (a private
socket), one pane of a fixed size, keys sent as a terminal sends them, the pane read
back as text. For what Pilot cannot show: bursts of keys as the terminal delivers
them, bracketed pastes, the colours (or none) a terminal is given.

Every wait is for a condition on the pane (`Terminal.wait_until`), never a fixed time.
"""

from __future__ import annotations

import contextlib
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

import pytest

PRESENCE = Path(sys.executable).with_name("presence")

needs_tmux = pytest.mark.skipif(
    shutil.which("tmux") is None or not PRESENCE.exists(), reason="needs tmux and presence"
)

PATIENCE = 60.0
"""Seconds to wait for the pane to show something (a loaded 2-core machine)."""


class Terminal:
    """One tmux server on a private socket running `presence` in one pane."""

    def __init__(self, folder: Path, size: tuple[int, int] = (100, 30)) -> None:
        self.folder = folder
        self.size = size
        self.socket = f"presence-test-{uuid.uuid4().hex[:12]}"
        self.config = folder / "tmux.conf"
        # Keep the pane once the program ends, to read what it left.
        self.config.write_text("set -g remain-on-exit on\n", encoding="utf-8")

    def tmux(self, *args: str) -> str:
        done = subprocess.run(
            ["tmux", "-L", self.socket, "-f", str(self.config), *args],
            capture_output=True,
            text=True,
            encoding="utf-8",
            check=True,
            timeout=30,
        )
        return done.stdout

    def start(self, *args: str, env: Mapping[str, str] | None = None) -> None:
        """Run `presence ARGS` in the pane, in `folder`, with a private state dir."""
        settings = {"PRESENCE_STATE_DIR": str(self.folder / "state"), "LANG": "C.UTF-8"}
        settings.update(env or {})
        assignments = " ".join(f"{name}={shlex.quote(value)}" for name, value in settings.items())
        # The shell tmux starts may export COLUMNS and LINES of the window's first size,
        # which the program would take over the terminal's own.
        command = (
            f"cd {shlex.quote(str(self.folder))} && exec env -u COLUMNS -u LINES {assignments}"
            f" {shlex.quote(str(PRESENCE))} {' '.join(shlex.quote(a) for a in args)}"
        )
        width, height = self.size
        self.tmux("new-session", "-d", "-s", "w", "-x", str(width), "-y", str(height), command)

    def screen(self) -> str:
        """The pane's text."""
        return self.tmux("capture-pane", "-t", "w", "-p")

    def lines(self) -> list[str]:
        """The pane's lines."""
        return self.screen().splitlines()

    def keys(self, *keys: str) -> None:
        """Press keys by tmux's names (`Tab`, `Escape`, `C-s`)."""
        self.tmux("send-keys", "-t", "w", *keys)

    def type(self, text: str) -> None:
        """Type `text` as one burst, each character a key."""
        self.tmux("send-keys", "-t", "w", "-l", text)

    def paste(self, text: str) -> None:
        """Paste `text` as a terminal does (a bracketed paste, as the program asked)."""
        self.tmux("set-buffer", "-b", "test", text)
        self.tmux("paste-buffer", "-p", "-d", "-b", "test", "-t", "w")

    def ended(self) -> bool:
        return self.tmux("display-message", "-p", "-t", "w", "#{pane_dead}").strip() == "1"

    def wait_until(self, check: Callable[[], object], what: str) -> None:
        """Wait until `check()` holds; fail showing the pane after `PATIENCE` s."""
        deadline = time.monotonic() + PATIENCE
        while time.monotonic() < deadline:
            if check():
                return
            time.sleep(0.1)
        raise AssertionError(f"timed out waiting for {what}:\n{self.screen()}")

    def shows(self, text: str) -> bool:
        return text in self.screen()

    def close(self) -> None:
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True, timeout=30)


@contextlib.contextmanager
def opened(folder: Path, size: tuple[int, int] = (100, 30)) -> Iterator[Terminal]:
    """A terminal of `size` working in `folder`, its server ended afterwards."""
    term = Terminal(folder, size)
    try:
        yield term
    finally:
        term.close()


def field_text(terminal: Terminal, label: str) -> str:
    """The text in the box of the field labelled `label` (the line under the label's,
    between the box's sides), as the pane shows it."""
    lines = terminal.lines()
    for index, line in enumerate(lines):
        if line.rstrip().endswith(label) and index + 2 < len(lines):
            inside = lines[index + 2]
            if "▊" in inside:
                return inside.split("▊", 1)[1].rsplit("▎", 1)[0].strip()
    return ""


def focus_probe(terminal: Terminal, label: str) -> None:
    """Wait until what is typed lands in the field labelled `label`, which takes the
    focus once the screen is up (keys sent before that go nowhere: start-up is not
    what these tests are about). A probe key is typed until the field shows it, then
    erased with ctrl+u."""

    def probe_shown() -> bool:
        terminal.type("Z")
        deadline = time.monotonic() + 2.0
        while time.monotonic() < deadline:
            if field_text(terminal, label).endswith("Z"):
                return True
            time.sleep(0.1)
        return False

    terminal.wait_until(probe_shown, f"the focus in {label}")
    terminal.keys("C-u")
    terminal.wait_until(lambda: field_text(terminal, label) == "", f"{label} cleared")
