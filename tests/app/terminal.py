"""The real wizard in real terminals: a tmux server of its own with one 100×30 window per
wizard, keys sent as a terminal sends them, the screen read back, and waits on what the
screen shows (never a fixed time)."""

from __future__ import annotations

import shlex
import subprocess
import sys
import time
import uuid
from collections.abc import Callable
from pathlib import Path

TIMEOUT = 60.0
"""Seconds to wait for a terminal to show something (a loaded 2-core machine)."""


class Terminals:
    """A private tmux server (its own socket and configuration); each wizard runs in a
    session of its own, named by the caller."""

    def __init__(self, folder: Path) -> None:
        self.socket = f"presence-keys-{uuid.uuid4().hex[:12]}"
        self.config = folder / "tmux.conf"
        # Keep a window once its program ends, to look at what it left and whether it ended.
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

    def close(self) -> None:
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True, timeout=30)


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
    """Wait until `check()` holds; fail after `TIMEOUT` s saying `what` and showing `show()`."""
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}:\n{show()}")


def heading(screen: str) -> str:
    """The step's title and subtitle: the main column of the two lines under the header."""
    return "\n".join(line.split("▕", 1)[-1] for line in screen.split("\n")[1:3])
