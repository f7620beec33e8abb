"""2. Platforms: the list editor, every key's field, validation at the fields, and
rubric references kept in step when a platform is renamed or removed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual import events
from textual.widgets import Checkbox, Input, OptionList, Select, Static

from screens.dialogs import ConfirmDialog
from screens.platforms import FIELDS, RemovePlatformDialog
from screens.widgets.list_editor import ListEditor
from tests.app.conftest import (
    SIZE,
    SMALL,
    Notes,
    click,
    entry_lines,
    field_problem,
    open_app,
    state_of,
)
from wizard.tui.app import PresenceApp

KEYS = (
    "name",
    "status",
    "url",
    "handle",
    "purpose",
    "audience",
    "frequency",
    "owner",
    "access",
    "two_factor",
)

ENTRIES = "platforms-entries"
"""The id of the list editor's entries."""


def _app(tmp_path: Path, data: dict[str, Any] | None = None, lang: str = "en") -> PresenceApp:
    return open_app(tmp_path, data, section="platforms", lang=lang)


def _with_rubrics() -> dict[str, Any]:
    return {
        "schema_version": 1,
        "platforms": [{"name": "Instagram"}, {"name": "Telegram", "status": "planned"}],
        "content": {
            "rubrics": [
                {"name": "Fresh today", "platforms": ["Instagram", "telegram"]},
                {"name": "News", "platforms": ["Telegram"]},
                {"name": "Behind the ovens", "platforms": ["Instagram"]},
            ]
        },
    }


async def test_every_key_has_its_field(tmp_path: Path) -> None:
    app = _app(tmp_path, {"schema_version": 1, "platforms": [{"name": "X"}]})
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()  # let the screen finish mounting
        assert tuple(spec.path for spec in FIELDS) == tuple(f"platforms.{k}" for k in KEYS)
        for key in KEYS:
            assert app.query_one(f"#platforms-{key}") is not None
        assert isinstance(app.query_one("#platforms-status"), Select)
        assert isinstance(app.query_one("#platforms-two_factor"), Checkbox)
        for part in ("entries", "filter", "add", "remove", "up", "down"):
            assert app.query_one(f"#platforms-{part}") is not None


async def test_add_edit_remove_reorder(tmp_path: Path) -> None:
    app = _app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()  # let the screen finish mounting
        state = state_of(app)
        problem = app.query_one("#platforms").query_one(".list-problem", Static)
        assert "add at least one" in str(problem.render())
        await click(pilot, "#platforms-add")
        name = app.query_one("#platforms-name", Input)
        assert name.has_focus
        await pilot.press(*"Insta", "right")  # the catalogue completes the name
        assert name.value == "Instagram"
        assert app.query_one("#platforms-status", Select).value == "active"
        app.query_one("#platforms-handle", Input).value = "@northwind"
        app.query_one("#platforms-owner", Input).value = "SMM manager"
        app.query_one("#platforms-two_factor", Checkbox).value = True
        await pilot.pause()
        await click(pilot, "#platforms-add")
        await pilot.press(*"Mastodon")  # not in the catalogue: accepted as typed
        app.query_one("#platforms-status", Select).value = "planned"
        await pilot.pause()
        assert state.get("platforms") == [
            {
                "name": "Instagram",
                "status": "active",
                "handle": "@northwind",
                "owner": "SMM manager",
                "two_factor": True,
            },
            {"name": "Mastodon", "status": "planned"},
        ]
        assert "Instagram — Active — @northwind — SMM manager" in entry_lines(app, ENTRIES)[0]
        assert "Mastodon — Planned" in entry_lines(app, ENTRIES)[1]
        assert str(problem.render()) == ""
        # reorder: the selected (second) entry moves up
        await click(pilot, "#platforms-up")
        assert [p["name"] for p in state.get("platforms")] == ["Mastodon", "Instagram"]
        entries = app.query_one("#platforms-entries", OptionList)
        entries.focus()
        await pilot.press("down")
        assert app.query_one("#platforms-name", Input).value == "Instagram"
        await pilot.press("alt+up")
        assert [p["name"] for p in state.get("platforms")] == ["Instagram", "Mastodon"]
        # edit the selected entry through its form
        app.query_one("#platforms-url", Input).value = "https://instagram.com/northwind"
        await pilot.pause()
        assert state.get("platforms[0].url") == "https://instagram.com/northwind"
        # remove: no rubric uses it, so the plain question is asked
        await click(pilot, "#platforms-remove")
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.click("#dialog-yes")
        await pilot.pause()
        assert [p["name"] for p in state.get("platforms")] == ["Mastodon"]


async def test_filter_among_500(tmp_path: Path) -> None:
    platforms = [{"name": f"Platform {i}", "owner": f"Owner {i % 7}"} for i in range(500)]
    app = _app(tmp_path, {"schema_version": 1, "platforms": platforms})
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()  # let the screen finish mounting
        editor = app.query_one("#platforms", ListEditor)
        assert app.query_one("#platforms-entries", OptionList).option_count == 500
        await click(pilot, "#platforms-filter")
        await pilot.press(*"platform 42")
        assert [line.split(". ", 1)[1].split(" —")[0] for line in entry_lines(app, ENTRIES)] == [
            "Platform 42",
            *(f"Platform {i}" for i in range(420, 430)),
        ]
        assert editor.selected == 42
        assert app.query_one("#platforms-name", Input).value == "Platform 42"
        app.query_one("#platforms-filter", Input).value = ""
        await pilot.pause()
        assert len(entry_lines(app, ENTRIES)) == 500


async def test_add_to_a_long_list_filtered_or_not(tmp_path: Path) -> None:
    platforms = [{"name": f"Platform {i}"} for i in range(12)]
    app = _app(tmp_path, {"schema_version": 1, "platforms": platforms})
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        editor = app.query_one("#platforms", ListEditor)
        entries = app.query_one("#platforms-entries", OptionList)
        assert entries.outer_size.height == 10  # the list's maximum height
        await click(pilot, "#platforms-add")
        await pilot.pause()
        assert editor.selected == 12
        assert entries.option_count == 13 and entries.highlighted == 12
        assert entry_lines(app, ENTRIES)[-1] == "… 13. Active"  # no name yet
        assert str(field_problem(app, "platforms-name").render()) == "Required"
        assert entries.outer_size.height == 10
        app.query_one("#platforms-filter", Input).value = "platform 1"
        await pilot.pause()
        assert entries.option_count == 3  # Platform 1, 10 and 11
        await click(pilot, "#platforms-add")
        await pilot.pause()
        assert app.query_one("#platforms-filter", Input).value == ""
        assert editor.selected == 13
        assert entries.option_count == 14 and entries.highlighted == 13
        assert [line.split(". ", 1)[0].lstrip("…! ") for line in entry_lines(app, ENTRIES)] == [
            str(n) for n in range(1, 15)
        ]


async def test_a_short_list_takes_the_height_of_its_entries(tmp_path: Path) -> None:
    app = _app(tmp_path, {"schema_version": 1, "platforms": [{"name": "Instagram"}]})
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        entries = app.query_one("#platforms-entries", OptionList)
        assert entries.outer_size.height == 3  # one line and the border
        for count in range(2, 11):
            await click(pilot, "#platforms-add")
            await pilot.pause()
            assert entries.outer_size.height == min(count + 2, 10)


async def test_bad_url_duplicate_name_and_secret_at_the_fields(tmp_path: Path) -> None:
    data = {"schema_version": 1, "platforms": [{"name": "Instagram"}, {"name": "Telegram"}]}
    app = _app(tmp_path, data)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()  # let the screen finish mounting
        url = app.query_one("#platforms-url", Input)
        url.value = "instagram.com/northwind"
        await pilot.pause()
        assert field_problem(app, "platforms-url").has_class("-error")
        assert "not an absolute http or https address" in str(
            field_problem(app, "platforms-url").render()
        )
        assert url.has_class("-invalid")
        url.value = "ftp://instagram.com"
        await pilot.pause()
        assert field_problem(app, "platforms-url").has_class("-error")
        url.value = "https://instagram.com/northwind"
        await pilot.pause()
        assert not field_problem(app, "platforms-url").has_class("-error")
        # duplicate name (case-insensitive) on the second entry
        app.query_one("#platforms-entries", OptionList).highlighted = 1
        await pilot.pause()
        app.query_one("#platforms-name", Input).value = "instagram"
        await pilot.pause()
        assert field_problem(app, "platforms-name").has_class("-error")
        assert "already used" in str(field_problem(app, "platforms-name").render())
        assert entry_lines(app, ENTRIES)[1].startswith("! ")
        # a password in the access field: the lint warning, at the field
        app.query_one("#platforms-access", Input).value = "password: Hunter2hunter2"
        await pilot.pause()
        assert field_problem(app, "platforms-access").has_class("-warning")
        assert "Looks like a password" in str(field_problem(app, "platforms-access").render())
        app.query_one("#platforms-access", Input).value = "Password manager, vault Social"
        await pilot.pause()
        assert not field_problem(app, "platforms-access").has_class("-warning")


async def test_rename_updates_rubric_references(tmp_path: Path, notes: Notes) -> None:
    app = _app(tmp_path, _with_rubrics())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()  # let the screen finish mounting
        app.notify = notes  # type: ignore[method-assign]
        state = state_of(app)
        app.query_one("#platforms-entries", OptionList).highlighted = 1
        await pilot.pause()
        name = app.query_one("#platforms-name", Input)
        name.focus()
        await pilot.press("end", *" chan")
        # the references follow as the name is typed: a save now writes matching names
        assert state.get("content.rubrics[1].platforms") == ["Telegram chan"]
        assert not [p for p in state.problems() if p.code.startswith("unknown_platform")]
        assert notes.messages == []
        await pilot.press(*"nel", "tab")
        assert state.get("platforms[1].name") == "Telegram channel"
        assert state.get("content.rubrics[0].platforms") == ["Instagram", "Telegram channel"]
        assert state.get("content.rubrics[1].platforms") == ["Telegram channel"]
        assert state.get("content.rubrics[2].platforms") == ["Instagram"]
        assert notes.messages == ["Updated 2 rubrics: Telegram → Telegram channel"]


async def test_rename_through_another_platforms_name(tmp_path: Path) -> None:
    app = _app(tmp_path, _with_rubrics())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()  # let the screen finish mounting
        state = state_of(app)
        app.query_one("#platforms-entries", OptionList).highlighted = 1
        await pilot.pause()
        name = app.query_one("#platforms-name", Input)
        name.focus()
        await pilot.pause()
        for typed in ("", "Instagram", "Instagram 2"):  # passes through a taken name
            name.value = typed
            await pilot.pause()
        await click(pilot, "#nav-next")
        assert state.get("content.rubrics[0].platforms") == ["Instagram", "Instagram 2"]
        assert state.get("content.rubrics[1].platforms") == ["Instagram 2"]
        assert state.get("content.rubrics[2].platforms") == ["Instagram"]


async def test_remove_used_platform_asks_then_removes_references(
    tmp_path: Path, notes: Notes
) -> None:
    app = _app(tmp_path, _with_rubrics())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()  # let the screen finish mounting
        app.notify = notes  # type: ignore[method-assign]
        state = state_of(app)
        app.query_one("#platforms-entries", OptionList).highlighted = 1
        await pilot.pause()
        await click(pilot, "#platforms-remove")
        assert isinstance(app.screen, RemovePlatformDialog)
        text = str(app.screen.query_one(".dialog-text", Static).render())
        assert text == "2 rubrics use Telegram: remove it from them too?"
        await pilot.click("#platform-cancel")
        await pilot.pause()
        assert len(state.get("platforms")) == 2
        await click(pilot, "#platforms-remove")
        await pilot.click("#platform-remove")
        await pilot.pause()
        assert [p["name"] for p in state.get("platforms")] == ["Instagram"]
        assert state.get("content.rubrics[0].platforms") == ["Instagram"]
        assert state.get("content.rubrics[1].platforms") is None
        assert notes.messages[-1] == "Removed Telegram from 2 rubrics"


async def test_remove_used_platform_can_keep_references(tmp_path: Path) -> None:
    app = _app(tmp_path, _with_rubrics())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()  # let the screen finish mounting
        state = state_of(app)
        entries = app.query_one("#platforms-entries", OptionList)
        entries.focus()
        await pilot.press("down", "delete")
        assert isinstance(app.screen, RemovePlatformDialog)
        await pilot.click("#platform-keep")
        await pilot.pause()
        assert [p["name"] for p in state.get("platforms")] == ["Instagram"]
        assert state.get("content.rubrics[1].platforms") == ["Telegram"]
        assert any(p.code.startswith("unknown_platform") for p in state.problems())


async def test_ukrainian_text_by_paste(tmp_path: Path) -> None:
    app = _app(tmp_path, lang="uk")
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()  # let the screen finish mounting
        state = state_of(app)
        assert "Майданчики" in str(app.query_one("#section-title", Static).render())
        await click(pilot, "#platforms-add")
        await pilot.press(*"Телеграм")
        purpose = app.query_one("#platforms-purpose", Input)
        purpose.focus()
        app.post_message(events.Paste("Щоранку — «що свіженького» №1"))
        await pilot.pause()
        assert state.get("platforms[0].name") == "Телеграм"
        assert state.get("platforms[0].purpose") == "Щоранку — «що свіженького» №1"
        assert str(app.query_one("#platforms-status", Select).selection) == "active"
        assert "Активний" in entry_lines(app, ENTRIES)[0]


async def test_small_terminal_reaches_the_last_field(tmp_path: Path) -> None:
    app = _app(tmp_path, {"schema_version": 1, "platforms": [{"name": "Viber"}]})
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()  # let the screen finish mounting
        await click(pilot, "#platforms-two_factor")
        assert state_of(app).get("platforms[0].two_factor") is True
        await click(pilot, "#nav-next")
        assert app.current_step == "tools"


async def test_add_looks_pressed_with_the_new_entry_and_a_second_press_waits(
    tmp_path: Path,
) -> None:
    app = open_app(
        tmp_path, {"schema_version": 1, "platforms": [{"name": "Instagram"}]}, section="platforms"
    )
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        add = app.screen.query_one("#platforms-add")
        add.focus()
        await pilot.pause()
        drawn: list[tuple[int, bool]] = []

        def frame() -> None:  # what each frame shows: the entries and the pressed look
            drawn.append(
                (
                    app.screen.query_one(f"#{ENTRIES}", OptionList).option_count,
                    add.has_class("-active"),
                )
            )

        app.post_display_hook = frame  # type: ignore[method-assign]
        app.post_message(events.Key("enter", None))
        app.post_message(events.Key("enter", None))  # while it looks pressed: ignored
        await pilot.pause()
        assert len(state_of(app).items("platforms")) == 2
        assert (2, True) in drawn and (1, True) not in drawn  # no frame pressed but not added
        await pilot.pause(0.3)
        assert not add.has_class("-active")
