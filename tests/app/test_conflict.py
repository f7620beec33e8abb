"""The file changed on disk (merge, per-conflict choice, compare, save as, overwrite,
cancel, a draft made before the change) and failed saves (save-as)."""

from __future__ import annotations

import errno
import os
import tomllib
from pathlib import Path
from typing import Any

import pytest
from textual.widget import Widget
from textual.widgets import Button, Input, Static

from exports.atomic import temp_prefix
from screens.base import SectionScreen
from screens.conflict import ChangesDialog, ConflictDialog
from screens.dialogs import ConfirmDialog
from screens.merge_dialog import MergeDialog
from screens.recovery import RecoveryDialog
from screens.save_as import SaveAsDialog
from screens.save_summary import SaveSummaryDialog
from tests.app.conftest import (
    SIZE,
    Notes,
    click,
    on_top,
    send_keys,
    settle,
    state_of,
    type_text,
    wait_for,
)
from wizard.core import drafts
from wizard.core.drafts import file_digest, write_draft
from wizard.core.state import PolicyState
from wizard.tui.app import PresenceApp, build_app

ORIGINAL = (
    "schema_version = 1\n\n# who we are\n[document]\n"
    'company = "Acme"\nversion = "1.0"\ncontact = "office@acme.example"\n'
)
THEIRS = (  # the client fixed the contact by hand and noted the version
    "schema_version = 1\n\n# who we are\n[document]\n"
    'company = "Acme"\nversion = "1.0"   # hand\ncontact = "+380 44 000 0000"\n'
)
THEIRS_COMPANY = THEIRS.replace('company = "Acme"', 'company = "Theirs"')


def _policy(tmp_path: Path) -> Path:
    path = tmp_path / "brand-policy.toml"
    path.write_text(ORIGINAL, encoding="utf-8")
    return path


def _open(path: Path, lang: str = "en") -> PresenceApp:
    return build_app(path=path, section="document", lang=lang, new=False, from_=None)


async def _type_company(pilot: Any, app: PresenceApp, text: str) -> None:
    await type_text(pilot, "#document-company", text)
    await wait_for(
        pilot, lambda: app.state is not None and app.state.get("document.company") == text
    )


async def _save_into_conflict(
    pilot: Any, app: PresenceApp, path: Path, theirs: str = THEIRS_COMPANY
) -> ConflictDialog:
    await _type_company(pilot, app, "Mine")
    path.write_text(theirs, encoding="utf-8")  # another person saves meanwhile
    send_keys(pilot, "ctrl+s")
    return await on_top(pilot, ConflictDialog)


def _lines(screen: Any, selector: str) -> list[str]:
    return [str(s.render()) for s in screen.query(selector).results(Static)]


async def _save_summary(pilot: Any, path: Path, text: str) -> None:
    await on_top(pilot, SaveSummaryDialog)
    await click(pilot, "#summary-save")
    await wait_for(pilot, lambda: text in path.read_text(encoding="utf-8"), "the save")
    await on_top(pilot, SectionScreen)


async def test_merge_is_the_default_when_nothing_conflicts(tmp_path: Path) -> None:
    path = _policy(tmp_path)
    app = _open(path)
    async with app.run_test(size=SIZE) as pilot:
        dialog = await _save_into_conflict(pilot, app, path, THEIRS)
        merge_button = dialog.query_one("#conflict-merge")
        await wait_for(pilot, lambda: dialog.focused is merge_button, "Merge focused")
        summary = str(dialog.query_one("#conflict-summary", Static).render())
        assert summary == "Merging keeps both: their changes (1) and yours (1)."
        send_keys(pilot, "enter")
        merge = await on_top(pilot, MergeDialog)
        assert _lines(merge, ".merge-theirs") == [
            'Contact: "office@acme.example" → "+380 44 000 0000"'
        ]
        assert _lines(merge, ".merge-ours") == ['Company: "Acme" → "Mine"']
        assert not merge.query(".merge-conflict")
        assert path.read_text(encoding="utf-8") == THEIRS  # nothing written yet
        await click(pilot, "#merge-save")
        await _save_summary(pilot, path, '"Mine"')
        # Their screen values are shown now, and the state is the file.
        contact = app.screen.query_one("#document-contact", Input)
        await wait_for(pilot, lambda: contact.value == "+380 44 000 0000")
        assert not state_of(app).is_dirty
    text = path.read_text(encoding="utf-8")
    assert text.startswith(THEIRS.replace('company = "Acme"', 'company = "Mine"'))
    assert 'version = "1.0"   # hand' in text and "<<<<<<<" not in text
    saved = tomllib.loads(text)
    assert saved["document"]["contact"] == "+380 44 000 0000"
    assert saved["revisions"][0]["sections"] == ["document"]


@pytest.mark.parametrize(("side", "kept"), [("ours", "Mine"), ("theirs", "Theirs")])
async def test_a_value_changed_on_both_sides_is_chosen_side_by_side(
    tmp_path: Path, notes: Notes, side: str, kept: str
) -> None:
    path = _policy(tmp_path)
    app = _open(path)
    async with app.run_test(size=SIZE) as pilot:
        dialog = await _save_into_conflict(pilot, app, path)
        assert "Changed differently on both sides: 1" in str(
            dialog.query_one("#conflict-summary", Static).render()
        )
        compare = dialog.query_one("#conflict-compare")
        await wait_for(pilot, lambda: dialog.focused is compare, "Compare focused: no default")
        await click(pilot, "#conflict-merge")
        merge = await on_top(pilot, MergeDialog)
        assert _lines(merge, ".merge-label") == ["Document details › Company"]
        mine = merge.query_one("#merge-0-ours-value", Static)
        theirs = merge.query_one("#merge-0-theirs-value", Static)
        assert (str(mine.render()), str(theirs.render())) == ("Mine", "Theirs")
        assert (mine.border_title, theirs.border_title) == ("Mine", "Theirs")
        await wait_for(pilot, lambda: mine.size.width > 0 and theirs.size.width > 0, "layout")
        left, right = mine.parent, theirs.parent  # the two columns of one row
        assert isinstance(left, Widget) and isinstance(right, Widget)
        assert left.parent is right.parent
        assert left.virtual_region.y == right.virtual_region.y
        assert left.virtual_region.right <= right.virtual_region.x
        app.notify = notes  # type: ignore[method-assign]
        await click(pilot, "#merge-save")  # nothing chosen yet: it says so and waits
        await wait_for(pilot, lambda: notes.messages, "the reminder")
        assert notes.messages == ["Choose mine or theirs for every value changed on both sides."]
        assert isinstance(app.screen, MergeDialog)
        await click(pilot, f"#merge-0-{side}")
        button = merge.query_one(f"#merge-0-{side}", Button)
        await wait_for(pilot, lambda: str(button.label).startswith("✓"), "the choice shown")
        await click(pilot, "#merge-save")
        if side == "ours":
            await _save_summary(pilot, path, f'"{kept}"')
        else:  # theirs kept: nothing of this session is left, so no revision note is asked
            await on_top(pilot, SectionScreen)
            await wait_for(pilot, lambda: not state_of(app).is_dirty, "the save")
    saved = tomllib.loads(path.read_text(encoding="utf-8"))
    assert ("revisions" in saved) is (side == "ours")
    assert saved["document"]["company"] == kept
    assert saved["document"]["contact"] == "+380 44 000 0000"


async def test_the_merge_speaks_the_interface_language(tmp_path: Path) -> None:
    path = _policy(tmp_path)
    app = _open(path, lang="uk")
    async with app.run_test(size=SIZE) as pilot:
        await _save_into_conflict(pilot, app, path)
        await click(pilot, "#conflict-merge")
        merge = await on_top(pilot, MergeDialog)
        assert str(merge.query_one("#merge-0-ours", Button).label) == "Залишити моє"
        assert merge.query_one("#merge-0-theirs-value", Static).border_title == "Їхнє"
        assert _lines(merge, "#merge-both") == ["Змінено з обох боків: оберіть, що залишити"]
        send_keys(pilot, "escape")
        await on_top(pilot, ConflictDialog)  # back: nothing written
        assert path.read_text(encoding="utf-8") == THEIRS_COMPANY


async def test_compare_then_overwrite_lists_what_it_undoes(tmp_path: Path) -> None:
    path = _policy(tmp_path)
    app = _open(path)
    async with app.run_test(size=SIZE) as pilot:
        await _save_into_conflict(pilot, app, path)
        assert path.read_text(encoding="utf-8") == THEIRS_COMPANY
        await click(pilot, "#conflict-compare")
        changes = await on_top(pilot, ChangesDialog)
        assert sorted(_lines(changes, ".change-line")) == [
            'Company: "Theirs" → "Mine"',
            'Contact: "+380 44 000 0000" → "office@acme.example"',
        ]
        send_keys(pilot, "escape")
        await on_top(pilot, ConflictDialog)
        await click(pilot, "#conflict-overwrite")
        undone = await on_top(pilot, ChangesDialog)
        assert undone.confirm == "Overwrite"
        assert sorted(_lines(undone, ".change-line")) == [
            'Company: "Theirs" → "Mine"',
            'Contact: "+380 44 000 0000" → "office@acme.example"',
        ]
        await click(pilot, "#changes-close")  # back: nothing written
        await on_top(pilot, ConflictDialog)
        assert path.read_text(encoding="utf-8") == THEIRS_COMPANY
        await click(pilot, "#conflict-overwrite")
        await on_top(pilot, ChangesDialog)
        await click(pilot, "#changes-confirm")
        await _save_summary(pilot, path, '"Mine"')
    text = path.read_text(encoding="utf-8")
    saved = tomllib.loads(text)
    assert saved["document"]["company"] == "Mine"
    assert saved["document"]["contact"] == "office@acme.example"
    assert 'version = "1.0"   # hand' in text  # their comment survives the overwrite
    assert saved["revisions"][0]["sections"] == ["document"]


async def test_cancel_writes_nothing(tmp_path: Path) -> None:
    path = _policy(tmp_path)
    app = _open(path)
    async with app.run_test(size=SIZE) as pilot:
        await _save_into_conflict(pilot, app, path)
        send_keys(pilot, "escape")
        await on_top(pilot, SectionScreen)
        await settle(pilot)
        assert state_of(app).get("document.company") == "Mine" and state_of(app).is_dirty
    assert path.read_text(encoding="utf-8") == THEIRS_COMPANY


async def test_save_as_never_writes_onto_the_changed_file(tmp_path: Path, notes: Notes) -> None:
    path = _policy(tmp_path)
    taken = tmp_path / "taken.toml"
    taken.write_text("schema_version = 1\n", encoding="utf-8")
    other = tmp_path / "mine.toml"
    app = _open(path)
    async with app.run_test(size=SIZE) as pilot:
        await _save_into_conflict(pilot, app, path)
        await click(pilot, "#conflict-save_as")
        dialog = await on_top(pilot, SaveAsDialog)
        field = dialog.query_one("#save-as-path", Input)
        assert field.value == str(tmp_path / "brand-policy.mine.toml")  # not the file itself
        app.notify = notes  # type: ignore[method-assign]
        for same in (str(path), "./brand-policy.toml"):
            await type_text(pilot, field, same)
            send_keys(pilot, "enter")
            await wait_for(pilot, lambda: notes.messages, "the refusal")
            assert "is the file that changed on disk" in notes.messages.pop()
            assert isinstance(app.screen, SaveAsDialog)
        await type_text(pilot, field, str(taken))  # another file that exists: asked first
        send_keys(pilot, "enter")
        await on_top(pilot, ConfirmDialog)
        await click(pilot, "#dialog-no")
        await on_top(pilot, ConflictDialog)
        assert taken.read_text(encoding="utf-8") == "schema_version = 1\n"
        await click(pilot, "#conflict-save_as")
        await type_text(pilot, "#save-as-path", str(other))
        await click(pilot, "#save-as-save")
        await on_top(pilot, SaveSummaryDialog)
        await click(pilot, "#summary-save")
        await wait_for(pilot, other.exists, "the file saved elsewhere")
        await wait_for(pilot, lambda: app.title == str(other), "the title")
        assert app.state is not None and app.state.path == other
    assert path.read_text(encoding="utf-8") == THEIRS_COMPANY
    text = other.read_text(encoding="utf-8")
    assert "# who we are" in text  # written from the file's layout, comments kept
    assert tomllib.loads(text)["document"]["company"] == "Mine"


async def test_a_file_changed_again_while_merging_is_merged_again(tmp_path: Path) -> None:
    path = _policy(tmp_path)
    app = _open(path)
    async with app.run_test(size=SIZE) as pilot:
        await _save_into_conflict(pilot, app, path, THEIRS)
        await click(pilot, "#conflict-merge")
        await on_top(pilot, MergeDialog)
        again = THEIRS.replace('version = "1.0"', 'version = "2.0"')
        path.write_text(again, encoding="utf-8")
        await click(pilot, "#merge-save")
        await on_top(pilot, SaveSummaryDialog)
        await click(pilot, "#summary-save")
        dialog = await on_top(pilot, ConflictDialog)  # asked again, with the new state
        assert "their changes (2)" in str(dialog.query_one("#conflict-summary", Static).render())
        assert path.read_text(encoding="utf-8") == again
        await click(pilot, "#conflict-merge")
        await on_top(pilot, MergeDialog)
        await click(pilot, "#merge-save")
        await _save_summary(pilot, path, '"Mine"')
    saved = tomllib.loads(path.read_text(encoding="utf-8"))
    assert saved["document"]["version"] == "2.0" and saved["document"]["company"] == "Mine"


async def test_a_file_that_cannot_be_read_now_is_not_merged(tmp_path: Path) -> None:
    path = _policy(tmp_path)
    broken = THEIRS.replace('company = "Acme"', '<<<<<<< ours\ncompany = "Acme"')
    app = _open(path)
    async with app.run_test(size=SIZE) as pilot:
        dialog = await _save_into_conflict(pilot, app, path, broken)
        assert dialog.query_one("#conflict-merge", Button).disabled
        assert "cannot be merged" in str(dialog.query_one("#conflict-summary", Static).render())
        await click(pilot, "#conflict-overwrite")
        await on_top(pilot, ConfirmDialog)
        await click(pilot, "#dialog-no")
        await on_top(pilot, ConflictDialog)
        assert path.read_text(encoding="utf-8") == broken
        send_keys(pilot, "escape")
        await on_top(pilot, SectionScreen)


def _stale_draft(path: Path, *, base: bool) -> None:
    """A draft of the original file (company "Mine"), then the file changed by another."""
    data = tomllib.loads(ORIGINAL)
    data["document"]["company"] = "Mine"
    kept = tomllib.loads(ORIGINAL) if base else None
    write_draft(path, data, file_digest(path), base=kept)
    path.write_text(THEIRS, encoding="utf-8")


async def test_a_draft_made_before_the_file_changed_is_merged_into_it(tmp_path: Path) -> None:
    path = _policy(tmp_path)
    _stale_draft(path, base=True)
    app = _open(path)
    async with app.run_test(size=SIZE) as pilot:
        dialog = await on_top(pilot, RecoveryDialog)
        assert dialog.stale
        merge_button = dialog.query_one("#recovery-merge")
        await wait_for(pilot, lambda: dialog.focused is merge_button, "Merge focused")
        await click(pilot, "#recovery-merge")
        merge = await on_top(pilot, MergeDialog)
        assert _lines(merge, ".merge-theirs") == [
            'Contact: "office@acme.example" → "+380 44 000 0000"'
        ]
        assert _lines(merge, ".merge-ours") == ['Company: "Acme" → "Mine"']
        await click(pilot, "#merge-save")
        await on_top(pilot, SectionScreen)
        state = state_of(app)
        await wait_for(pilot, lambda: state.get("document.company") == "Mine")
        assert state.get("document.contact") == "+380 44 000 0000"  # theirs, not reverted
        send_keys(pilot, "ctrl+s")  # the file is the base now: no conflict
        await _save_summary(pilot, path, '"Mine"')
    text = path.read_text(encoding="utf-8")
    assert '"+380 44 000 0000"' in text and 'version = "1.0"   # hand' in text


async def test_the_draft_keeps_the_file_it_began_from(tmp_path: Path) -> None:
    path = _policy(tmp_path)
    app = _open(path)
    async with app.run_test(size=SIZE) as pilot:
        await _type_company(pilot, app, "Mine")
        app.save_flow.flush()
        draft = drafts.read_draft(path)
        assert draft is not None and draft.base == tomllib.loads(ORIGINAL)
        app.exit(0)


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
