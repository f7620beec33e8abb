"""A lock that holds, in the wizard: a wizard that lost its lock to another says so
before saving, and saving anyway goes through the check of the file on disk; a wizard
editing beside another takes the lock once it is free, and says so when a third one
came meanwhile."""

from __future__ import annotations

import datetime as dt
import json
import os
import socket
import tomllib
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Static

from screens.base import SectionScreen
from screens.conflict import ConflictDialog
from screens.lock_dialog import LockDialog, LockTakenDialog
from screens.save_summary import SaveSummaryDialog
from tests.app.conftest import SIZE, click, on_top, send_keys, state_of, type_text, wait_for
from wizard.core import lock
from wizard.core.settings import Settings
from wizard.tui.app import PresenceApp, build_app

ORIGINAL = 'schema_version = 1\n\n[document]\ncompany = "Acme"\napproved_by = "Jane"\n'
THEIRS = ORIGINAL.replace("Acme", "Theirs")

FIRST = dt.datetime(2026, 1, 1, 9, 0, tzinfo=dt.UTC)
LATER = dt.datetime(2026, 1, 1, 11, 30, tzinfo=dt.UTC)


@pytest.fixture
def policy(tmp_path: Path) -> Path:
    path = tmp_path / "brand-policy.toml"
    path.write_text(ORIGINAL, encoding="utf-8")
    return path


def _open(path: Path, lang: str = "en") -> PresenceApp:
    settings = Settings(autosave_delay=0.05)
    return build_app(
        path=path, section="document", lang=lang, new=False, from_=None, settings=settings
    )


def _another_wizard(policy: Path, started: dt.datetime) -> None:
    """Another live wizard (the test's parent process) takes the lock: the lock there
    before (this wizard's, or a third one's) went first."""
    target = lock.lock_file(policy)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.unlink(missing_ok=True)
    body = {"pid": os.getppid(), "host": socket.gethostname(), "started": started.isoformat()}
    target.write_text(json.dumps(body), encoding="utf-8")


def _holder_pid(policy: Path) -> int | None:
    info = lock.read_lock(policy)
    return info.pid if info is not None else None


def _text(dialog: LockTakenDialog) -> str:
    return str(dialog.query_one(".amend-text", Static).render())


async def _change(pilot: Any, app: PresenceApp, company: str) -> None:
    await type_text(pilot, "#document-company", company)
    state = state_of(app)
    await wait_for(pilot, lambda: state.get("document.company") == company, company)


def _company(policy: Path) -> str:
    return str(tomllib.loads(policy.read_text(encoding="utf-8"))["document"]["company"])


async def _saved(pilot: Any, policy: Path, company: str) -> None:
    await wait_for(pilot, lambda: _company(policy) == company, f"{company} saved")


@pytest.mark.parametrize(
    ("lang", "words"),
    [("en", "took over"), ("uk", "перейняв")],
)
async def test_a_wizard_that_lost_its_lock_says_so_before_saving(
    policy: Path, lang: str, words: str
) -> None:
    app = _open(policy, lang)
    async with app.run_test(size=SIZE) as pilot:
        await on_top(pilot, SectionScreen)
        await wait_for(pilot, lambda: _holder_pid(policy) == os.getpid(), "the lock taken")
        await _change(pilot, app, "Mine")
        _another_wizard(policy, FIRST)
        send_keys(pilot, "ctrl+s")
        dialog = await on_top(pilot, LockTakenDialog)
        assert words in _text(dialog) and str(os.getppid()) in _text(dialog)
        await click(pilot, "#lock_taken-cancel")
        await on_top(pilot, SectionScreen)
        assert policy.read_text(encoding="utf-8") == ORIGINAL
        # asked again: the author did not choose to save beside it
        send_keys(pilot, "ctrl+s")
        await on_top(pilot, LockTakenDialog)
        await click(pilot, "#lock_taken-save")
        await on_top(pilot, SaveSummaryDialog)  # the file on disk is as it was read
        await click(pilot, "#summary-save")
        await _saved(pilot, policy, "Mine")
        await on_top(pilot, SectionScreen)
        # the author knows of this wizard now: the next save does not ask again
        await _change(pilot, app, "Mine again")
        send_keys(pilot, "ctrl+s")
        await on_top(pilot, SaveSummaryDialog)
        send_keys(pilot, "escape")
        await on_top(pilot, SectionScreen)
    assert _holder_pid(policy) == os.getppid()  # never taken back from the other wizard


async def test_saving_anyway_goes_through_the_check_of_the_file_on_disk(policy: Path) -> None:
    app = _open(policy)
    async with app.run_test(size=SIZE) as pilot:
        await on_top(pilot, SectionScreen)
        await wait_for(pilot, lambda: _holder_pid(policy) == os.getpid(), "the lock taken")
        await _change(pilot, app, "Mine")
        _another_wizard(policy, FIRST)
        policy.write_text(THEIRS, encoding="utf-8")  # and saved
        send_keys(pilot, "ctrl+s")
        await on_top(pilot, LockTakenDialog)
        await click(pilot, "#lock_taken-save")
        await on_top(pilot, ConflictDialog)
        send_keys(pilot, "escape")
        await on_top(pilot, SectionScreen)
    assert policy.read_text(encoding="utf-8") == THEIRS


async def test_escape_in_the_lost_lock_dialog_saves_nothing(policy: Path) -> None:
    app = _open(policy)
    async with app.run_test(size=SIZE) as pilot:
        await on_top(pilot, SectionScreen)
        await wait_for(pilot, lambda: _holder_pid(policy) == os.getpid(), "the lock taken")
        await _change(pilot, app, "Mine")
        _another_wizard(policy, FIRST)
        send_keys(pilot, "ctrl+s")
        await on_top(pilot, LockTakenDialog)
        send_keys(pilot, "escape")
        await on_top(pilot, SectionScreen)
        assert state_of(app).is_dirty
    assert policy.read_text(encoding="utf-8") == ORIGINAL


async def test_editing_beside_a_wizard_takes_the_lock_once_it_left(policy: Path) -> None:
    _another_wizard(policy, FIRST)
    app = _open(policy)
    async with app.run_test(size=SIZE) as pilot:
        await on_top(pilot, LockDialog)
        await click(pilot, "#lock-continue")
        await on_top(pilot, SectionScreen)
        await _change(pilot, app, "Beside")
        # the first wizard still edits: saving does not ask again (the author knows)
        send_keys(pilot, "ctrl+s")
        await on_top(pilot, SaveSummaryDialog)
        send_keys(pilot, "escape")
        await on_top(pilot, SectionScreen)
        assert _holder_pid(policy) == os.getppid()
        lock.lock_file(policy).unlink()  # the first wizard quits
        await _change(pilot, app, "Beside, alone")
        await wait_for(pilot, lambda: _holder_pid(policy) == os.getpid(), "the lock taken")
    assert _holder_pid(policy) is None  # released on quitting: it was this wizard's


@pytest.mark.parametrize(
    ("lang", "words"),
    [("en", "since you chose to edit it anyway"), ("uk", "відкрив ще один майстер")],
)
async def test_a_third_wizard_that_came_meanwhile_is_named_before_saving(
    policy: Path, lang: str, words: str
) -> None:
    _another_wizard(policy, FIRST)
    app = _open(policy, lang)
    async with app.run_test(size=SIZE) as pilot:
        await on_top(pilot, LockDialog)
        await click(pilot, "#lock-continue")
        await on_top(pilot, SectionScreen)
        await _change(pilot, app, "Beside")
        _another_wizard(policy, LATER)  # the first left, a third one opened the file
        send_keys(pilot, "ctrl+s")
        dialog = await on_top(pilot, LockTakenDialog)
        assert words in _text(dialog)
        await click(pilot, "#lock_taken-save")
        await on_top(pilot, SaveSummaryDialog)
        await click(pilot, "#summary-save")
        await _saved(pilot, policy, "Beside")
    assert _holder_pid(policy) == os.getppid()
