"""Terminal control sequences in a policy or its file name never reach the screen raw
in the wizard: every step, the review's tabs, every dialog, the start screen and the
notifications show them as stand-ins (`␛`, `�`), and the value the author edits is
the value in the file.

Each check draws the screen with the app's last line of defence (`ControlsFilter`)
turned off, so it proves that every widget shows the text safely itself.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import os
import re
import shutil
import time
import tomllib
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input, Markdown, OptionList, Static, TabbedContent, TextArea

import screens.review
from screens.base import SectionScreen
from screens.broken_file import BrokenFileScreen
from screens.conflict import ChangesDialog, ConflictDialog
from screens.dialogs import ConfirmDialog, MessageDialog, QuitDialog
from screens.export_dialog import ExportDialog
from screens.lock_dialog import LockDialog
from screens.platforms import RemovePlatformDialog
from screens.recovery import RecoveryDialog
from screens.review import ReviewScreen
from screens.save_as import SaveAsDialog
from screens.save_summary import SaveSummaryDialog
from screens.start import StartScreen
from screens.widgets.controls import ControlsFilter
from tests.app.conftest import SIZE, click
from tests.hostile import EVERY_KEY, EVERY_TEXT, HOSTILE_NAME, PAYLOAD, RAW, assert_no_raw
from wizard.core import lock, recent
from wizard.core.drafts import file_digest, write_draft
from wizard.core.flow import STEPS
from wizard.tui.app import PresenceApp, build_app

TALL = (120, 150)
"""Tall enough for every field of a step to be drawn (a screenshot shows what is in view)."""

SHOWN = "␛]52;c;cHduZWQ=␇ ␛]52;c;cHduZWQ=␛\\ ␛[2J ␛c �2J �52;c;cHduZWQ=� �evil� ␡"
"""The payload as the wizard shows it."""


def screen_text(app: PresenceApp, where: str) -> str:
    """The text on the screen, drawn without the app's `ControlsFilter`; fails when any
    raw control character is in it."""
    app.controls_filter.enabled = False
    try:
        svg = app.export_screenshot()
    finally:
        app.controls_filter.enabled = True
    assert_no_raw(svg, where)
    rows: dict[float, list[str]] = {}
    for y, chunk in re.findall(r'<text [^>]*\by="([\d.]+)"[^>]*>([^<]*)</text>', svg):
        rows.setdefault(float(y), []).append(html.unescape(chunk).replace("\xa0", " "))
    return "\n".join("".join(rows[y]) for y in sorted(rows))


async def until(pilot: Any, condition: Callable[[], object], what: str) -> None:
    """Let the app work until `condition()` holds."""
    deadline = time.monotonic() + 60  # generous: a loaded 2-core machine
    while time.monotonic() < deadline:
        if condition():
            await pilot.pause()
            return
        await pilot.pause(0.02)
    raise AssertionError(f"timed out waiting for {what}")


def _hostile(folder: Path, source: Path = EVERY_KEY) -> Path:
    """A copy of `source` under the hostile name in `folder`, as a path relative to the
    current folder (the test's own): short enough to be shown whole."""
    path = folder / HOSTILE_NAME
    shutil.copy(source, path)
    return path.relative_to(Path.cwd())


def _at(app: PresenceApp, step: str) -> bool:
    return app.current_step == step


def _open(path: Path, section: str | None = "document", lang: str = "en") -> PresenceApp:
    return build_app(path=path, section=section, lang=lang, new=False, from_=None)


def test_the_filter_drops_what_a_widget_would_leave() -> None:
    from rich.segment import Segment
    from textual.color import Color

    segments = [Segment("a\x1b]52;c;x\x07b"), Segment("\x9b\u202e"), Segment("\tok\n")]
    kept = ControlsFilter().apply(segments, Color(0, 0, 0))
    assert [s.text for s in kept] == ["a]52;c;xb", "\tok\n"]


NEEDLES = {
    "document": "company ␛]52;c;cHduZWQ=␇ ␛]52",
    "mission": "objective one ␛]52;c;cHduZWQ=␇ ␛]52",  # a list of strings
    "platforms": "platform name ␛]52;c;cHduZWQ=␇",
    "tools": "tool name ␛]52;c;cHduZWQ=␇",
    "communication-style": "goals_note ␛]52;c;cHduZWQ=␇",
    "communication-response": "working_hours ␛]52;c;cHduZWQ=␇",
    "communication-templates": "template title ␛]52;c;cHduZWQ=␇",
    "communication-negative": "approach ␛]52;c;cHduZWQ=␇",
    "content": "rubric name ␛]52;c;cHduZWQ=␇",
}
"""A value each step shows, as the wizard shows it."""


async def shows(pilot: Any, app: PresenceApp, needle: str, where: str) -> str:
    """Wait until the screen shows `needle` (checking every drawing for raw controls);
    the screen's text as it was then."""
    drawn = [""]

    def showing() -> bool:
        drawn[0] = screen_text(app, where)
        return needle in drawn[0]

    try:
        await until(pilot, showing, f"{needle!r} in {where}")
    except AssertionError as error:
        raise AssertionError(f"{error}; the screen showed:\n{drawn[0]}") from None
    return drawn[0]


@pytest.mark.parametrize(("source", "lang"), [(EVERY_KEY, "en"), (EVERY_TEXT, "uk")])
async def test_every_step_and_every_tab_of_the_review(
    tmp_path: Path, source: Path, lang: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the hostile policy's document is large: the preview is drawn without asking
    monkeypatch.setattr(screens.review, "PREVIEW_LIMIT", 1_000_000)
    path = _hostile(tmp_path, source)
    app = _open(path, lang=lang)
    async with app.run_test(size=TALL) as pilot:
        await until(pilot, lambda: isinstance(app.screen, SectionScreen), "the first step")
        text = await shows(pilot, app, NEEDLES["document"], "the document step")
        assert "evil␛]52;c;cHduZWQ=␇␛[2J�2J�.toml" in text  # the header's title
        company = app.screen.query_one("#document-company", Input)
        assert company.value.startswith(f"company {PAYLOAD}"[:30])  # the value itself
        for step in STEPS:
            app.goto(step.name)
            await until(pilot, partial(_at, app, step.name), step.name)
            if step.name in NEEDLES:
                await shows(pilot, app, NEEDLES[step.name], f"step {step.name}")
            for area in app.screen.query(TextArea):
                area.focus()  # a focused text area draws its cursor over the value
                await pilot.pause()
                screen_text(app, f"step {step.name}, {area.id} focused")
        tabs = app.screen.query_one("#review-tabs", TabbedContent)
        warned = "Holds control" if lang == "en" else "Містить керівні"
        for pane, needle in (
            ("review-tab-checklist", "unknown key ␛]52" if source == EVERY_KEY else ""),
            ("review-tab-warnings", warned),
            ("review-tab-revisions", "by ␛]52;c;cHduZWQ=␇"),
        ):
            tabs.active = pane
            await shows(pilot, app, needle, pane)
        tabs.active = "review-tab-preview"
        await until(pilot, lambda: app.screen.query(Markdown), "the preview")
        await shows(pilot, app, "\\u001b]52;c;cHduZWQ=\\u0007", "the preview")
        app.exit(0)


async def test_the_values_edited_are_the_values_in_the_file(tmp_path: Path) -> None:
    path = _hostile(tmp_path, EVERY_TEXT)
    app = _open(path, section="mission")
    async with app.run_test(size=TALL) as pilot:
        await until(pilot, lambda: isinstance(app.screen, SectionScreen), "the mission step")
        statement = app.screen.query_one("#mission-statement", TextArea)
        expected = tomllib.loads(path.read_text(encoding="utf-8"))["mission"]["statement"]
        assert statement.text == expected
        statement.focus()
        statement.move_cursor((0, len("statement ")))
        await pilot.press("x")  # the cursor is on the ESC it shows as ␛
        assert statement.text == expected.replace("statement ", "statement x", 1)
        text = screen_text(app, "the statement edited")
        assert f"statement x{SHOWN[:20]}" in text
        app.exit(0)


async def test_export_dialog_and_its_notification(tmp_path: Path) -> None:
    path = _hostile(tmp_path, EVERY_TEXT)
    app = _open(path, section="review")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await until(pilot, lambda: isinstance(app.screen, ReviewScreen), "the review")
        app.action_export()
        await until(pilot, lambda: isinstance(app.screen, ExportDialog), "the export dialog")
        text = screen_text(app, "the export dialog")
        assert "evil␛]52;c;cHduZWQ=␇␛[2J" in text  # the path it proposes
        out = Path(f"out-{HOSTILE_NAME}.md")
        app.screen.query_one("#export-path", Input).value = str(out)
        await click(pilot, "#export-ok")
        await until(pilot, out.exists, "the exported document")
        await until(pilot, lambda: isinstance(app.screen, ReviewScreen), "the dialog closed")
        await until(pilot, lambda: app.screen.query("Toast"), "the notification")
        text = screen_text(app, "the export notification")
        assert "Exported to" in text and "␛]52;c;cHduZWQ=␇" in text, text[-3000:]
        assert_no_raw(out.read_text(encoding="utf-8"), "the exported document")
        app.exit(0)


async def test_save_summary_conflict_and_compare(tmp_path: Path) -> None:
    path = _hostile(tmp_path, EVERY_TEXT)
    app = _open(path)
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: isinstance(app.screen, SectionScreen), "the first step")
        company = app.screen.query_one("#document-company", Input)
        company.value = company.value + " and more \x1b[2J"
        await pilot.pause()
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, SaveSummaryDialog), "the summary")
        app.screen.query_one("#summary-by", Input).value = f"by {PAYLOAD}"
        await pilot.pause()
        text = screen_text(app, "the save summary")
        assert "\\u001b]52;c;cHduZWQ=\\u0007" in text  # the change, as TOML writes it
        assert "by ␛]52;c;cHduZWQ=␇" in text
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, SectionScreen), "the step again")
        theirs = path.read_text(encoding="utf-8").replace("company ", "theirs ")
        path.write_text(theirs.replace("value meaning ", "their meaning "), "utf-8")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, ConflictDialog), "the conflict")
        text = screen_text(app, "the conflict dialog")
        assert "evil␛]52;c;cHduZWQ=␇" in text
        await click(pilot, "#conflict-compare")
        await until(pilot, lambda: isinstance(app.screen, ChangesDialog), "the comparison")
        await shows(pilot, app, "theirs \\u001b]52", "the comparison")
        await shows(pilot, app, "(value name ␛]52;c;cHduZWQ=␇", "the comparison")  # an entry
        app.exit(0)


async def test_recovery_and_its_comparison(tmp_path: Path) -> None:
    path = _hostile(tmp_path, EVERY_TEXT)
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    data["document"]["company"] = f"drafted {PAYLOAD}"
    data["platforms"][0]["purpose"] = "drafted purpose"
    write_draft(path, data, file_digest(path))
    app = _open(path)
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: isinstance(app.screen, RecoveryDialog), "the recovery")
        await shows(pilot, app, "evil␛]52;c;cHduZWQ=␇", "the recovery dialog")
        changes = app.screen.query_one("#recovery-changes")
        await click(pilot, "#recovery-compare")
        await until(pilot, lambda: changes.display, "the comparison")
        await shows(pilot, app, "drafted \\u001b]52", "the recovery's comparison")
        # The platform's line may lie below the dialog's fold: its text, as shown.
        lines = [str(line.render()) for line in changes.query(".change-line").results(Static)]
        assert any("(platform name ␛]52;c;cHduZWQ=␇" in line for line in lines), lines
        app.exit(0)


async def test_lock_dialog(tmp_path: Path) -> None:
    path = _hostile(tmp_path, EVERY_TEXT)
    target = lock.lock_file(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    started = dt.datetime(2026, 1, 1, 9, 0, tzinfo=dt.UTC).isoformat()
    holder = {"pid": os.getppid(), "host": f"host {PAYLOAD}", "started": started}
    target.write_text(json.dumps(holder), encoding="utf-8")
    app = _open(path)
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: isinstance(app.screen, LockDialog), "the lock dialog")
        await shows(pilot, app, "␛]52;c;cHduZWQ=␇ ␛]52;c;cHduZWQ=␛\\ ␛[2J", "the lock dialog")
        app.exit(0)


async def test_a_failed_save_offers_save_as(tmp_path: Path) -> None:
    folder = tmp_path / "gone"
    folder.mkdir()
    path = _hostile(folder, EVERY_TEXT)
    app = _open(path)
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: isinstance(app.screen, SectionScreen), "the first step")
        company = app.screen.query_one("#document-company", Input)
        company.value = "Acme"
        await pilot.pause()
        shutil.rmtree(folder)
        app.state.source = None  # type: ignore[union-attr]  # no conflict check: just write
        await pilot.press("ctrl+s")
        await until(
            pilot,
            lambda: isinstance(app.screen, SaveSummaryDialog | SaveAsDialog | ConflictDialog),
            "the save",
        )
        if isinstance(app.screen, SaveSummaryDialog):
            await click(pilot, "#summary-save")
        await until(pilot, lambda: isinstance(app.screen, SaveAsDialog), "the save-as dialog")
        await shows(pilot, app, "gone/evil␛]52;c;cHduZWQ=␇", "the save-as dialog")
        app.exit(0)


async def test_start_screen_recent_files_and_open_failures(tmp_path: Path) -> None:
    path = _hostile(tmp_path, EVERY_TEXT)
    recent.remember(path)
    app = PresenceApp(lang="en", folder=tmp_path)
    async with app.run_test(size=TALL) as pilot:
        await until(pilot, lambda: isinstance(app.screen, StartScreen), "the start screen")
        await shows(pilot, app, "␛[2J�2J�.toml", "the start screen")
        option = app.screen.query_one("#start-recent", OptionList).get_option_at_index(0)
        assert str(option.prompt).endswith("/evil␛]52;c;cHduZWQ=␇␛[2J�2J�.toml")
        assert option.id == str(path.resolve())  # what it opens is the file's own path
        typed = app.screen.query_one("#start-open-path", Input)
        typed.focus()
        await pilot.press("e")  # the file in the folder is suggested
        await shows(pilot, app, "evil␛]52;c;cHduZWQ=␇␛[2J�2J�.toml", "the suggestion")
        await pilot.press("right")
        assert typed.value == HOSTILE_NAME
        app.open_path(Path(f"missing-{HOSTILE_NAME}"))
        await until(pilot, lambda: isinstance(app.screen, MessageDialog), "the message")
        await shows(pilot, app, "missing-evil␛]52;c;cHduZWQ=␇", "the open failure")
        app.exit(0)


async def test_new_on_an_existing_hostile_name_offers_to_open_it(tmp_path: Path) -> None:
    path = _hostile(tmp_path, EVERY_TEXT)
    app = build_app(path=path, section=None, lang="en", new=True, from_=None)
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: isinstance(app.screen, ConfirmDialog), "the question")
        await shows(pilot, app, "evil␛]52;c;cHduZWQ=␇", "the question")
        app.exit(0)


async def test_broken_file_with_raw_control_bytes(tmp_path: Path) -> None:
    path = Path(HOSTILE_NAME)
    path.write_bytes(
        b'schema_version = 1\n[document]\ncompany = "a\x1b]52;c;cHduZWQ=\x07\xc2\x9b2J"\n'
    )
    app = _open(path)
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: isinstance(app.screen, BrokenFileScreen), "the broken file")
        await shows(pilot, app, 'company = "a␛]52;c;cHduZWQ=␇�2J"', "the broken file")
        where = str(app.screen.query_one("#broken-where", Static).render())
        assert "evil␛]52;c;cHduZWQ=␇␛[2J�2J�.toml:3:" in where  # wrapped on the screen
        excerpt = str(app.screen.query_one("#broken-excerpt", Static).render())
        line, caret = excerpt.split("\n")
        assert line[caret.index("^")] == "␛"  # the caret under the character it names
        app.exit(0)


async def test_notifications_and_the_platform_dialog(tmp_path: Path) -> None:
    path = _hostile(tmp_path, EVERY_TEXT)
    app = _open(path, section="platforms")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await until(pilot, lambda: isinstance(app.screen, SectionScreen), "the platforms")
        name = app.screen.query_one("#platforms-name", Input)
        name.focus()
        await pilot.pause()
        await pilot.press("end", *" renamed", "tab")
        await shows(pilot, app, "Updated 1 rubric: platform name ␛]52", "the rename note")
        await click(pilot, "#platforms-remove")
        await until(pilot, lambda: isinstance(app.screen, RemovePlatformDialog), "the dialog")
        await shows(pilot, app, "uses platform name ␛]52", "the remove-platform dialog")
        await click(pilot, "#platform-cancel")
        await until(pilot, lambda: isinstance(app.screen, SectionScreen), "the step again")
        app.goto("communication-templates")
        await until(pilot, lambda: app.current_step == "communication-templates", "templates")
        app.screen.query_one("#communication-templates-entries", OptionList).focus()
        await pilot.press("ctrl+t")
        await shows(pilot, app, "Copied the text of “template title ␛]52", "the copy note")
        bare = RAW.sub("", PAYLOAD)
        assert app.clipboard == f"template text {bare}\nsecond line {bare}"  # no control
        name = app.screen.query_one("#communication-templates-title", Input)
        name.focus()
        name.action_select_all()
        name.action_copy()  # a field's own copy
        assert app.clipboard == f"template title {bare}"
        await pilot.press("ctrl+q")
        await until(pilot, lambda: isinstance(app.screen, QuitDialog), "the quit question")
        await pilot.pause()
        screen_text(app, "the quit question")
        app.exit(0)
