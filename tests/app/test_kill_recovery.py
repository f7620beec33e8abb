"""The real `presence edit` in a terminal (tmux): killed with SIGKILL mid-sentence, the
draft brings back everything typed up to the last autosave; SIGTERM exits cleanly."""

from __future__ import annotations

import os
import shlex
import shutil
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from textual.widgets import Input

from screens.recovery import RecoveryDialog
from tests.app.conftest import SIZE, at_step, click, on_top
from tests.app.conftest import wait_for as wait_for_app
from wizard.core import lock
from wizard.core.drafts import read_draft
from wizard.tui.app import build_app

ROOT = Path(__file__).resolve().parents[2]
PRESENCE = Path(sys.executable).with_name("presence")
SENTENCE = "Кав'ярня «Зерно» — bread baked at dawn, every day"
ORIGINAL = 'schema_version = 1\n\n# who signs it\n[document]\napproved_by = "Jane Doe"\n'

pytestmark = pytest.mark.skipif(
    shutil.which("tmux") is None or not PRESENCE.exists(), reason="needs tmux and presence"
)


class Terminal:
    """One tmux server on a private socket, running one command in a 100×30 pane."""

    def __init__(self) -> None:
        self.socket = f"presence-test-{uuid.uuid4().hex[:12]}"
        self.socket_path: Path | None = None

    def tmux(self, *args: str) -> str:
        done = subprocess.run(
            ["tmux", "-L", self.socket, *args], capture_output=True, text=True, check=True
        )
        return done.stdout

    def start(self, command: str) -> None:
        self.tmux("new-session", "-d", "-s", "w", "-x", "100", "-y", "30", command)
        self.socket_path = Path(self.tmux("display-message", "-p", "#{socket_path}").strip())

    def screen(self) -> str:
        return self.tmux("capture-pane", "-t", "w", "-p")

    def pid(self) -> int:
        return int(self.tmux("list-panes", "-t", "w", "-F", "#{pane_pid}").split()[0])

    def close(self) -> None:
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True)
        if self.socket_path is not None:
            self.socket_path.unlink(missing_ok=True)


@pytest.fixture
def terminal() -> Iterator[Terminal]:
    term = Terminal()
    yield term
    term.close()


def wait_for(check: Callable[[], bool], what: str, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")


def _gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    return False


SCROLL_BAR = " ▁▂▃▄▅▆▇█"
"""What a scroll bar's thumb draws at the end of a line."""


def _company_line(terminal: Terminal) -> str:
    """The text line of the company field (the box under its label and help line); ""
    while the label is not drawn. The body's scroll bar may end the label's line (its
    thumb's blocks)."""
    lines = terminal.screen().splitlines()
    label = next(
        (i for i, line in enumerate(lines) if line.rstrip(SCROLL_BAR).endswith("Company")), None
    )
    if label is None:
        return ""
    top = next((i for i in range(label + 1, len(lines) - 1) if "▊▔" in lines[i]), None)
    return "" if top is None else lines[top + 1]


def _focus_on_company(terminal: Terminal) -> None:
    """Wait until what is typed lands in the company field, the first one: it takes the
    focus right after the first paint, and keys sent before that go nowhere (start-up,
    not what this test is about). A probe key is typed until the field shows it, then
    cleared (ctrl+u: all to the left of the cursor)."""

    def probe_shown() -> bool:
        terminal.tmux("send-keys", "-t", "w", "-l", "Z")
        try:
            wait_for(lambda: "Z" in _company_line(terminal), "the probe", timeout=2.0)
        except AssertionError:
            return False
        return True

    wait_for(probe_shown, "the company field's focus")
    terminal.tmux("send-keys", "-t", "w", "C-u")
    wait_for(lambda: "Z" not in _company_line(terminal), "the probe cleared")


def _start_editing(terminal: Terminal, policy: Path, state_dir: Path) -> int:
    command = (
        f"cd {shlex.quote(str(policy.parent))} && exec env"
        f" PRESENCE_STATE_DIR={shlex.quote(str(state_dir))} LANG=C.UTF-8"
        f" {shlex.quote(str(PRESENCE))} edit {shlex.quote(policy.name)} --section document"
    )
    terminal.start(command)
    wait_for(lambda: "Document details" in terminal.screen(), "the document screen")
    pid = terminal.pid()
    wait_for(lambda: lock.read_lock(policy) is not None, "the lock")
    wait_for(lambda: "Jane Doe" in terminal.screen(), "the fields' values")
    _focus_on_company(terminal)
    terminal.tmux("send-keys", "-t", "w", "-l", SENTENCE)
    expected = SENTENCE

    def drafted() -> bool:
        draft = read_draft(policy)
        company = None if draft is None else draft.data.get("document", {}).get("company")
        return company == expected

    try:
        wait_for(drafted, "the autosaved draft")
    except AssertionError:
        draft = read_draft(policy)
        found = None if draft is None else draft.data
        raise AssertionError(
            f"no draft with the sentence: {found!r}\n{terminal.screen()}"
        ) from None
    return pid


def _edit_then_signal(
    terminal: Terminal, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, number: int
) -> Path:
    """Edit a new policy in `tmp_path`, type the sentence, send signal `number`: the
    policy's path once the process is gone."""
    policy = tmp_path / "brand-policy.toml"
    policy.write_text(ORIGINAL, encoding="utf-8")
    state_dir = tmp_path / "state"
    monkeypatch.setenv("PRESENCE_STATE_DIR", str(state_dir))
    pid = _start_editing(terminal, policy, state_dir)
    os.kill(pid, number)
    wait_for(lambda: _gone(pid), f"the process to end on signal {number}")
    return policy


async def test_sigkill_mid_sentence_then_restore(
    terminal: Terminal, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    policy = _edit_then_signal(terminal, tmp_path, monkeypatch, signal.SIGKILL)
    assert policy.read_text(encoding="utf-8") == ORIGINAL  # only a save writes the file
    draft = read_draft(policy)
    assert draft is not None
    assert draft.data["document"]["company"] == SENTENCE
    # the dead holder's lock is no obstacle; the next `presence edit` offers the draft
    app = build_app(path=policy, section="document", lang="en", new=False, from_=None)
    async with app.run_test(size=SIZE) as pilot:
        dialog = await on_top(pilot, RecoveryDialog)
        assert not dialog.stale
        await click(pilot, "#recovery-restore")
        await at_step(pilot, "document")
        company = app.screen.query_one("#document-company", Input)
        await wait_for_app(pilot, lambda: company.value == SENTENCE, "the sentence restored")


def test_sigterm_exits_cleanly_keeping_the_draft(
    terminal: Terminal, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    policy = _edit_then_signal(terminal, tmp_path, monkeypatch, signal.SIGTERM)
    assert lock.read_lock(policy) is None  # released on the way out
    draft = read_draft(policy)
    assert draft is not None and draft.data["document"]["company"] == SENTENCE
    assert policy.read_text(encoding="utf-8") == ORIGINAL
