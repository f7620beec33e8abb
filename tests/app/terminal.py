"""The real `presence` command in real terminals: a tmux server of its own (a private
socket and configuration), keys sent as a terminal sends them, the screen read back as
text. For what Pilot cannot show: bursts of keys as the terminal delivers them, Alt
sent as an escape prefix, bracketed pastes, the colours (or none) a terminal is given,
two wizards on one file.

`Terminal`: one pane of a fixed size running `presence`; `Terminals`: several wizards,
each in a 100×30 session named by the caller. Every wait is for a condition on the
screen (`Terminal.wait_until`, `wait_until`), never a fixed time.
"""

from __future__ import annotations

import contextlib
import os
import shlex
import shutil
import signal
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
"""Seconds to wait for a terminal to show something (a loaded 2-core machine)."""

GRACE = 15.0
"""Seconds a program may take to end once its terminal hangs up before a test's
terminal is closed by force."""


class _Server:
    """A private tmux server: its own socket, and a configuration that keeps a pane once
    its program ends (to read what it left and whether it ended)."""

    def __init__(self, folder: Path) -> None:
        self.socket = f"presence-test-{uuid.uuid4().hex[:12]}"
        self.config = folder / f"tmux-{self.socket}.conf"
        self.config.write_text("set -g remain-on-exit on\n", encoding="utf-8")

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

    def hang_up(self) -> None:
        """End the server, as closing the terminal's window does: its programs get
        SIGHUP (and SIGCONT) from their terminal hanging up."""
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True, timeout=30)

    def close(self) -> None:
        """Hang up, then end any program that outlives its terminal by `GRACE` s (so
        that a test that failed leaves nothing running for the tests after it)."""
        listed = subprocess.run(
            ["tmux", "-L", self.socket, "list-panes", "-a", "-F", "#{pane_pid}"],
            capture_output=True,
            text=True,
            timeout=30,
        )
        pids = [int(word) for word in listed.stdout.split() if word.isdigit()]
        self.hang_up()
        deadline = time.monotonic() + GRACE
        while pids and time.monotonic() < deadline:
            pids = [pid for pid in pids if running(pid)]
            time.sleep(0.05)
        for pid in pids:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.kill(pid, signal.SIGKILL)


def running(pid: int) -> bool:
    """Whether process `pid` is still there (and, where `/proc` tells, not a zombie
    waiting to be reaped)."""
    if not os.path.isdir("/proc/self"):  # no /proc (macOS): ask the kernel
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        return True
    try:
        with open(f"/proc/{pid}/stat", encoding="utf-8") as stat:
            return stat.read().rpartition(")")[2].split()[0] != "Z"
    except FileNotFoundError:
        return False


class Terminal(_Server):
    """One pane running `presence`."""

    def __init__(self, folder: Path, size: tuple[int, int] = (100, 30)) -> None:
        super().__init__(folder)
        self.folder = folder
        self.size = size

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


class Terminals(_Server):
    """Several wizards, each in a 100×30 session of its own, named by the caller."""

    def start(self, name: str, command: str) -> None:
        self.tmux("new-session", "-d", "-s", name, "-x", "100", "-y", "30", command)

    def screen(self, name: str) -> str:
        return self.tmux("capture-pane", "-t", name, "-p")

    def keys(self, name: str, *keys: str) -> None:
        """Send keys as tmux names them (`M-2`, `Escape`, `C-q`, `Tab`), in one write
        where tmux can."""
        self.tmux("send-keys", "-t", name, *keys)

    def pid(self, name: str) -> int:
        return int(self.tmux("display-message", "-p", "-t", name, "#{pane_pid}").strip())

    def ended(self, name: str) -> bool:
        return self.tmux("display-message", "-p", "-t", name, "#{pane_dead}").strip() == "1"


@contextlib.contextmanager
def opened(folder: Path, size: tuple[int, int] = (100, 30)) -> Iterator[Terminal]:
    """A terminal of `size` working in `folder`, its server ended afterwards."""
    term = Terminal(folder, size)
    try:
        yield term
    finally:
        term.close()


def field_text(terminal: Terminal, label: str) -> str:
    """The text in the box of the field labelled `label` (the box under the label and
    its help lines, between the box's sides), as the pane shows it."""
    lines = terminal.lines()
    for index, line in enumerate(lines):
        if not line.rstrip().endswith(label):
            continue
        for top in range(index + 1, min(index + 6, len(lines) - 1)):
            if "▊▔" in lines[top]:
                inside = lines[top + 1]
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


def wizard_command(folder: Path, *args: str) -> str:
    """The shell command that runs `presence ARGS` in `folder` (its process replaces the
    shell: the window's pid is the wizard's), with a state dir in `folder`."""
    arguments = " ".join(shlex.quote(arg) for arg in args)
    return (
        f"cd {shlex.quote(str(folder))} && exec env"
        f" PRESENCE_STATE_DIR={shlex.quote(str(folder / 'state'))} LANG=C.UTF-8"
        f" {shlex.quote(sys.executable)} -m wizard {arguments}"
    )


def wait_until(check: Callable[[], bool], what: str, show: Callable[[], str]) -> None:
    """Wait until `check()` holds; fail after `PATIENCE` s saying `what` and showing `show()`."""
    deadline = time.monotonic() + PATIENCE
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}:\n{show()}")


def heading(screen: str) -> str:
    """The step's title and subtitle: the main column of the two lines under the header."""
    return "\n".join(line.split("▕", 1)[-1] for line in screen.split("\n")[1:3])
