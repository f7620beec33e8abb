"""A wizard whose terminal closes ends, and gives its lock back (screens/textual_tricks.py,
trick 7): the terminal's server is killed as a window is closed, and a SIGCONT sent to a
running wizard (as a hanging-up terminal sends one) leaves it working."""

from __future__ import annotations

import os
import shutil
import signal
from functools import partial
from pathlib import Path

import pytest

from tests.app.terminal import Terminals, running, wait_until, wizard_command
from wizard.core import lock
from wizard.core.i18n.en import MESSAGES as EN
from wizard.core.service import EXAMPLE_PATH

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="needs tmux")

EDITOR = str(EN["section.document.title"])


def _start(terminals: Terminals, tmp_path: Path) -> tuple[Path, int]:
    policy = tmp_path / "p.toml"
    shutil.copy(EXAMPLE_PATH, policy)
    terminals.start("w", wizard_command(tmp_path, "edit", policy.name, "--section", "document"))
    pid = terminals.pid("w")
    show = partial(terminals.screen, "w")
    wait_until(lambda: EDITOR in terminals.screen("w"), "the wizard", show)
    wait_until(lambda: _holder(policy) == pid, "the wizard's lock", show)
    return policy, pid


def _holder(policy: Path) -> int | None:
    info = lock.read_lock(policy)
    return info.pid if info is not None else None


def test_closing_the_terminal_ends_the_wizard_and_frees_the_policy(
    terminals: Terminals, tmp_path: Path
) -> None:
    policy, pid = _start(terminals, tmp_path)
    terminals.hang_up()  # the window is closed
    wait_until(lambda: not running(pid), "the wizard to end", lambda: f"process {pid} runs")
    assert _holder(policy) is None


def test_a_stray_sigcont_leaves_the_wizard_working(terminals: Terminals, tmp_path: Path) -> None:
    policy, pid = _start(terminals, tmp_path)
    os.kill(pid, signal.SIGCONT)
    show = partial(terminals.screen, "w")
    terminals.keys("w", "C-q")  # nothing changed: the wizard quits without asking
    wait_until(partial(terminals.ended, "w"), "the wizard to quit", show)
    assert _holder(policy) is None
