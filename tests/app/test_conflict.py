"""The file changed on disk (reload, overwrite, save as, compare) and failed saves (save-as)."""

from __future__ import annotations

import errno
import os
import tomllib
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input, Static

from exports.atomic import temp_prefix
from screens.base import SectionScreen
from screens.conflict import ChangesDialog, ConflictDialog
from screens.recovery import RecoveryDialog
from screens.save_as import SaveAsDialog
from screens.save_summary import SaveSummaryDialog
from tests.app.conftest import SIZE
from wizard.core import drafts
from wizard.core.state import PolicyState
from wizard.tui.app import PresenceApp, build_app

ORIGINAL = 'schema_version = 1\n\n# who we are\n[document]\ncompany = "Acme"\n'
THEIRS = 'schema_version = 1\n\n# who we are\n[document]\ncompany = "Theirs"\n'


def _policy(tmp_path: Path) -> Path:
    path = tmp_path / "brand-policy.toml"
    path.write_text(ORIGINAL, encoding="utf-8")
    return path


def _open(path: Path) -> PresenceApp:
    return build_app(path=path, section="document", lang="en", new=False, from_=None)


async def _type_company(pilot: Any, app: PresenceApp, text: str) -> None:
    field = app.screen.query_one("#document-company", Input)
    field.focus()
    field.value = text
    await pilot.pause()


async def _save_into_conflict(pilot: Any, app: PresenceApp, path: Path) -> None:
    await _type_company(pilot, app, "Mine")
    path.write_text(THEIRS, encoding="utf-8")  # another process saves meanwhile
    await pilot.press("ctrl+s")
    await pilot.pause()
    assert isinstance(app.screen, ConflictDialog)


async def test_compare_then_overwrite(tmp_path: Path) -> None:
    path = _policy(tmp_path)
    app = _open(path)
    async with app.run_test(size=SIZE) as pilot:
        await _save_into_conflict(pilot, app, path)
        assert path.read_text(encoding="utf-8") == THEIRS
        await pilot.click("#conflict-compare")
        await pilot.pause()
        assert isinstance(app.screen, ChangesDialog)
        lines = [str(s.render()) for s in app.screen.query(".change-line").results(Static)]
        assert lines == ['document.company: "Theirs" → "Mine"']
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConflictDialog)
        await pilot.click("#conflict-overwrite")
        await pilot.pause()
        assert isinstance(app.screen, SaveSummaryDialog)
        await pilot.click("#summary-save")
        await pilot.pause()
        assert isinstance(app.screen, SectionScreen)
    saved = tomllib.loads(path.read_text(encoding="utf-8"))
    assert saved["document"]["company"] == "Mine"
    assert saved["revisions"][0]["sections"] == ["document"]


async def test_reload_keeps_the_edits_as_a_draft_to_restore(tmp_path: Path) -> None:
    path = _policy(tmp_path)
    app = _open(path)
    async with app.run_test(size=SIZE) as pilot:
        await _save_into_conflict(pilot, app, path)
        await pilot.click("#conflict-reload")
        await pilot.pause()
        assert isinstance(app.screen, RecoveryDialog)
        assert app.screen.stale
        assert app.state is not None and app.state.get("document.company") == "Theirs"
        await pilot.click("#recovery-restore")
        await pilot.pause()
        assert isinstance(app.screen, SectionScreen)
        assert app.state.get("document.company") == "Mine"
        assert app.state.saved_value("document.company") == "Theirs"
        assert app.screen.query_one("#document-company", Input).value == "Mine"
        # the file is now the base: saving is no conflict any more
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, SaveSummaryDialog)
    assert path.read_text(encoding="utf-8") == THEIRS


async def test_save_as_leaves_the_changed_file_alone(tmp_path: Path) -> None:
    path = _policy(tmp_path)
    other = tmp_path / "mine.toml"
    app = _open(path)
    async with app.run_test(size=SIZE) as pilot:
        await _save_into_conflict(pilot, app, path)
        await pilot.click("#conflict-save_as")
        await pilot.pause()
        assert isinstance(app.screen, SaveAsDialog)
        app.screen.query_one("#save-as-path", Input).value = str(other)
        await pilot.click("#save-as-save")
        await pilot.pause()
        assert isinstance(app.screen, SaveSummaryDialog)
        await pilot.click("#summary-save")
        await pilot.pause()
        assert app.state is not None and app.state.path == other
        assert app.title == str(other)
    assert path.read_text(encoding="utf-8") == THEIRS
    text = other.read_text(encoding="utf-8")
    assert "# who we are" in text  # written from the file's layout, comments kept
    assert tomllib.loads(text)["document"]["company"] == "Mine"


@pytest.mark.parametrize("step", ["write", "fsync", "replace"])
async def test_failed_save_says_why_and_offers_save_as(tmp_path: Path, step: str) -> None:
    path = _policy(tmp_path)
    app = _open(path)

    real = getattr(os, step)

    def fail(*args: Any, **kwargs: Any) -> Any:
        # Only the policy's own temporary file fails (drafts go through os as well).
        first = args[0]
        name = os.readlink(f"/proc/self/fd/{first}") if isinstance(first, int) else str(first)
        if Path(name).name.startswith(temp_prefix("brand-policy.toml")):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real(*args, **kwargs)

    async with app.run_test(size=SIZE) as pilot:
        await _type_company(pilot, app, "Mine")
        # Its own patcher: undoing it must not undo the isolated state dir.
        with pytest.MonkeyPatch.context() as failing:
            failing.setattr(f"exports.atomic.os.{step}", fail)
            await pilot.press("ctrl+s")
            await pilot.pause()
            await pilot.click("#summary-save")
            await pilot.pause()
            dialog = app.screen
            assert isinstance(dialog, SaveAsDialog) and dialog.failed
            assert "no space left on device" in dialog.message
            assert path.read_text(encoding="utf-8") == ORIGINAL
            draft = drafts.read_draft(path)
            assert draft is not None and draft.data["document"]["company"] == "Mine"
        elsewhere = tmp_path / "elsewhere.toml"
        dialog.query_one("#save-as-path", Input).value = str(elsewhere)
        await pilot.click("#save-as-save")
        await pilot.pause()
        assert isinstance(app.screen, SectionScreen)
        assert app.state is not None and not app.state.is_dirty
    assert tomllib.loads(elsewhere.read_text(encoding="utf-8"))["document"]["company"] == "Mine"
    assert path.read_text(encoding="utf-8") == ORIGINAL
    assert drafts.read_draft(path) is None


async def test_failed_save_closed_keeps_everything(tmp_path: Path) -> None:
    state = PolicyState(path=tmp_path / "no-such-folder" / "p.toml")
    app = PresenceApp(state)
    async with app.run_test(size=SIZE) as pilot:
        await _type_company(pilot, app, "Kept")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, SaveAsDialog)
        assert "folder does not exist" in app.screen.message
        await pilot.click("#dialog-ok")
        await pilot.pause()
        assert state.get("document.company") == "Kept" and state.is_dirty


async def test_a_read_only_policy_is_not_replaced_and_the_author_is_told(tmp_path: Path) -> None:
    path = _policy(tmp_path)
    path.chmod(0o444)
    app = _open(path)
    async with app.run_test(size=SIZE) as pilot:
        await _type_company(pilot, app, "Mine")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.click("#summary-save")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, SaveAsDialog) and dialog.failed
        assert "the file is read-only" in dialog.message
        assert "save it under another name" in dialog.message
        assert app.state is not None and app.state.is_dirty
    assert path.read_text(encoding="utf-8") == ORIGINAL
    assert drafts.read_draft(path) is not None


def test_save_as_asks_before_replacing_only_another_file(tmp_path: Path) -> None:
    from wizard.tui.save_flow import _replaces_another

    current = tmp_path / "p.toml"
    current.write_text("schema_version = 1\n", encoding="utf-8")
    other = tmp_path / "other.toml"
    other.write_text("schema_version = 1\n", encoding="utf-8")
    (tmp_path / "hard.toml").hardlink_to(current)
    assert _replaces_another(other, current)
    assert not _replaces_another(current, current)
    assert not _replaces_another(tmp_path / "hard.toml", current)  # the same file
    assert not _replaces_another(tmp_path / "new.toml", current)
    assert not _replaces_another(tmp_path / ("x" * 300 + ".toml"), current)  # no error
