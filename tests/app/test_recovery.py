"""Drafts while editing and after: autosave, recovery (restore, discard, compare, stale),
every exit path, the lock warning, files with problems."""

from __future__ import annotations

import datetime as dt
import os
import socket
import tomllib
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input, Static

from screens.base import SectionScreen
from screens.broken_file import BrokenFileScreen
from screens.conflict import ChangesDialog
from screens.dialogs import QuitDialog
from screens.lock_dialog import LockDialog
from screens.recovery import RecoveryDialog
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
from wizard.core import drafts, lock
from wizard.core.drafts import file_digest, read_draft, write_draft
from wizard.core.settings import DEFAULT_SETTINGS, Settings
from wizard.tui import save_flow
from wizard.tui.app import PresenceApp, StartError, build_app

ORIGINAL = 'schema_version = 1\n\n[document]\ncompany = "Acme"\napproved_by = "Jane"\n'


@pytest.fixture
def policy(tmp_path: Path) -> Path:
    path = tmp_path / "brand-policy.toml"
    path.write_text(ORIGINAL, encoding="utf-8")
    return path


def _open(
    path: Path, section: str | None = "document", settings: Settings = DEFAULT_SETTINGS
) -> PresenceApp:
    return build_app(
        path=path, section=section, lang="en", new=False, from_=None, settings=settings
    )


def _draft(path: Path, company: str, digest: str | None = None) -> None:
    data = {"schema_version": 1, "document": {"company": company, "approved_by": "Jane"}}
    write_draft(path, data, file_digest(path) if digest is None else digest)


async def _type(pilot: Any, app: PresenceApp, selector: str, text: str) -> None:
    """Type `text` into the field and wait until the policy holds it."""
    await type_text(pilot, selector, text)
    path = selector.removeprefix("#").replace("-", ".")
    state = state_of(app)
    await wait_for(pilot, lambda: state.get(path) == (text or None), f"{path} = {text!r}")


def _drafted(policy: Path, company: str | None) -> bool:
    """Whether the draft of `policy` holds `company` (None: there is no draft)."""
    draft = read_draft(policy)
    if draft is None or company is None:
        return draft is None and company is None
    return bool(draft.data.get("document", {}).get("company") == company)


async def test_autosave_after_a_quiet_moment_and_on_screen_change(policy: Path) -> None:
    app = _open(policy, settings=Settings(autosave_delay=0.05))
    async with app.run_test(size=SIZE) as pilot:
        await _type(pilot, app, "#document-company", "Typed")
        await wait_for(pilot, partial(_drafted, policy, "Typed"), "the draft after a pause")
        draft = read_draft(policy)
        assert draft is not None and draft.base_digest == file_digest(policy)
        # a screen change writes at once, however long the quiet moment
        app.save_flow.settings = Settings(autosave_delay=3600.0, autosave_max_wait=3600.0)
        await _type(pilot, app, "#document-company", "Typed more")
        send_keys(pilot, "ctrl+n")
        await wait_for(pilot, lambda: app.screen.name == "mission", "the next step")
        await wait_for(pilot, partial(_drafted, policy, "Typed more"), "the draft on leaving")
        app.save_flow.settings = Settings(autosave_delay=0.05)
        state_of(app).set("document.company", "Acme")
        await wait_for(pilot, partial(_drafted, policy, None), "no draft: back to the file")
    assert policy.read_text(encoding="utf-8") == ORIGINAL


async def test_restore(policy: Path) -> None:
    _draft(policy, "From the draft")
    app = _open(policy)
    async with app.run_test(size=SIZE) as pilot:
        dialog = await on_top(pilot, RecoveryDialog)
        assert not dialog.stale
        assert "Document details" in str(dialog.query_one("#recovery-sections", Static).render())
        await click(pilot, "#recovery-restore")
        await on_top(pilot, SectionScreen)
        company = app.screen.query_one("#document-company", Input)
        await wait_for(pilot, lambda: company.value == "From the draft")
        assert app.state is not None and app.state.is_dirty
        await wait_for(pilot, lambda: app.sub_title == "modified")
    assert policy.read_text(encoding="utf-8") == ORIGINAL  # only saving writes the file
    assert read_draft(policy) is not None  # still unsaved: the draft stays


async def test_discard(policy: Path) -> None:
    _draft(policy, "From the draft")
    app = _open(policy)
    async with app.run_test(size=SIZE) as pilot:
        await click(pilot, "#recovery-discard")
        await on_top(pilot, SectionScreen)
        company = app.screen.query_one("#document-company", Input)
        await wait_for(pilot, lambda: company.value == "Acme")
        await wait_for(pilot, partial(_drafted, policy, None), "the draft gone")


async def test_compare_and_stale_warning(policy: Path) -> None:
    _draft(policy, "From the draft", digest="0" * 64)
    app = _open(policy)
    async with app.run_test(size=SIZE) as pilot:
        dialog = await on_top(pilot, RecoveryDialog)
        assert dialog.stale
        assert dialog.query_one("#recovery-stale").display
        changes = dialog.query_one("#recovery-changes")
        assert not changes.display
        await click(pilot, "#recovery-compare")
        await wait_for(pilot, lambda: changes.display, "the changes")
        lines = [str(s.render()) for s in changes.query(".change-line").results(Static)]
        assert lines == ['Company: "Acme" → "From the draft"']
        assert "anyway" in str(dialog.query_one("#recovery-restore").render())
        await click(pilot, "#recovery-restore")
        # What it puts back over the newer file is listed before anything is restored.
        listed = await on_top(pilot, ChangesDialog)
        lines = [str(s.render()) for s in listed.query(".change-line").results(Static)]
        assert lines == ['Company: "Acme" → "From the draft"']
        assert state_of(app).get("document.company") == "Acme"
        await click(pilot, "#changes-confirm")
        await on_top(pilot, SectionScreen)
        await wait_for(pilot, lambda: state_of(app).get("document.company") == "From the draft")


async def test_a_draft_equal_to_the_file_is_not_offered(policy: Path) -> None:
    _draft(policy, "Acme")
    app = _open(policy)
    async with app.run_test(size=SIZE) as pilot:
        await on_top(pilot, SectionScreen)
        await wait_for(pilot, lambda: app.focused is not None, "the first field's focus")
        await settle(pilot)
        assert isinstance(app.screen, SectionScreen)
    assert read_draft(policy) is None


async def test_new_on_the_same_path_offers_the_draft(tmp_path: Path) -> None:
    path = tmp_path / "never-saved.toml"
    _draft(path, "Typed before the crash", digest="")
    app = build_app(path=path, section=None, lang="en", new=True, from_=None)
    async with app.run_test(size=SIZE) as pilot:
        dialog = await on_top(pilot, RecoveryDialog)
        assert not dialog.stale
        await click(pilot, "#recovery-restore")
        await on_top(pilot, SectionScreen)
        company = "Typed before the crash"
        await wait_for(pilot, lambda: state_of(app).get("document.company") == company)


async def test_edit_of_a_never_saved_policy_offers_its_draft(tmp_path: Path) -> None:
    path = tmp_path / "never-saved.toml"
    _draft(path, "Typed before the crash", digest="")
    app = _open(path, section="mission")
    async with app.run_test(size=SIZE) as pilot:
        dialog = await on_top(pilot, RecoveryDialog)
        assert not dialog.stale
        await click(pilot, "#recovery-restore")
        await on_top(pilot, SectionScreen)
        state = state_of(app)
        await wait_for(pilot, lambda: state.get("document.company") == "Typed before the crash")
        assert state.is_new
        assert app.current_step == "mission"
    assert not path.exists()  # nothing is written until the author saves


def test_edit_of_a_missing_file_without_a_draft_still_fails(tmp_path: Path) -> None:
    with pytest.raises(StartError) as failure:
        _open(tmp_path / "nowhere.toml")
    assert failure.value.code == 1


# -- exit paths ------------------------------------------------------------------------


async def test_quit_with_nothing_changed_removes_the_draft(policy: Path) -> None:
    app = _open(policy)
    async with app.run_test(size=SIZE) as pilot:
        await _type(pilot, app, "#document-company", "X")
        app.save_flow.flush()
        assert read_draft(policy) is not None
        await _type(pilot, app, "#document-company", "Acme")
        send_keys(pilot, "ctrl+q")
        await wait_for(pilot, lambda: not app.is_running, "the app to end")
    assert read_draft(policy) is None
    assert lock.read_lock(policy) is None


async def test_app_exit_with_changes_keeps_a_draft_and_releases_the_lock(policy: Path) -> None:
    app = _open(policy)
    async with app.run_test(size=SIZE) as pilot:
        await _type(pilot, app, "#document-company", "Unsaved")
        info = lock.read_lock(policy)
        assert info is not None and info.pid == os.getpid()
        app.exit(0)  # straight away, before any timer fires
    draft = read_draft(policy)
    assert draft is not None and draft.data["document"]["company"] == "Unsaved"
    assert lock.read_lock(policy) is None


async def test_quit_and_discard_removes_the_draft(policy: Path) -> None:
    app = _open(policy)
    async with app.run_test(size=SIZE) as pilot:
        await _type(pilot, app, "#document-company", "Unsaved")
        app.save_flow.flush()
        send_keys(pilot, "ctrl+q")
        await on_top(pilot, QuitDialog)
        await click(pilot, "#quit-discard")
        await wait_for(pilot, lambda: not app.is_running, "the app to end")
    assert read_draft(policy) is None
    assert policy.read_text(encoding="utf-8") == ORIGINAL


async def test_save_removes_the_draft(policy: Path) -> None:
    app = _open(policy)
    async with app.run_test(size=SIZE) as pilot:
        await _type(pilot, app, "#document-company", "Saved")
        app.save_flow.flush()
        assert read_draft(policy) is not None
        send_keys(pilot, "ctrl+s")
        await on_top(pilot, SaveSummaryDialog)
        await click(pilot, "#summary-save")
        await wait_for(pilot, partial(_drafted, policy, None), "the draft gone")
    assert tomllib.loads(policy.read_text(encoding="utf-8"))["document"]["company"] == "Saved"


# -- locks --------------------------------------------------------------------------------


def _foreign_lock(policy: Path) -> None:
    target = lock.lock_file(policy)
    target.parent.mkdir(parents=True, exist_ok=True)
    started = dt.datetime(2026, 1, 1, 9, 0, tzinfo=dt.UTC).isoformat()
    body = f'{{"pid": {os.getppid()}, "host": "{socket.gethostname()}", "started": "{started}"}}'
    target.write_text(body, encoding="utf-8")


async def test_second_wizard_is_warned_and_may_open_read_only(policy: Path, notes: Notes) -> None:
    _foreign_lock(policy)
    app = _open(policy)
    async with app.run_test(size=SIZE) as pilot:
        app.notify = notes  # type: ignore[method-assign]
        dialog = await on_top(pilot, LockDialog)
        assert str(os.getppid()) in str(dialog.query_one(".amend-text", Static).render())
        await click(pilot, "#lock-read_only")
        await on_top(pilot, SectionScreen)
        # the dialog's answer may reach the app a turn after the dialog is gone
        await wait_for(pilot, lambda: app.save_flow.read_only, "read-only")
        await wait_for(pilot, lambda: app.sub_title.startswith("read-only"))
        send_keys(pilot, "ctrl+s")
        # The banner's note may come first: wait for the save's own.
        await wait_for(
            pilot,
            lambda: any(m.startswith("Opened read-only") for m in notes.messages),
            "the note",
        )
        app.exit(0)
    assert policy.read_text(encoding="utf-8") == ORIGINAL
    assert read_draft(policy) is None  # a read-only session keeps no draft
    info = lock.read_lock(policy)
    assert info is not None and info.pid == os.getppid()  # not ours to release


async def test_second_wizard_may_continue_and_leaves_the_lock_to_the_first(policy: Path) -> None:
    """Edit anyway edits beside the other wizard: its lock stays its own, also after
    this wizard quits (it used to take the lock over and remove it on quitting, so a
    third wizard opened without a warning while the first still edited)."""
    _foreign_lock(policy)
    _draft(policy, "Drafted")
    app = _open(policy, settings=Settings(autosave_delay=0.05))
    async with app.run_test(size=SIZE) as pilot:
        await click(pilot, "#lock-continue")
        await on_top(pilot, RecoveryDialog)  # then the draft is offered
        info = lock.read_lock(policy)
        assert info is not None and info.pid == os.getppid()
        await click(pilot, "#recovery-discard")
        await on_top(pilot, SectionScreen)
        await _type(pilot, app, "#document-company", "Beside")
        # an autosave finds the lock still held by the other wizard: it stays its own
        await wait_for(pilot, partial(_drafted, policy, "Beside"), "the draft")
        send_keys(pilot, "ctrl+q")
        await click(pilot, "#quit-discard")
    info = lock.read_lock(policy)
    assert info is not None and info.pid == os.getppid()


# -- files with problems ------------------------------------------------------------------


async def test_syntax_error_screen_then_fixed_file_opens(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "broken.toml"
    broken = 'schema_version = 1\n[document]\ncompany = "Acme\n'
    path.write_text(broken, encoding="utf-8")
    app = build_app(path=path, section=None, lang="en", new=False, from_=None)
    fixed: list[Path] = []

    def editor(flow: object, target: Path, line: int | None = None) -> bool:
        fixed.append(target)
        target.write_text('schema_version = 1\n[document]\ncompany = "Acme"\n', encoding="utf-8")
        return True

    monkeypatch.setattr(save_flow.SaveFlow, "run_editor", editor)
    async with app.run_test(size=SIZE) as pilot:
        screen = await on_top(pilot, BrokenFileScreen)
        assert (screen.line, screen.column) == (3, 16)
        assert f"{path}:3:16" in str(screen.query_one("#broken-where", Static).render())
        excerpt = str(screen.query_one("#broken-excerpt", Static).render())
        assert excerpt == 'company = "Acme\n' + " " * 15 + "^"
        assert path.read_text(encoding="utf-8") == broken  # never rewritten
        await click(pilot, "#broken-edit")
        await on_top(pilot, SectionScreen)
        assert fixed == [path]
        company = app.screen.query_one("#document-company", Input)
        await wait_for(pilot, lambda: company.value == "Acme")


async def test_syntax_error_screen_quit(tmp_path: Path) -> None:
    path = tmp_path / "broken.toml"
    path.write_text("schema_version = = 1\n", encoding="utf-8")
    app = build_app(path=path, section=None, lang="en", new=False, from_=None)
    async with app.run_test(size=SIZE) as pilot:
        await on_top(pilot, BrokenFileScreen)
        await click(pilot, "#broken-quit")
        await wait_for(pilot, lambda: not app.is_running, "the app to end")
    assert app.return_code == 2
    assert path.read_text(encoding="utf-8") == "schema_version = = 1\n"


async def test_file_with_errors_opens_at_the_first_problem(tmp_path: Path) -> None:
    path = tmp_path / "errors.toml"
    path.write_text(
        'schema_version = 1\n[document]\ncompany = "A"\n'
        '[communication.response_time]\nfirst_reply_max_minutes = "thirty"\n',
        encoding="utf-8",
    )
    app = build_app(path=path, section=None, lang="en", new=False, from_=None)
    async with app.run_test(size=SIZE) as pilot:
        field = "communication-response_time-first_reply_max_minutes"
        await wait_for(pilot, lambda: app.focused is not None and app.focused.id == field)
        assert app.current_step == "communication-response"
        problem = app.screen.query_one(".field-problem.-error", Static)
        assert str(problem.render())


def test_drafts_live_in_the_state_dir(tmp_path: Path) -> None:
    assert drafts.drafts_dir() == tmp_path / "state" / "drafts"


def test_a_path_the_system_cannot_look_up_is_a_clear_start_error(tmp_path: Path) -> None:
    (tmp_path / "a").symlink_to(tmp_path / "b")
    (tmp_path / "b").symlink_to(tmp_path / "a")
    for path, reason in (
        (tmp_path / ("x" * 300 + ".toml"), "file name too long"),
        (tmp_path / "a", "too many levels of symbolic links"),
    ):
        with pytest.raises(StartError) as failure:
            _open(path)
        assert failure.value.code == 2
        assert failure.value.message == f"{path}: {reason}"


def test_new_in_a_folder_or_a_missing_folder_is_a_clear_start_error(tmp_path: Path) -> None:
    long_name = tmp_path / ("x" * 300 + ".toml")
    for path, message in (
        (tmp_path, f"{tmp_path} is a folder; give the new policy a file name"),
        (
            tmp_path / "nowhere" / "p.toml",
            f"{tmp_path / 'nowhere' / 'p.toml'}: the folder {tmp_path / 'nowhere'} does not exist",
        ),
        (long_name, f"{long_name}: file name too long"),
    ):
        with pytest.raises(StartError) as failure:
            build_app(path=path, section=None, lang="en", new=True, from_=None)
        assert (failure.value.code, failure.value.message) == (2, message)


async def test_the_start_screen_will_not_start_a_policy_in_a_missing_folder(
    tmp_path: Path,
) -> None:
    from screens.dialogs import MessageDialog
    from screens.start import StartScreen

    app = build_app(path=None, section=None, lang="en", new=False, from_=None)
    async with app.run_test(size=SIZE) as pilot:
        await on_top(pilot, StartScreen)
        await type_text(pilot, "#start-new-path", str(tmp_path / "nowhere" / "p.toml"))
        await click(pilot, "#start-new")
        await on_top(pilot, MessageDialog)
        assert app.state is None
