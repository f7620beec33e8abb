"""Review: checklist with jumps to fields, warnings, revision log, preview, save, export."""

from __future__ import annotations

import copy
import datetime as dt
import tomllib
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from textual.app import ComposeResult
from textual.pilot import Pilot
from textual.widgets import Checkbox, Input, Markdown, OptionList, Static, TabbedContent

import screens.review
from screens.dialogs import ConfirmDialog, MessageDialog
from screens.export_dialog import ExportDialog
from screens.review import ProblemList
from screens.widgets.list_editor import ListEditor
from tests.app.conftest import (
    SIZE,
    SMALL,
    Notes,
    click,
    focus,
    highlight,
    on_top,
    option_prompts,
    send_keys,
    shown,
    steady_screenshot,
    type_text,
    wait_for,
)
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
    return option_prompts(option_list)


def _shows(widget: Static, text: str) -> bool:
    return text in str(widget.render())


async def _choose(pilot: Pilot[Any], list_id: str, needle: str) -> None:
    """Highlight the option of `list_id` that contains `needle` and press Enter on it."""
    await focus(pilot, f"#{list_id}")
    option_list = pilot.app.screen.query_one(f"#{list_id}", OptionList)
    index = next(i for i, line in enumerate(_lines(option_list)) if needle in line)
    await highlight(pilot, option_list, index)
    send_keys(pilot, "enter")


async def _focused_at(pilot: Pilot[Any], step: str, widget_id: str) -> None:
    """Wait until `step` is on screen with the widget `widget_id` focused."""
    app = pilot.app
    assert isinstance(app, PresenceApp)
    await wait_for(
        pilot,
        lambda: (
            app.current_step == step
            and app.screen.name == step
            and shown(app.screen)
            and app.focused is not None
            and app.focused.id == widget_id
        ),
        f"{step} with #{widget_id} focused",
    )


async def _review(pilot: Pilot[Any]) -> None:
    """Wait until the review is on screen with its checklist focused."""
    await _focused_at(pilot, "review", "review-checklist")


async def test_checklist_groups_problems_and_jumps_to_the_field(tmp_path: Path) -> None:
    data = _example(communication__style=None, mission__statement=None)
    data["communication"]["response_time"]["first_reply_avg_minutes"] = 45
    app = _app(tmp_path, data)
    async with app.run_test(size=SIZE) as pilot:
        await _review(pilot)
        checklist = app.query_one("#review-checklist", ProblemList)
        lines = _lines(checklist)
        assert lines == [
            "1. Mission, objectives and values",
            "• Missing: Mission",
            "4. Communication principles",
            "• Missing: Communication style",
            "! Error: Average reply time: 45 is more than first_reply_max_minutes (30).",
        ]
        await _choose(pilot, "review-checklist", "Communication style")
        await _focused_at(pilot, "communication-style", "communication-style")
        send_keys(pilot, "ctrl+r")
        await _review(pilot)
        await _choose(pilot, "review-checklist", "Average reply time")
        avg = "communication-response_time-first_reply_avg_minutes"
        await _focused_at(pilot, "communication-response", avg)
        # a screen already open elsewhere: the jump focuses the field there too
        await focus(pilot, "#communication-response_time-working_hours")
        send_keys(pilot, "ctrl+r")
        await _review(pilot)
        await _choose(pilot, "review-checklist", "Average reply time")
        await _focused_at(pilot, "communication-response", avg)


async def test_jump_selects_the_list_entry_first(tmp_path: Path) -> None:
    data = _example()
    del data["communication"]["templates"][1]["text"]
    app = _app(tmp_path, data)
    async with app.run_test(size=SIZE) as pilot:
        await _review(pilot)
        await _choose(pilot, "review-checklist", "Answer templates 2 › Text")
        await _focused_at(pilot, "communication-templates", "communication-templates-text")
        editor = app.query_one("#communication-templates", ListEditor)
        assert editor.selected == 1
        assert app.query_one("#communication-templates-title", Input).value == "Order problem"


async def test_jump_to_an_empty_required_list_and_a_word(tmp_path: Path) -> None:
    data = _example(communication__negative__escalation=None)
    data["communication"]["avoided_words"].append("fresh")
    app = _app(tmp_path, data)
    async with app.run_test(size=SIZE) as pilot:
        await _review(pilot)
        await _choose(pilot, "review-checklist", "Whom to pass")
        add = "communication-negative-escalation-add"
        await _focused_at(pilot, "communication-negative", add)
        send_keys(pilot, "ctrl+r")
        await _review(pilot)
        await _choose(pilot, "review-checklist", "Words to avoid 4")
        await _focused_at(pilot, "communication-style", "communication-avoided_words-items")
        items = app.query_one("#communication-avoided_words-items", OptionList)
        assert items.highlighted == 3


async def test_complete_policy_warnings_and_revisions(tmp_path: Path) -> None:
    data = _example()
    data["revisions"].append(
        {"date": dt.date(2027, 2, 1), "by": "Jane", "sections": ["mission"], "note": "Later"}
    )
    data["communication"]["templates"][0]["text"] = "Thanks {name!"
    app = _app(tmp_path, data, lang="uk")
    async with app.run_test(size=SMALL) as pilot:
        await _review(pilot)
        assert _lines(app.query_one("#review-checklist", OptionList)) == [
            "Усі розділи готові: нічого не бракує, нічого додати, помилок немає."
        ]
        warnings = _lines(app.query_one("#review-warnings", OptionList))
        assert warnings[0] == "4. Принципи спілкування"
        assert warnings[1].startswith("⚠ Попередження: Шаблони відповідей 1 › Текст:")
        log = str(app.query_one("#review-revisions", Static).render()).splitlines()
        assert log[0].startswith("2027-02-01 — Jane — 1. Місія — Later")
        assert log[1].startswith("2026-11-28 — Jane Doe")


async def _open_tab(pilot: Pilot[Any], tab: str) -> None:
    """Click the tab `tab` of the review (`preview`, `checklist`, ...)."""
    tabs = pilot.app.query_one("#review-tabs", TabbedContent)
    await click(pilot, tabs.get_tab(f"review-tab-{tab}"))
    await wait_for(pilot, lambda: tabs.active == f"review-tab-{tab}", f"the {tab} tab")


async def test_preview_renders_when_its_tab_opens(tmp_path: Path) -> None:
    app = _app(tmp_path, _example())
    async with app.run_test(size=SIZE) as pilot:
        await _review(pilot)
        assert not app.query("#review-preview")  # opening the review costs nothing
        await _open_tab(pilot, "preview")
        await wait_for(pilot, lambda: app.query("#review-preview"), "the preview widget")
        preview = app.query_one("#review-preview", Markdown)
        await wait_for(pilot, lambda: preview.source, "the preview")
        assert preview.source.startswith("# Brand presence policy")
        # the document as exported: the requisite, the sections, the acknowledgement sheet
        assert "**Approved by**" in preview.source
        assert "## Acknowledgement sheet" in preview.source
        assert not app.query_one("#review-render").display
        # a change made elsewhere shows when the review is back
        send_keys(pilot, "alt+0")
        await _focused_at(pilot, "document", "document-company")
        await type_text(pilot, "#document-company", "Southwind Bakery")
        send_keys(pilot, "ctrl+r")
        await wait_for(pilot, lambda: "Southwind" in preview.source, "the new preview")


async def test_large_preview_waits_for_the_button(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(screens.review, "PREVIEW_LIMIT", 100)
    app = _app(tmp_path, _example())
    async with app.run_test(size=SIZE) as pilot:
        await _review(pilot)
        button = app.query_one("#review-render")
        await _open_tab(pilot, "preview")
        await wait_for(pilot, lambda: button.display, "the Render button")
        preview = app.query_one("#review-preview", Markdown)
        assert preview.source == ""
        assert "large" in str(app.query_one("#review-preview-note", Static).render())
        await click(pilot, "#review-render")
        await wait_for(pilot, lambda: preview.source, "the preview")
        assert preview.source.startswith("# Brand presence policy")


async def _open_export(pilot: Pilot[Any]) -> ExportDialog:
    await click(pilot, "#review-export")
    app = pilot.app
    await on_top(pilot, ExportDialog)
    dialog = app.screen
    assert isinstance(dialog, ExportDialog)
    await wait_for(pilot, lambda: app.focused is dialog.query_one("#export-format"), "its focus")
    return dialog


async def _tick(pilot: Pilot[Any], selector: str) -> None:
    """Click a check box and wait until it shows the tick."""
    box = pilot.app.screen.query_one(selector, Checkbox)
    await click(pilot, box)
    await wait_for(pilot, lambda: box.value, f"{selector} ticked")


async def test_export_markdown_and_html(tmp_path: Path) -> None:
    app = _app(tmp_path, _example())
    async with app.run_test(size=SIZE) as pilot:
        await _review(pilot)
        await _open_export(pilot)
        path_input = app.screen.query_one("#export-path", Input)
        assert path_input.value == str(tmp_path / "policy.md")
        assert not app.screen.query_one("#export-draft").display
        assert not app.screen.query_one("#export-secrets").display
        await click(pilot, "#export-ok")
        await wait_for(pilot, (tmp_path / "policy.md").exists, "policy.md")
        text = (tmp_path / "policy.md").read_text(encoding="utf-8")
        assert text.startswith("# Brand presence policy")
        assert "Password manager" not in text
        # HTML, with access data, to a path of our own
        await wait_for(pilot, lambda: not isinstance(app.screen, ExportDialog), "it closed")
        await _open_export(pilot)
        path_input = app.screen.query_one("#export-path", Input)
        await click(pilot, "#export-format-html")
        await wait_for(pilot, lambda: path_input.value == str(tmp_path / "policy.html"))
        await _tick(pilot, "#export-access")
        await type_text(pilot, path_input, str(tmp_path / "out.html"))
        await click(pilot, "#export-ok")
        await wait_for(pilot, (tmp_path / "out.html").exists, "out.html")
        page = (tmp_path / "out.html").read_text(encoding="utf-8")
        assert '<html lang="en">' in page and "Password manager" in page
        # exporting again asks before replacing the file
        await wait_for(pilot, lambda: not isinstance(app.screen, ExportDialog), "it closed")
        await _open_export(pilot)
        await click(pilot, "#export-ok")
        await on_top(pilot, ConfirmDialog)
        await click(pilot, "#dialog-no")
        await on_top(pilot, ExportDialog)
        send_keys(pilot, "escape")
        await wait_for(pilot, lambda: app.screen.name == "review", "the review again")
        assert app.current_step == "review"


async def test_the_dialog_offers_every_format_and_the_moderators_sheet(tmp_path: Path) -> None:
    app = _app(tmp_path, _example())
    async with app.run_test(size=SIZE) as pilot:
        await _review(pilot)
        dialog = await _open_export(pilot)
        for fmt in ("md", "html", "pdf", "docx"):
            assert dialog.query_one(f"#export-format-{fmt}").display
        path_input = dialog.query_one("#export-path", Input)
        await click(pilot, "#export-format-pdf")
        await wait_for(pilot, lambda: path_input.value == str(tmp_path / "policy.pdf"))
        await click(pilot, "#export-what-moderator")
        await wait_for(pilot, lambda: path_input.value == str(tmp_path / "policy-moderator.pdf"))
        await click(pilot, "#export-ok")
        sheet = tmp_path / "policy-moderator.pdf"
        await wait_for(pilot, sheet.exists, "the moderator's sheet")
        assert sheet.read_bytes().startswith(b"%PDF-")
        # the policy as Word, the sheet's suffix taken back off the name
        await wait_for(pilot, lambda: not isinstance(app.screen, ExportDialog), "it closed")
        dialog = await _open_export(pilot)
        path_input = dialog.query_one("#export-path", Input)
        await click(pilot, "#export-what-moderator")
        await wait_for(pilot, lambda: path_input.value == str(tmp_path / "policy-moderator.md"))
        await click(pilot, "#export-what-policy")
        await wait_for(pilot, lambda: path_input.value == str(tmp_path / "policy.md"))
        await click(pilot, "#export-format-docx")
        await wait_for(pilot, lambda: path_input.value == str(tmp_path / "policy.docx"))
        await click(pilot, "#export-ok")
        await wait_for(pilot, (tmp_path / "policy.docx").exists, "policy.docx")
        assert (tmp_path / "policy.docx").read_bytes().startswith(b"PK")


async def test_export_refuses_a_policy_with_errors(tmp_path: Path) -> None:
    data = _example()
    data["communication"]["response_time"]["first_reply_avg_minutes"] = 45
    app = _app(tmp_path, data)
    async with app.run_test(size=SIZE) as pilot:
        await _review(pilot)
        await click(pilot, "#review-export")
        await on_top(pilot, MessageDialog)
        assert isinstance(app.screen, MessageDialog)
        assert "errors" in app.screen.message
        await click(pilot, "#dialog-ok")
        await _review(pilot)
        checklist = app.query_one("#review-checklist", OptionList)
        assert "Average reply time" in _lines(checklist)[checklist.highlighted or 0]
        assert list(tmp_path.glob("*.md")) == []


async def test_secret_warning_comes_before_the_export(tmp_path: Path) -> None:
    data = _example()
    data["communication"]["templates"][0]["text"] = "Log in with password: hunter2hunter2"
    data["platforms"][0]["access"] = "pass=Zx81Qw7Lp0Mn4Rt6Yv2"
    app = _app(tmp_path, data)
    async with app.run_test(size=SIZE) as pilot:
        await _review(pilot)
        await _open_export(pilot)
        secrets = app.screen.query_one("#export-secrets", Static)
        assert secrets.display
        assert "Answer templates 1 › Text" in str(secrets.render())
        assert "Platforms 1" not in str(secrets.render())  # access data is left out
        await _tick(pilot, "#export-access")
        await wait_for(pilot, lambda: _shows(secrets, "Platforms 1"))
        await click(pilot, "#export-ok")
        await on_top(pilot, ConfirmDialog)
        assert isinstance(app.screen, ConfirmDialog)
        assert "Answer templates 1 › Text" in app.screen.question
        assert not (tmp_path / "policy.md").exists()
        await click(pilot, "#dialog-yes")
        await wait_for(pilot, (tmp_path / "policy.md").exists, "policy.md")


async def test_draft_export_is_marked(tmp_path: Path, notes: Notes) -> None:
    app = _app(tmp_path, _example(mission__statement=None))
    async with app.run_test(size=SMALL) as pilot:
        await _review(pilot)
        app.screen.notify = notes  # type: ignore[method-assign]
        await _open_export(pilot)
        assert "draft" in str(app.screen.query_one("#export-draft", Static).render())
        await click(pilot, "#export-ok")
        await wait_for(pilot, lambda: notes.messages, "the notification")
        text = (tmp_path / "policy.md").read_text(encoding="utf-8")
        assert "draft" in text.lower()
        expected = f"Exported a draft to {tmp_path / 'policy.md'} (not defined yet: 1)."
        assert notes.messages == [expected]


async def test_export_path_problems_are_explained(tmp_path: Path) -> None:
    app = _app(tmp_path, _example())
    async with app.run_test(size=SIZE) as pilot:
        await _review(pilot)
        dialog = await _open_export(pilot)
        path_input = dialog.query_one("#export-path", Input)
        problem = dialog.query_one("#export-problem", Static)
        for typed, expected in (
            ("", "Type where"),
            (str(tmp_path / "nowhere" / "a.md"), "does not exist"),
            (str(tmp_path), "is a folder"),
            (str(tmp_path / "policy.toml"), "policy file itself"),
        ):
            await type_text(pilot, path_input, typed)
            send_keys(pilot, "enter")
            await wait_for(pilot, partial(_shows, problem, expected), expected)
            assert app.screen is dialog


async def test_an_export_path_the_system_refuses_is_explained(tmp_path: Path) -> None:
    app = _app(tmp_path, _example())
    async with app.run_test(size=SIZE) as pilot:
        await _review(pilot)
        dialog = await _open_export(pilot)
        path_input = dialog.query_one("#export-path", Input)
        problem = dialog.query_one("#export-problem", Static)
        await type_text(pilot, path_input, str(tmp_path / ("x" * 300 + ".md")))
        send_keys(pilot, "enter")
        expected = "cannot be used: file name too long"
        await wait_for(pilot, partial(_shows, problem, expected), expected)
        assert app.screen is dialog


async def test_export_never_writes_over_the_policy_through_another_name(tmp_path: Path) -> None:
    """A hard link or a symbolic link to the policy file is the policy file: refused, as
    `presence export` refuses it (both ask `wizard.core.service.check_export_target`)."""
    policy = tmp_path / "policy.toml"
    policy.write_text("schema_version = 1\n", encoding="utf-8")
    (tmp_path / "hard.md").hardlink_to(policy)
    (tmp_path / "soft.md").symlink_to(policy)
    app = _app(tmp_path, _example())
    async with app.run_test(size=SIZE) as pilot:
        await _review(pilot)
        dialog = await _open_export(pilot)
        path_input = dialog.query_one("#export-path", Input)
        problem = dialog.query_one("#export-problem", Static)
        for name in ("hard.md", "soft.md"):
            problem.update("")
            await type_text(pilot, path_input, str(tmp_path / name))
            send_keys(pilot, "enter")
            await wait_for(pilot, partial(_shows, problem, "policy file itself"), name)
            assert app.screen is dialog
    assert policy.read_text(encoding="utf-8") == "schema_version = 1\n"


async def test_save_button_saves(tmp_path: Path) -> None:
    app = _app(tmp_path, _example())
    async with app.run_test(size=SIZE) as pilot:
        await _review(pilot)
        await click(pilot, "#review-save")
        policy = tmp_path / "policy.toml"
        await wait_for(pilot, policy.exists, "the saved file")
        saved = tomllib.loads(policy.read_text(encoding="utf-8"))
        assert saved["communication"] == EXAMPLE["communication"]


async def test_the_review_built_ahead_is_styled_right_when_first_shown(tmp_path: Path) -> None:
    state = PolicyState(_example(), path=tmp_path / "policy.toml")
    app = PresenceApp(state, section="accessibility", lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: app.screen.name == "accessibility")
        send_keys(pilot, "ctrl+n")  # to results: the review is built ahead, off-screen
        await wait_for(pilot, lambda: app.screen.name == "results")
        screens = app.built_screens
        await wait_for(pilot, lambda: "review" in screens and screens["review"].is_mounted)
        review = screens["review"]
        assert review is not app.screen
        send_keys(pilot, "ctrl+n")
        await _review(pilot)
        assert app.screen is review
        shown = await steady_screenshot(pilot)
        review.update_node_styles(animate=False)  # what a restyle on showing would give
        review.refresh()
        assert await steady_screenshot(pilot) == shown


async def test_the_app_closing_while_the_export_dialog_opens_goes_quietly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Quit (or a signal) right after Export: the dialog's widgets are going before it
    is shown, and nothing fails on them."""
    compose = ExportDialog.compose

    def compose_then_quit(dialog: ExportDialog) -> ComposeResult:
        yield from compose(dialog)
        dialog.app.exit()

    monkeypatch.setattr(ExportDialog, "compose", compose_then_quit)
    app = _app(tmp_path, _example())
    async with app.run_test(size=SIZE) as pilot:
        await _review(pilot)
        await click(pilot, "#review-export")
        await wait_for(pilot, lambda: not app.is_running, "the app to end")
    assert app.return_code == 0


async def test_a_pane_focused_before_its_tab_is_mounted_is_shown_once_the_tab_is_there() -> None:
    """Textual's TabbedContent failed the app (`ValueError`) when a widget took the focus
    in a pane whose tab was not mounted yet; the review's tabs wait for the tab."""
    from textual.app import App
    from textual.widgets import Input, TabPane
    from textual.widgets._tabbed_content import ContentTab, ContentTabs

    from screens.textual_tricks import SteadyTabbedContent

    class Tabs(App[None]):
        def compose(self) -> ComposeResult:
            with SteadyTabbedContent(id="tabs"):
                with TabPane("One", id="one"):
                    yield Input(id="first")
                with TabPane("Two", id="two"):
                    yield Input(id="second")

    app = Tabs()
    async with app.run_test() as pilot:
        tabbed = app.query_one(SteadyTabbedContent)
        await wait_for(pilot, lambda: tabbed.active == "one", "the first pane")
        tabs = app.query_one(ContentTabs)
        await tabs.remove_tab(ContentTab.add_prefix("two"))
        app.query_one("#second", Input).focus()
        await pilot.pause()
        assert app.is_running and tabbed.active == "one"
        app.query_one("#first", Input).focus()
        await pilot.pause()
        app.query_one("#second", Input).focus()  # its tab is on its way
        await tabs.add_tab(ContentTab("Two", "two"))
        await wait_for(pilot, lambda: tabbed.active == "two", "the pane shown with its tab")
        assert app.is_running
