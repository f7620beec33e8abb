"""Review: checklist with jumps to fields, warnings, revision log, preview, save, export."""

from __future__ import annotations

import copy
import datetime as dt
import tomllib
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Checkbox, Input, Markdown, OptionList, Static, TabbedContent

import screens.review
from screens.dialogs import ConfirmDialog, MessageDialog
from screens.export_dialog import ExportDialog
from screens.review import ProblemList
from screens.widgets.list_editor import ListEditor
from tests.app.conftest import SIZE, SMALL, click
from wizard.core.service import EXAMPLE_PATH
from wizard.core.state import PolicyState
from wizard.tui.app import PresenceApp

EXAMPLE: dict[str, Any] = tomllib.loads(EXAMPLE_PATH.read_text(encoding="utf-8"))


def _example(**changes: Any) -> dict[str, Any]:
    data = copy.deepcopy(EXAMPLE)
    for path, value in changes.items():
        node: Any = data
        *heads, last = path.split("__")
        for head in heads:
            node = node[int(head)] if head.isdigit() else node[head]
        if value is None:
            del node[last]
        else:
            node[last] = value
    return data


def _app(tmp_path: Path, data: dict[str, Any], *, lang: str = "en") -> PresenceApp:
    state = PolicyState(data, path=tmp_path / "policy.toml")
    return PresenceApp(state, section="review", lang=lang)


def _lines(option_list: OptionList) -> list[str]:
    return [str(option_list.get_option_at_index(i).prompt) for i in range(option_list.option_count)]


async def _until(pilot: Any, condition: Callable[[], object]) -> None:
    """Let the app work until `condition()` holds (workers and dialogs take a few turns)."""
    for _ in range(100):
        if condition():
            await pilot.pause()  # and let the layout settle before the next click
            return
        await pilot.pause(0.02)
    assert condition()


def _shows(widget: Static, text: str) -> bool:
    return text in str(widget.render())


async def _choose(pilot: Any, list_id: str, needle: str) -> None:
    """Highlight the option of `list_id` that contains `needle` and press Enter on it."""
    option_list = pilot.app.query_one(f"#{list_id}", OptionList)
    index = next(i for i, line in enumerate(_lines(option_list)) if needle in line)
    option_list.focus()
    option_list.highlighted = index
    await pilot.press("enter")
    await pilot.pause()
    await pilot.pause()


async def test_checklist_groups_problems_and_jumps_to_the_field(tmp_path: Path) -> None:
    data = _example(communication__style=None, mission__statement=None)
    data["communication"]["response_time"]["first_reply_avg_minutes"] = 45
    app = _app(tmp_path, data)
    async with app.run_test(size=SIZE) as pilot:
        checklist = app.query_one("#review-checklist", ProblemList)
        lines = _lines(checklist)
        assert lines == [
            "1. Mission, objectives and values",
            "• Missing: Mission",
            "4. Communication principles",
            "• Missing: Communication style",
            "! Error: Average reply time: 45 is more than the maximum (30).",
        ]
        assert checklist.has_focus
        await _choose(pilot, "review-checklist", "Communication style")
        assert app.current_step == "communication-style"
        assert app.focused is not None and app.focused.id == "communication-style"
        await pilot.press("ctrl+r")
        await _choose(pilot, "review-checklist", "Average reply time")
        assert app.current_step == "communication-response"
        assert app.focused is not None
        assert app.focused.id == "communication-response_time-first_reply_avg_minutes"
        # a screen already open elsewhere: the jump focuses the field there too
        app.query_one("#communication-response_time-working_hours").focus()
        await pilot.press("ctrl+r")
        await _choose(pilot, "review-checklist", "Average reply time")
        assert app.focused is not None
        assert app.focused.id == "communication-response_time-first_reply_avg_minutes"


async def test_jump_selects_the_list_entry_first(tmp_path: Path) -> None:
    data = _example()
    del data["communication"]["templates"][1]["text"]
    app = _app(tmp_path, data)
    async with app.run_test(size=SIZE) as pilot:
        await _choose(pilot, "review-checklist", "Answer templates 2 › Text")
        assert app.current_step == "communication-templates"
        editor = app.query_one("#communication-templates", ListEditor)
        assert editor.selected == 1
        assert app.query_one("#communication-templates-title", Input).value == "Order problem"
        assert app.focused is not None and app.focused.id == "communication-templates-text"


async def test_jump_to_an_empty_required_list_and_a_word(tmp_path: Path) -> None:
    data = _example(communication__negative__escalation=None)
    data["communication"]["avoided_words"].append("fresh")
    app = _app(tmp_path, data)
    async with app.run_test(size=SIZE) as pilot:
        await _choose(pilot, "review-checklist", "Whom to pass")
        assert app.current_step == "communication-negative"
        assert app.focused is not None
        assert app.focused.id == "communication-negative-escalation-add"
        await pilot.press("ctrl+r")
        await _choose(pilot, "review-checklist", "Words to avoid 4")
        assert app.current_step == "communication-style"
        items = app.query_one("#communication-avoided_words-items", OptionList)
        assert app.focused is items and items.highlighted == 3


async def test_complete_policy_warnings_and_revisions(tmp_path: Path) -> None:
    data = _example()
    data["revisions"].append(
        {"date": dt.date(2027, 2, 1), "by": "Jane", "sections": ["mission"], "note": "Later"}
    )
    data["communication"]["templates"][0]["text"] = "Thanks {name!"
    app = _app(tmp_path, data, lang="uk")
    async with app.run_test(size=SMALL):
        assert _lines(app.query_one("#review-checklist", OptionList)) == [
            "Нічого не бракує, помилок немає."
        ]
        warnings = _lines(app.query_one("#review-warnings", OptionList))
        assert warnings[0] == "4. Принципи спілкування"
        assert warnings[1].startswith("⚠ Попередження: Шаблони відповідей 1 › Текст:")
        log = str(app.query_one("#review-revisions", Static).render()).splitlines()
        assert log[0].startswith("2027-02-01 — Jane — 1. Місія — Later")
        assert log[1].startswith("2026-11-28 — Jane Doe")


async def test_preview_renders_when_its_tab_opens(tmp_path: Path) -> None:
    app = _app(tmp_path, _example())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert not app.query("#review-preview")  # opening the review costs nothing
        tabs = app.query_one("#review-tabs", TabbedContent)
        tabs.active = "review-tab-preview"
        await _until(pilot, lambda: app.query("#review-preview"))
        preview = app.query_one("#review-preview", Markdown)
        await _until(pilot, lambda: preview.source)
        assert preview.source.startswith("# Brand presence policy")
        assert not app.query_one("#review-render").display
        # a change made elsewhere shows when the review is back
        await pilot.press("alt+1")
        app.query_one("#document-company", Input).value = "Southwind Bakery"
        await pilot.press("ctrl+r")
        await _until(pilot, lambda: "Southwind" in preview.source)


async def test_large_preview_waits_for_the_button(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(screens.review, "PREVIEW_LIMIT", 100)
    app = _app(tmp_path, _example())
    async with app.run_test(size=SIZE) as pilot:
        button = app.query_one("#review-render")
        app.query_one("#review-tabs", TabbedContent).active = "review-tab-preview"
        await _until(pilot, lambda: button.display)
        preview = app.query_one("#review-preview", Markdown)
        assert preview.source == ""
        assert "large" in str(app.query_one("#review-preview-note", Static).render())
        await click(pilot, "#review-render")
        await _until(pilot, lambda: preview.source)
        assert preview.source.startswith("# Brand presence policy")


async def _open_export(pilot: Any) -> ExportDialog:
    await click(pilot, "#review-export")
    await pilot.pause()
    dialog = pilot.app.screen
    assert isinstance(dialog, ExportDialog)
    return dialog


async def test_export_markdown_and_html(tmp_path: Path) -> None:
    app = _app(tmp_path, _example())
    async with app.run_test(size=SIZE) as pilot:
        await _open_export(pilot)
        path_input = app.query_one("#export-path", Input)
        assert path_input.value == str(tmp_path / "policy.md")
        assert not app.query_one("#export-draft").display
        assert not app.query_one("#export-secrets").display
        await pilot.click("#export-ok")
        await _until(pilot, (tmp_path / "policy.md").exists)
        text = (tmp_path / "policy.md").read_text(encoding="utf-8")
        assert text.startswith("# Brand presence policy")
        assert "Password manager" not in text
        # HTML, with access data, to a path of our own
        await _open_export(pilot)
        path_input = app.query_one("#export-path", Input)
        await pilot.click("#export-format-html")
        assert path_input.value == str(tmp_path / "policy.html")
        app.query_one("#export-access", Checkbox).value = True
        path_input.value = str(tmp_path / "out.html")
        await pilot.pause()
        await pilot.click("#export-ok")
        await _until(pilot, (tmp_path / "out.html").exists)
        page = (tmp_path / "out.html").read_text(encoding="utf-8")
        assert '<html lang="en">' in page and "Password manager" in page
        # exporting again asks before replacing the file
        await _open_export(pilot)
        await pilot.click("#export-ok")
        await _until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.click("#dialog-no")
        await pilot.pause()
        assert isinstance(app.screen, ExportDialog)
        await pilot.press("escape")
        assert app.current_step == "review"


async def test_export_refuses_a_policy_with_errors(tmp_path: Path) -> None:
    data = _example()
    data["communication"]["response_time"]["first_reply_avg_minutes"] = 45
    app = _app(tmp_path, data)
    async with app.run_test(size=SIZE) as pilot:
        await click(pilot, "#review-export")
        await pilot.pause()
        assert isinstance(app.screen, MessageDialog)
        assert "errors" in app.screen.message
        await pilot.click("#dialog-ok")
        await pilot.pause()
        checklist = app.query_one("#review-checklist", OptionList)
        assert checklist.has_focus
        assert "Average reply time" in _lines(checklist)[checklist.highlighted or 0]
        assert list(tmp_path.glob("*.md")) == []


async def test_secret_warning_comes_before_the_export(tmp_path: Path) -> None:
    data = _example()
    data["communication"]["templates"][0]["text"] = "Log in with password: hunter2hunter2"
    data["platforms"][0]["access"] = "pass=Zx81Qw7Lp0Mn4Rt6Yv2"
    app = _app(tmp_path, data)
    async with app.run_test(size=SIZE) as pilot:
        await _open_export(pilot)
        secrets = app.query_one("#export-secrets", Static)
        assert secrets.display
        assert "Answer templates 1 › Text" in str(secrets.render())
        assert "Platforms 1" not in str(secrets.render())  # access data is left out
        app.query_one("#export-access", Checkbox).value = True
        await pilot.pause()
        assert "Platforms 1" in str(secrets.render())
        await pilot.click("#export-ok")
        await _until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        assert isinstance(app.screen, ConfirmDialog)
        assert "Answer templates 1 › Text" in app.screen.question
        assert not (tmp_path / "policy.md").exists()
        await pilot.click("#dialog-yes")
        await _until(pilot, (tmp_path / "policy.md").exists)


async def test_draft_export_is_marked(tmp_path: Path) -> None:
    app = _app(tmp_path, _example(mission__statement=None))
    messages: list[str] = []
    async with app.run_test(size=SMALL) as pilot:
        app.screen.notify = lambda message, **_: messages.append(str(message))  # type: ignore[method-assign]
        await _open_export(pilot)
        assert "draft" in str(app.query_one("#export-draft", Static).render())
        await pilot.click("#export-ok")
        await _until(pilot, lambda: messages)
        text = (tmp_path / "policy.md").read_text(encoding="utf-8")
        assert "draft" in text.lower()
        assert messages == [f"Exported a draft to {tmp_path / 'policy.md'} (not defined yet: 1)."]


async def test_export_path_problems_are_explained(tmp_path: Path) -> None:
    app = _app(tmp_path, _example())
    async with app.run_test(size=SIZE) as pilot:
        await _open_export(pilot)
        path_input = app.query_one("#export-path", Input)
        problem = app.query_one("#export-problem", Static)
        for typed, expected in (
            ("", "Type where"),
            (str(tmp_path / "nowhere" / "a.md"), "does not exist"),
            (str(tmp_path), "is a folder"),
            (str(tmp_path / "policy.toml"), "policy file itself"),
        ):
            path_input.value = typed
            path_input.focus()
            await pilot.press("enter")
            await _until(pilot, partial(_shows, problem, expected))
            assert isinstance(app.screen, ExportDialog)


async def test_an_export_path_the_system_refuses_is_explained(tmp_path: Path) -> None:
    app = _app(tmp_path, _example())
    async with app.run_test(size=SIZE) as pilot:
        await _open_export(pilot)
        path_input = app.query_one("#export-path", Input)
        problem = app.query_one("#export-problem", Static)
        path_input.value = str(tmp_path / ("x" * 300 + ".md"))
        path_input.focus()
        await pilot.press("enter")
        await _until(pilot, partial(_shows, problem, "cannot be used: file name too long"))
        assert isinstance(app.screen, ExportDialog)


async def test_export_never_writes_over_the_policy_through_another_name(tmp_path: Path) -> None:
    """A hard link or a symbolic link to the policy file is the policy file: refused, as
    `presence export` refuses it (both ask `wizard.core.service.check_export_target`)."""
    policy = tmp_path / "policy.toml"
    policy.write_text("schema_version = 1\n", encoding="utf-8")
    (tmp_path / "hard.md").hardlink_to(policy)
    (tmp_path / "soft.md").symlink_to(policy)
    app = _app(tmp_path, _example())
    async with app.run_test(size=SIZE) as pilot:
        await _open_export(pilot)
        path_input = app.query_one("#export-path", Input)
        problem = app.query_one("#export-problem", Static)
        for name in ("hard.md", "soft.md"):
            path_input.value = str(tmp_path / name)
            path_input.focus()
            await pilot.press("enter")
            await _until(pilot, partial(_shows, problem, "policy file itself"))
            assert isinstance(app.screen, ExportDialog)
            problem.update("")
    assert policy.read_text(encoding="utf-8") == "schema_version = 1\n"


async def test_save_button_saves(tmp_path: Path) -> None:
    app = _app(tmp_path, _example())
    async with app.run_test(size=SIZE) as pilot:
        await click(pilot, "#review-save")
        await pilot.pause()
        saved = tomllib.loads((tmp_path / "policy.toml").read_text(encoding="utf-8"))
        assert saved["communication"] == EXAMPLE["communication"]


async def test_the_review_built_ahead_is_styled_right_when_first_shown(tmp_path: Path) -> None:
    state = PolicyState(_example(), path=tmp_path / "policy.toml")
    app = PresenceApp(state, section="communication-negative", lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+n")  # to content: the review is built ahead, off-screen
        await pilot.pause()
        review = app._screens.get("review")
        assert review is not None and review.is_mounted and review is not app.screen
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert app.screen is review
        shown = app.export_screenshot()
        review.update_node_styles(animate=False)  # what a restyle on showing would give
        review.refresh()
        await pilot.pause()
        assert app.export_screenshot() == shown


async def test_a_read_only_document_is_replaced_only_when_the_author_agrees(
    tmp_path: Path,
) -> None:
    target = tmp_path / "policy.md"
    target.write_text("kept\n", encoding="utf-8")
    target.chmod(0o444)
    app = _app(tmp_path, _example())
    async with app.run_test(size=SIZE) as pilot:
        await _open_export(pilot)
        await pilot.click("#export-ok")
        await _until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        assert isinstance(app.screen, ConfirmDialog)
        assert "is read-only" in app.screen.question
        await pilot.click("#dialog-no")
        await _until(pilot, lambda: isinstance(app.screen, ExportDialog))
        assert target.read_text(encoding="utf-8") == "kept\n"
        await pilot.click("#export-ok")
        await _until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.click("#dialog-yes")
        await _until(pilot, lambda: target.read_text(encoding="utf-8") != "kept\n")
    assert target.read_text(encoding="utf-8").startswith("# Brand presence policy")
