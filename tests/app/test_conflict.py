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
from tests.app.conftest import SIZE, click, on_top, send_keys, settle, state_of, type_text, wait_for
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
    await type_text(pilot, "#document-company", text)
    await wait_for(
        pilot, lambda: app.state is not None and app.state.get("document.company") == text
    )


async def _save_into_conflict(pilot: Any, app: PresenceApp, path: Path) -> None:
    await _type_company(pilot, app, "Mine")
    path.write_text(THEIRS, encoding="utf-8")  # another process saves meanwhile
    send_keys(pilot, "ctrl+s")
    await on_top(pilot, ConflictDialog)


async def test_compare_then_overwrite(tmp_path: Path) -> None:
    path = _policy(tmp_path)
    app = _open(path)
    async with app.run_test(size=SIZE) as pilot:
        await _save_into_conflict(pilot, app, path)
        assert path.read_text(encoding="utf-8") == THEIRS
        await click(pilot, "#conflict-compare")
        changes = await on_top(pilot, ChangesDialog)
        lines = [str(s.render()) for s in changes.query(".change-line").results(Static)]
        assert lines == ['Company: "Theirs" → "Mine"']
        send_keys(pilot, "escape")
        await on_top(pilot, ConflictDialog)
        await click(pilot, "#conflict-overwrite")
        await on_top(pilot, SaveSummaryDialog)
        await click(pilot, "#summary-save")
        await wait_for(pilot, lambda: "Mine" in path.read_text(encoding="utf-8"), "the save")
        await on_top(pilot, SectionScreen)
    saved = tomllib.loads(path.read_text(encoding="utf-8"))
    assert saved["document"]["company"] == "Mine"
    assert saved["revisions"][0]["sections"] == ["document"]


async def test_reload_keeps_the_edits_as_a_draft_to_restore(tmp_path: Path) -> None:
    path = _policy(tmp_path)
    app = _open(path)
    async with app.run_test(size=SIZE) as pilot:
        await _save_into_conflict(pilot, app, path)
        await click(pilot, "#conflict-reload")
        dialog = await on_top(pilot, RecoveryDialog)
        assert dialog.stale
        assert app.state is not None and app.state.get("document.company") == "Theirs"
        await click(pilot, "#recovery-restore")
        await on_top(pilot, SectionScreen)
        state = state_of(app)
        await wait_for(pilot, lambda: state.get("document.company") == "Mine")
        assert state.saved_value("document.company") == "Theirs"
        # The field on the screen shown now (the screens are built anew after a reload).
        await wait_for(
            pilot, lambda: app.screen.query_one("#document-company", Input).value == "Mine"
        )
        # the file is now the base: saving is no conflict any more
        send_keys(pilot, "ctrl+s")
        await on_top(pilot, SaveSummaryDialog)
    assert path.read_text(encoding="utf-8") == THEIRS


async def test_save_as_leaves_the_changed_file_alone(tmp_path: Path) -> None:
    path = _policy(tmp_path)
    other = tmp_path / "mine.toml"
    app = _open(path)
    async with app.run_test(size=SIZE) as pilot:
        await _save_into_conflict(pilot, app, path)
        await click(pilot, "#conflict-save_as")
        await on_top(pilot, SaveAsDialog)
        await type_text(pilot, "#save-as-path", str(other))
        await click(pilot, "#save-as-save")
        await on_top(pilot, SaveSummaryDialog)
        await click(pilot, "#summary-save")
        await wait_for(pilot, other.exists, "the file saved elsewhere")
        await wait_for(pilot, lambda: app.title == str(other), "the title")
        assert app.state is not None and app.state.path == other
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
            send_keys(pilot, "ctrl+s")
            await on_top(pilot, SaveSummaryDialog)
            await click(pilot, "#summary-save")
            dialog = await on_top(pilot, SaveAsDialog)
            assert dialog.failed
            assert "no space left on device" in dialog.message
            assert path.read_text(encoding="utf-8") == ORIGINAL
            draft = drafts.read_draft(path)
            assert draft is not None and draft.data["document"]["company"] == "Mine"
        elsewhere = tmp_path / "elsewhere.toml"
        await type_text(pilot, dialog.query_one("#save-as-path", Input), str(elsewhere))
        await click(pilot, "#save-as-save")
        await wait_for(pilot, elsewhere.exists, "the file saved elsewhere")
        await on_top(pilot, SectionScreen)
        await wait_for(pilot, lambda: app.state is not None and not app.state.is_dirty)
    assert tomllib.loads(elsewhere.read_text(encoding="utf-8"))["document"]["company"] == "Mine"
    assert path.read_text(encoding="utf-8") == ORIGINAL
    assert drafts.read_draft(path) is None


async def test_failed_save_closed_keeps_everything(tmp_path: Path) -> None:
    state = PolicyState(path=tmp_path / "no-such-folder" / "p.toml")
    app = PresenceApp(state)
    async with app.run_test(size=SIZE) as pilot:
        await _type_company(pilot, app, "Kept")
        send_keys(pilot, "ctrl+s")
        dialog = await on_top(pilot, SaveAsDialog)
        assert "folder does not exist" in dialog.message
        await click(pilot, "#dialog-ok")
        await on_top(pilot, SectionScreen)
        await settle(pilot)
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
