"""The wizard starts whatever its state files hold: each damaged one is set aside with its
bytes and reported in one line (issue 11's start-ups that crashed or hung)."""

from __future__ import annotations

import json
import os
import socket
from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Input, OptionList, Static

from screens.base import SectionScreen
from screens.start import StartScreen
from tests.app.conftest import SIZE
from wizard.core import drafts, lock, recent, statefile
from wizard.tui.app import PresenceApp, build_app

POLICY = 'schema_version = 1\n\n[document]\ncompany = "Acme"\n'


def _plant(target: Path, raw: bytes) -> bytes:
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(raw)
    return raw


def _toast_texts(app: PresenceApp) -> list[str]:
    return [str(toast.render()) for toast in app.screen.query("Toast")]


async def _toasts(pilot: Pilot[Any], app: PresenceApp, count: int) -> list[str]:
    """The notifications on the screen once there are `count` of them (waits up to 5 s)."""
    for _ in range(100):
        texts = _toast_texts(app)
        if len(texts) >= count:
            return texts
        await pilot.pause(0.05)
    return _toast_texts(app)


def _one_line_naming(texts: list[str], moved: Path) -> str:
    [text] = [text for text in texts if str(moved) in text]
    assert "\n" not in text.strip()
    return text


async def test_a_recent_entry_listed_twice_is_shown_once(tmp_path: Path) -> None:
    """Issue 11: the start screen crashed with DuplicateID."""
    policy = tmp_path / "old.toml"
    policy.write_text(POLICY, encoding="utf-8")
    target = statefile.state_dir() / "recent.json"
    _plant(target, json.dumps([str(policy), str(policy), "/srv/x.toml"]).encode())
    app = PresenceApp(folder=tmp_path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
        assert app.query_one("#start-recent", OptionList).option_count == 2
        assert await _toasts(pilot, app, 0) == []


async def test_the_start_screen_comes_up_over_a_damaged_recent_list(tmp_path: Path) -> None:
    target = statefile.state_dir() / "recent.json"
    raw = _plant(target, b'["/srv/a.toml", "/srv/b.to')
    app = PresenceApp(folder=tmp_path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        assert isinstance(app.screen, StartScreen)
        assert app.screen.query("#start-no-recent")
        moved = target.with_name("recent.json.damaged")
        text = _one_line_naming(await _toasts(pilot, app, 1), moved)
        assert "not valid JSON" in text
    assert moved.read_bytes() == raw


async def test_the_editor_comes_up_over_a_damaged_draft_and_lock(tmp_path: Path) -> None:
    """Issue 11: a draft with `"document": null` (TypeError in the recovery summary)
    and a lock with `"pid": 2147483648` (OverflowError in os.kill)."""
    policy = tmp_path / "brand-policy.toml"
    policy.write_text(POLICY, encoding="utf-8")
    draft = {
        "format": 1,
        "path": str(policy),
        "base_digest": "",
        "written_at": "2026-01-01T10:00:00+00:00",
        "data": {"schema_version": 1, "document": None},
    }
    draft_raw = _plant(drafts.draft_file(policy), json.dumps(draft).encode())
    holder = {"pid": 2**31, "host": socket.gethostname(), "started": "2026-01-01T10:00:00"}
    lock_raw = _plant(lock.lock_file(policy), json.dumps(holder).encode())
    app = build_app(path=policy, section=None, lang="en", new=False, from_=None)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        texts = await _toasts(pilot, app, 2)
        assert isinstance(app.screen, SectionScreen)  # no lock or recovery dialog
        assert app.screen.query_one("#document-company", Input).value == "Acme"
        draft_moved = Path(f"{drafts.draft_file(policy)}.damaged")
        lock_moved = Path(f"{lock.lock_file(policy)}.damaged")
        assert "unexpected content" in _one_line_naming(texts, draft_moved)
        assert "unexpected content" in _one_line_naming(texts, lock_moved)
        info = lock.read_lock(policy)
        assert info is not None and info.pid == os.getpid()  # the wizard holds the file
    assert draft_moved.read_bytes() == draft_raw
    assert lock_moved.read_bytes() == lock_raw


async def test_a_draft_nested_700_deep_and_a_lock_linked_to_dev_zero(tmp_path: Path) -> None:
    """Issue 11: no screen after 60 s for a deep draft; MemoryError for /dev/zero."""
    policy = tmp_path / "brand-policy.toml"
    policy.write_text(POLICY, encoding="utf-8")
    raw = _plant(drafts.draft_file(policy), b'{"data": ' + b"[" * 700 + b"]" * 700 + b"}")
    lock.lock_file(policy).parent.mkdir(parents=True)
    lock.lock_file(policy).symlink_to("/dev/zero")
    app = build_app(path=policy, section=None, lang="en", new=False, from_=None)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        texts = await _toasts(pilot, app, 2)
        assert isinstance(app.screen, SectionScreen)
        draft_moved = Path(f"{drafts.draft_file(policy)}.damaged")
        lock_moved = Path(f"{lock.lock_file(policy)}.damaged")
        assert "nested too deep" in _one_line_naming(texts, draft_moved)
        assert "not a regular file" in _one_line_naming(texts, lock_moved)
    assert draft_moved.read_bytes() == raw
    assert os.readlink(lock_moved) == "/dev/zero"


async def test_the_report_is_in_the_interface_language(tmp_path: Path) -> None:
    target = statefile.state_dir() / "recent.json"
    _plant(target, b"\xff\xfe")
    app = PresenceApp(folder=tmp_path, lang="uk")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        moved = target.with_name("recent.json.damaged")
        text = _one_line_naming(await _toasts(pilot, app, 1), moved)
        assert "відкладено" in text and "це не текст UTF-8" in text
        assert app.screen.query_one("#start-no-recent", Static)


async def test_a_damaged_author_file_is_reported_when_saving_asks_for_the_name(
    tmp_path: Path,
) -> None:
    policy = tmp_path / "brand-policy.toml"
    policy.write_text(POLICY, encoding="utf-8")
    target = statefile.state_dir() / "author.json"
    raw = _plant(target, b'{"by": null}')
    app = build_app(path=policy, section="document", lang="en", new=False, from_=None)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        field = app.screen.query_one("#document-company", Input)
        field.value = "Acme Ltd"
        await pilot.pause()
        await pilot.press("ctrl+s")
        moved = target.with_name("author.json.damaged")
        _one_line_naming(await _toasts(pilot, app, 1), moved)
        assert app.screen.query_one("#summary-by", Input).value == ""
    assert moved.read_bytes() == raw
    assert recent.recent_files() == [policy.resolve()]
