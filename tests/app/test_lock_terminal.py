"""Real wizards on one file, each in a terminal of its own (tmux): the lock holds.

Wizard A edits; wizard B opens the same file, is warned, chooses "Edit anyway" and
quits: A's lock is still there, so a third wizard is warned about A (B used to take
the lock over and remove it on quitting). Two wizards started at the same moment:
exactly one holds the lock, the other shows the warning naming it."""

from __future__ import annotations

import re
import shutil
from functools import partial
from pathlib import Path

import pytest

from tests.app.terminal import Terminals, wait_until, wizard_command
from wizard.core import lock
from wizard.core.i18n.en import MESSAGES as EN
from wizard.core.service import EXAMPLE_PATH

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="needs tmux")

WARNING = str(EN["lock.title"])
EDITOR = str(EN["section.document.title"])


def _policy(tmp_path: Path, name: str) -> Path:
    path = tmp_path / name
    shutil.copy(EXAMPLE_PATH, path)
    return path


def _holder(policy: Path) -> int | None:
    info = lock.read_lock(policy)
    return info.pid if info is not None else None


def _dialog_text(screen: str) -> str:
    """The text inside the dialog's box (between its `█` sides), its lines joined."""
    lines = [line for line in screen.split("\n") if line.count("█") >= 2]
    inside = [line[line.index("█") + 1 : line.rindex("█")] for line in lines]
    return " ".join(" ".join(inside).split())


def _warned_about(terminals: Terminals, name: str) -> int | None:
    """The process the lock warning in `name`'s terminal names, or None without one."""
    screen = terminals.screen(name)
    if WARNING not in screen:
        return None
    found = re.search(r"\(process (\d+) on ", _dialog_text(screen))
    return int(found.group(1)) if found else None


def _editing(terminals: Terminals, name: str) -> bool:
    screen = terminals.screen(name)
    return EDITOR in screen and WARNING not in screen


def test_edit_anyway_then_quit_leaves_the_first_wizards_lock(
    terminals: Terminals, tmp_path: Path
) -> None:
    policy = _policy(tmp_path, "p.toml")
    edit = wizard_command(tmp_path, "edit", policy.name, "--section", "document")
    terminals.start("a", edit)
    wait_until(partial(_editing, terminals, "a"), "wizard A", partial(terminals.screen, "a"))
    first = terminals.pid("a")
    wait_until(lambda: _holder(policy) == first, "A's lock", partial(terminals.screen, "a"))

    terminals.start("b", edit)
    show_b = partial(terminals.screen, "b")
    wait_until(lambda: _warned_about(terminals, "b") == first, "B warned about A", show_b)
    terminals.keys("b", "Tab", "Enter")  # from "Open read-only" to "Edit anyway"
    wait_until(partial(_editing, terminals, "b"), "B editing anyway", show_b)
    assert _holder(policy) == first
    terminals.keys("b", "C-q")
    wait_until(partial(terminals.ended, "b"), "B to quit", show_b)
    assert _holder(policy) == first  # B never removed A's lock

    terminals.start("c", edit)
    show_c = partial(terminals.screen, "c")
    wait_until(lambda: _warned_about(terminals, "c") == first, "C warned about A", show_c)
    assert _editing(terminals, "a")


def test_of_two_wizards_started_at_the_same_moment_one_holds_the_lock(
    terminals: Terminals, tmp_path: Path
) -> None:
    policy = _policy(tmp_path, "q.toml")
    edit = wizard_command(tmp_path, "edit", policy.name, "--section", "document")
    terminals.start("x", edit)
    terminals.start("y", edit)
    pids = {"x": terminals.pid("x"), "y": terminals.pid("y")}

    def settled() -> bool:
        holder = _holder(policy)
        if holder not in pids.values():
            return False
        (loser,) = [name for name, pid in pids.items() if pid != holder]
        return _warned_about(terminals, loser) == holder

    def both() -> str:
        return terminals.screen("x") + "\n" + terminals.screen("y")

    wait_until(settled, "one wizard holding the lock and the other warned", both)
    (winner,) = [name for name, pid in pids.items() if pid == _holder(policy)]
    # The holder takes the lock before it draws its first screen: on a loaded machine
    # the other one may be showing its warning while the holder's screen is still
    # blank, so wait for the holder's editor rather than read its screen once.
    wait_until(partial(_editing, terminals, winner), "the holder editing", both)
    assert _warned_about(terminals, winner) is None  # the holder was never warned
    assert _holder(policy) == pids[winner]
