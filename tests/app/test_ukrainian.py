"""A Ukrainian author never meets English: every screen and dialog of the wizard, walked in
Ukrainian as a person does, shows no catalogue key raw and no English word beyond a
list of names (the program's, formats', keys' and the author's own).

What is checked is what the terminal shows: the screenshot's text, line by line.
"""

from __future__ import annotations

import errno
import html
import os
import re
import shutil
import tomllib
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Select

from exports.atomic import temp_prefix
from schemas.texts import domains
from screens.broken_file import BrokenFileScreen
from screens.conflict import ChangesDialog, ConflictDialog
from screens.dialogs import ConfirmDialog, MessageDialog, QuitDialog
from screens.export_dialog import ExportDialog
from screens.help import HelpScreen
from screens.lock_dialog import LockDialog
from screens.platforms import RemovePlatformDialog
from screens.recovery import RecoveryDialog
from screens.save_as import SaveAsDialog
from screens.save_summary import SaveSummaryDialog
from screens.start import StartScreen
from tests.app.conftest import (
    at_step,
    click,
    find,
    focus,
    on_top,
    send_keys,
    state_of,
    steady_screenshot,
    type_text,
    wait_for,
)
from wizard.core import lock
from wizard.core.drafts import file_digest, write_draft
from wizard.core.flow import STEPS
from wizard.tui.app import PresenceApp, build_app

TALL = (110, 50)
"""A screen tall enough to show a whole step, its footer and a dialog's every line."""

UK_POLICY = Path(__file__).resolve().parents[1] / "fixtures" / "uk-policy.toml"

NAMES: frozenset[str] = frozenset(
    {
        # the program, the formats and the tools it names
        "presence",
        "TOML",
        "toml",
        "Markdown",
        "md",
        "HTML",
        "html",
        "PDF",
        "pdf",
        "Word",
        "docx",
        "CSV",
        "csv",
        "ics",
        "Excel",
        "UTF",
        "EDITOR",
        "http",
        "https",
        "schema_version",
        "JSON",
        "chmod",
        "git",
        # keys, as the keyboard, the footer and the help name them
        "ctrl",
        "alt",
        "shift",
        "tab",
        "esc",
        "enter",
        "ins",
        "del",
        "Enter",
        "Insert",
        "Delete",
        "Space",
        "Tab",
        "End",
        "Escape",
        "Shift",
        "PgUp",
        "PgDn",
        "Home",
        "Ctrl",
        "Alt",
        # the names of languages in their own language
        "English",
        # examples of names in the help lines (a time zone, a handle, a link)
        "Europe",
        "Kyiv",
        "pivnichnyi",
        "viter",
        "pivnichnyi_viter",
        "com",
        "me",
        # services and platforms named as examples
        "Buffer",
        "buffer",
        "Canva",
        "Facebook",
        "Instagram",
        "Threads",
        "YouTube",
        "Meta",
        "Business",
        "Suite",
        "SMM",
    }
)
"""Words in Latin letters a Ukrainian screen may show: names, not English words."""

_LINE = re.compile(r'clip-path="url\(#terminal-(?:\d+-)?line-(\d+)\)"')
_TEXT = re.compile(r'<text [^>]*?x="([\d.]+)"[^>]*>([^<]*)</text>')
_WORD = re.compile(r"[A-Za-z][A-Za-z_]+")


def screen_lines(svg: str) -> list[str]:
    """The lines of text a screenshot shows, each character at its column."""
    cell = None
    rows: dict[int, dict[int, str]] = {}
    for element in re.findall(r"<text [^>]*>[^<]*</text>", svg):
        line = _LINE.search(element)
        found = _TEXT.search(element)
        if line is None or found is None:
            continue  # the window's title
        width = re.search(r'textLength="([\d.]+)"', element)
        text = html.unescape(found.group(2)).replace("\xa0", " ")
        if cell is None and width is not None and text:
            cell = float(width.group(1)) / len(text)
        column = round(float(found.group(1)) / (cell or 12.2))
        row = rows.setdefault(int(line.group(1)), {})
        for offset, char in enumerate(text):
            row[column + offset] = char
    return [
        "".join(row.get(i, " ") for i in range(max(row) + 1)).rstrip() if row else ""
        for _, row in sorted(rows.items())
    ]


def _catalogue_keys() -> set[str]:
    return {key for registered in domains() for key in registered.catalogue("en") if "." in key}


def _own_words(values: Iterable[object]) -> set[str]:
    """The Latin words of the author's own values (a brand, a URL, a handle)."""
    found: set[str] = set()
    for value in values:
        if isinstance(value, dict):
            found |= _own_words(value.values())
        elif isinstance(value, list):
            found |= _own_words(value)
        elif isinstance(value, str):
            found |= set(_WORD.findall(value))
    return found


def foreign_words(lines: list[str], allowed: set[str], paths: Iterable[str] = ()) -> list[str]:
    """What a Ukrainian screen must not show: a catalogue key as it is written in code,
    and an English word that is not a name. A piece of a file's path (a long path is
    cut where the line ends) is a name."""
    keys = _catalogue_keys()
    wrong = []
    for line in lines:
        for raw in re.findall(r"[a-z_]+(?:\.[a-z0-9_-]+)+", line):
            if raw in keys:
                wrong.append(f"catalogue key {raw!r} in: {line.strip()}")
        for word in _WORD.findall(line):
            if word in NAMES or word in allowed or any(word in path for path in paths):
                continue
            wrong.append(f"{word!r} in: {line.strip()}")
    return wrong


class Walk:
    """Checks each screen a test comes to, and says which ones it saw."""

    def __init__(self, pilot: Pilot[Any], *, policy: Path, data: object = None) -> None:
        self.pilot = pilot
        self.allowed = _own_words([data])
        self.paths = [str(policy)]
        self.seen: list[str] = []

    async def check(self, what: str) -> list[str]:
        """Wait until the screen is drawn and steady; fail on an English word on it."""
        lines = screen_lines(await steady_screenshot(self.pilot))
        assert sum(len(line.strip()) for line in lines) > 100, f"{what}: no text read"
        wrong = foreign_words(lines, self.allowed, self.paths)
        assert wrong == [], f"{what}:\n" + "\n".join(wrong) + "\n\n" + "\n".join(lines)
        self.seen.append(what)
        return lines


def _copy(tmp_path: Path, name: str = "brand-policy.toml") -> Path:
    path = tmp_path / name
    shutil.copyfile(UK_POLICY, path)
    return path


def _open(path: Path, section: str | None = "document") -> PresenceApp:
    return build_app(path=path, section=section, lang="uk", new=False, from_=None)


def _data() -> dict[str, Any]:
    return tomllib.loads(UK_POLICY.read_text(encoding="utf-8"))


# -- the checker itself ------------------------------------------------------------------


def test_the_checker_finds_english_and_raw_keys() -> None:
    lines = ["Зберегти  ctrl+s", "Save the policy", "Крок 1: section.mission.title", "Instagram"]
    assert foreign_words(lines, {"Instagram"}) == [
        "'Save' in: Save the policy",
        "'the' in: Save the policy",
        "'policy' in: Save the policy",
        "catalogue key 'section.mission.title' in: Крок 1: section.mission.title",
        "'section' in: Крок 1: section.mission.title",
        "'mission' in: Крок 1: section.mission.title",
        "'title' in: Крок 1: section.mission.title",
    ]


# -- every step, the help, the palette, the review ---------------------------------------


async def test_every_step_the_help_the_palette_and_the_review(tmp_path: Path) -> None:
    path = _copy(tmp_path)
    app = _open(path)
    async with app.run_test(size=TALL) as pilot:
        walk = Walk(pilot, policy=path, data=_data())
        for number, step in enumerate(STEPS):
            if number:
                send_keys(pilot, "ctrl+n")
            await at_step(pilot, step.name)
            await walk.check(step.name)
        send_keys(pilot, "f1")
        await on_top(pilot, HelpScreen)
        await walk.check("help")
        send_keys(pilot, "escape")
        await at_step(pilot, STEPS[-1].name)
        send_keys(pilot, "ctrl+p")
        await wait_for(pilot, lambda: app.screen.__class__.__name__ == "CommandPalette")
        await walk.check("command palette")
        send_keys(pilot, "escape")
        await at_step(pilot, STEPS[-1].name)
        send_keys(pilot, "ctrl+r")
        await at_step(pilot, "review")
        for tab in ("warnings", "revisions", "checklist"):
            await click(pilot, f"#--content-tab-review-tab-{tab}")
            await walk.check(f"review: {tab}")
        await click(pilot, "#review-export")
        await on_top(pilot, ExportDialog)
        await walk.check("export dialog")
        await click(pilot, "#export-cancel")
        await at_step(pilot, "review")
    assert len(walk.seen) == len(STEPS) + 2 + 3 + 1


async def test_an_open_list_says_how_to_close_it(tmp_path: Path) -> None:
    """The footer of a step while a dropdown is open: «esc Закрити список»."""
    path = _copy(tmp_path)
    app = _open(path)
    async with app.run_test(size=TALL) as pilot:
        walk = Walk(pilot, policy=path, data=_data())
        await at_step(pilot, "document")
        select = await focus(pilot, "#document-language")
        assert isinstance(select, Select)
        send_keys(pilot, "enter")
        await wait_for(pilot, lambda: select.expanded, "the list open")
        lines = await walk.check("an open list")
        assert any("esc Закрити список" in line for line in lines), "\n".join(lines)


async def test_the_start_screen(tmp_path: Path) -> None:
    app = build_app(path=None, section=None, lang="uk", new=False, from_=None)
    async with app.run_test(size=TALL) as pilot:
        walk = Walk(pilot, policy=tmp_path / "brand-policy.toml")
        await on_top(pilot, StartScreen)
        await walk.check("start")
        await type_text(pilot, "#start-open-path", str(tmp_path / "s16.toml"))
        await click(pilot, "#start-open")
        await on_top(pilot, MessageDialog)
        lines = await walk.check("a file that does not exist")
        assert any("s16.toml" in line for line in lines)


# -- the dialogs of editing --------------------------------------------------------------


async def test_quitting_and_removing_ask_in_ukrainian(tmp_path: Path) -> None:
    path = _copy(tmp_path)
    app = _open(path, "platforms")
    async with app.run_test(size=TALL) as pilot:
        walk = Walk(pilot, policy=path, data=_data())
        await at_step(pilot, "platforms")
        await focus(pilot, "#platforms-entries")
        send_keys(pilot, "delete")  # Instagram: the rubrics use it
        await on_top(pilot, RemovePlatformDialog)
        await walk.check("removing a platform the rubrics use")
        await click(pilot, "#platform-cancel")
        await at_step(pilot, "platforms")
        send_keys(pilot, "alt+1")
        await at_step(pilot, "mission")
        await focus(pilot, "#mission-values-entries")
        send_keys(pilot, "delete")
        await on_top(pilot, ConfirmDialog)
        await walk.check("removing an entry")
        await click(pilot, "#dialog-no")
        await at_step(pilot, "mission")
        await type_text(pilot, "#mission-positioning", "Кава по сусідству.")
        await wait_for(pilot, lambda: state_of(app).is_dirty)
        send_keys(pilot, "ctrl+q")
        await on_top(pilot, QuitDialog)
        await walk.check("quit with unsaved changes")
        await click(pilot, "#quit-cancel")
        await at_step(pilot, "mission")


async def test_the_change_summary_names_fields_and_values(tmp_path: Path) -> None:
    """Field labels and the names of values, as the screens show them; no key path, no
    enumerated value as the file writes it."""
    path = _copy(tmp_path)
    app = _open(path, "communication-style")
    async with app.run_test(size=TALL) as pilot:
        walk = Walk(pilot, policy=path, data=_data())
        await at_step(pilot, "communication-style")
        await click(pilot, "#communication-style-official")  # was «розмовний»
        await wait_for(pilot, lambda: state_of(app).get("communication.style") == "official")
        send_keys(pilot, "ctrl+s")
        await on_top(pilot, SaveSummaryDialog)
        lines = await walk.check("the change summary")
        assert any("Стиль спілкування: Розмовний → Офіційний" in line for line in lines)
        await click(pilot, "#summary-cancel")


async def test_conflict_compare_and_a_vanished_file(tmp_path: Path) -> None:
    path = _copy(tmp_path, "s16.toml")
    app = _open(path)
    async with app.run_test(size=TALL) as pilot:
        walk = Walk(pilot, policy=path, data=_data())
        await type_text(pilot, "#document-version", "2.1")
        await wait_for(pilot, lambda: state_of(app).get("document.version") == "2.1")
        path.write_text(path.read_text(encoding="utf-8").replace('"2.0"', '"3.0"'), "utf-8")
        send_keys(pilot, "ctrl+s")
        await on_top(pilot, ConflictDialog)
        await walk.check("the file changed on disk")
        await click(pilot, "#conflict-compare")
        await on_top(pilot, ChangesDialog)
        await walk.check("compare")
        send_keys(pilot, "escape")
        await on_top(pilot, ConflictDialog)
        path.unlink()
        await click(pilot, "#conflict-compare")
        await on_top(pilot, MessageDialog)
        lines = await walk.check("compare with a vanished file")
        assert any("s16.toml: такого файлу немає" in line for line in lines)


@pytest.mark.parametrize(
    ("code", "reason"),
    [
        (errno.ENOSPC, "на диску не залишилося місця"),
        (errno.EACCES, "доступ заборонено"),
        (errno.EROFS, "файлова система лише для читання"),
    ],
)
async def test_a_failed_save_says_why_in_ukrainian(tmp_path: Path, code: int, reason: str) -> None:
    path = _copy(tmp_path)
    app = _open(path)
    real = os.replace

    def fail(source: Any, target: Any, *args: Any, **kwargs: Any) -> None:
        if Path(str(source)).name.startswith(temp_prefix(path.name)):
            raise OSError(code, os.strerror(code))
        real(source, target, *args, **kwargs)

    async with app.run_test(size=TALL) as pilot:
        walk = Walk(pilot, policy=path, data=_data())
        await type_text(pilot, "#document-version", "2.1")
        await wait_for(pilot, lambda: state_of(app).get("document.version") == "2.1")
        with pytest.MonkeyPatch.context() as failing:
            failing.setattr("exports.atomic.os.replace", fail)
            send_keys(pilot, "ctrl+s")
            await on_top(pilot, SaveSummaryDialog)
            await click(pilot, "#summary-save")
            await on_top(pilot, SaveAsDialog)
            lines = await walk.check("a failed save")
        assert any(reason in line for line in lines), reason


# -- opening: a draft, a lock, a broken file ---------------------------------------------


async def test_a_draft_found_and_compared(tmp_path: Path) -> None:
    path = _copy(tmp_path)
    data = _data()
    data["communication"]["emoji"] = "never"
    write_draft(path, data, file_digest(path))
    app = _open(path)
    async with app.run_test(size=TALL) as pilot:
        walk = Walk(pilot, policy=path, data=_data())
        dialog = await on_top(pilot, RecoveryDialog)
        await walk.check("a draft found")
        await click(pilot, "#recovery-compare")
        changes = dialog.query_one("#recovery-changes")
        await wait_for(pilot, lambda: changes.display, "the changes")
        lines = await walk.check("the draft compared")
        assert any("Емодзі: Помірно → Ніколи" in line for line in lines), lines


async def test_another_wizard_holds_the_file(tmp_path: Path) -> None:
    path = _copy(tmp_path)
    target = lock.lock_file(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    started = "2026-01-01T09:00:00+00:00"
    host = "elsewhere"
    target.write_text(f'{{"pid": 4242, "host": "{host}", "started": "{started}"}}', "utf-8")
    app = _open(path)
    async with app.run_test(size=TALL) as pilot:
        walk = Walk(pilot, policy=path, data=_data())
        walk.allowed.add(host)
        await on_top(pilot, LockDialog)
        await walk.check("the lock")


async def test_a_broken_file(tmp_path: Path) -> None:
    path = tmp_path / "broken.toml"
    path.write_text('schema_version = 1\n[document]\ncompany = "Зерно\n', encoding="utf-8")
    app = build_app(path=path, section=None, lang="uk", new=False, from_=None)
    async with app.run_test(size=TALL) as pilot:
        walk = Walk(pilot, policy=path)
        walk.allowed |= _own_words([path.read_text(encoding="utf-8")])  # the file's own text
        await on_top(pilot, BrokenFileScreen)
        lines = await walk.check("a broken file")
        assert any("синтаксис TOML" in line for line in lines)


async def test_an_error_at_a_field_and_in_the_checklist(tmp_path: Path) -> None:
    path = _copy(tmp_path)
    app = _open(path, "platforms")
    async with app.run_test(size=TALL) as pilot:
        walk = Walk(pilot, policy=path, data=_data())
        await at_step(pilot, "platforms")
        await type_text(pilot, "#platforms-url", "instagram.com/zerno")
        await wait_for(
            pilot, lambda: state_of(app).get("platforms[0].url") == "instagram.com/zerno"
        )
        await find(pilot, ".field-problem.-error")
        await walk.check("an error at a field")
        send_keys(pilot, "ctrl+r")
        await at_step(pilot, "review")
        lines = await walk.check("the checklist with an error")
        wanted = "Посилання на спільноту: «instagram.com/zerno» — не повна"
        assert any(wanted in line for line in lines), "\n".join(lines)
