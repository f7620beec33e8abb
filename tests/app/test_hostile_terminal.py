"""The real wizard in a real terminal (tmux) on a policy whose every string, and whose
file name, holds terminal control sequences: nothing reaches the terminal. tmux
accepts OSC 52 from the program here (`set-clipboard on`), so a leaked sequence would
leave a paste buffer behind; `ESC[2J` would blank the pane and `ESC c` reset it."""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path

import pytest

from tests.hostile import EVERY_KEY, HOSTILE_NAME, RAW
from wizard.core.flow import STEPS
from wizard.core.i18n.en import MESSAGES as EN

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="needs tmux")

TIMEOUT = 60.0
"""Seconds to wait for the terminal to show something (a loaded 2-core machine)."""

_SGR = re.compile(r"\x1b\[[0-9;:]*m")
"""What `capture-pane -e` writes itself: the colours and attributes of the cells."""


class Terminal:
    """A tmux server of its own (a private socket and configuration), one 100×30 pane."""

    def __init__(self, folder: Path) -> None:
        self.socket = f"presence-hostile-{uuid.uuid4().hex[:12]}"
        self.config = folder / "tmux.conf"
        # Accept OSC 52 from programs: a leaked one becomes a paste buffer. Keep the
        # pane once the program ends, to look at what it left.
        self.config.write_text(
            "set -g set-clipboard on\nset -g remain-on-exit on\n", encoding="utf-8"
        )

    def tmux(self, *args: str) -> str:
        done = subprocess.run(
            ["tmux", "-L", self.socket, "-f", str(self.config), *args],
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="surrogateescape",
            check=True,
            timeout=30,
        )
        return done.stdout

    def start(self, command: str) -> None:
        self.tmux("new-session", "-d", "-s", "w", "-x", "100", "-y", "30", command)

    def screen(self) -> str:
        return self.tmux("capture-pane", "-t", "w", "-p")

    def cells(self) -> str:
        """The pane with its cells' attributes (`-e`)."""
        return self.tmux("capture-pane", "-t", "w", "-p", "-e")

    def buffers(self) -> str:
        return self.tmux("list-buffers")

    def ended(self) -> bool:
        return self.tmux("display-message", "-p", "-t", "w", "#{pane_dead}").strip() == "1"

    def keys(self, *keys: str) -> None:
        self.tmux("send-keys", "-t", "w", *keys)

    def close(self) -> None:
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True, timeout=30)


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[Terminal]:
    term = Terminal(tmp_path)
    try:
        yield term
    finally:
        term.close()


def wait_for(check: Callable[[], bool], what: str, terminal: Terminal) -> None:
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}:\n{terminal.screen()}")


def _clean(terminal: Terminal, where: str) -> str:
    """The pane's text, after checking that nothing the program wrote acted on the
    terminal: no paste buffer, no escape sequence but the cells' own attributes, no
    raw C1 or bidirectional character in a cell."""
    assert terminal.buffers() == "", f"a paste buffer was set ({where})"
    cells = terminal.cells()
    rest = _SGR.sub("", cells)
    assert not RAW.search(rest), f"raw control characters in the pane ({where}): " + repr(
        [rest[max(0, m.start() - 20) : m.end() + 20] for m in RAW.finditer(rest)][:3]
    )
    return terminal.screen()


def _shows_heading(terminal: Terminal, title: str) -> bool:
    return title in _heading(terminal.screen())


def _heading(screen: str) -> str:
    """The step's title and subtitle: the main column of the two lines under the header."""
    return "\n".join(line.split("▕", 1)[-1] for line in screen.split("\n")[1:3])


def test_the_hostile_policy_in_a_real_terminal(terminal: Terminal, tmp_path: Path) -> None:
    policy = tmp_path / HOSTILE_NAME
    shutil.copy(EVERY_KEY, policy)
    command = (
        f"cd {shlex.quote(str(tmp_path))} && exec env"
        f" PRESENCE_STATE_DIR={shlex.quote(str(tmp_path / 'state'))} LANG=C.UTF-8"
        f" {shlex.quote(sys.executable)} -m wizard edit {shlex.quote(policy.name)}"
        " --section document"
    )
    terminal.start(command)
    wait_for(lambda: "Document details" in terminal.screen(), "the document step", terminal)
    wait_for(lambda: "␛]52;c;cHduZWQ=␇" in terminal.screen(), "the values", terminal)
    screen = _clean(terminal, "the document step")
    assert "evil␛]52;c;cHduZWQ=␇␛[2J�2J�.toml" in screen  # the header: the file's name
    assert "Document details" in screen  # nothing cleared or reset the screen
    for step in STEPS[1:]:
        title = str(EN.get(f"step.{step.name}.title") or EN[f"section.{step.section}.title"])
        terminal.keys("C-n")
        wait_for(partial(_shows_heading, terminal, title), title, terminal)
        wait_for(lambda: "␛" in terminal.screen(), f"the values of {title}", terminal)
        _clean(terminal, title)
    terminal.keys("C-q")
    wait_for(terminal.ended, "the wizard to close", terminal)
    _clean(terminal, "after quitting")
