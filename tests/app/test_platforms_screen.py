"""2. Platforms: the list editor, every key's field, validation at the fields, and
rubric references kept in step when a platform is renamed or removed."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Any

from textual import events
from textual.widgets import Button, Checkbox, Input, OptionList, Select, Static

from screens.dialogs import ConfirmDialog
from screens.platforms import FIELDS, RemovePlatformDialog
from screens.widgets.list_editor import ListEditor
from screens.widgets.messages import Edited
from tests.app.conftest import (
    PATIENCE,
    SIZE,
    SMALL,
    Notes,
    choose,
    click,
    entry_lines,
    field_problem,
    focus,
    highlight,
    on_top,
    open_app,
    send_keys,
    settle,
    shows,
    state_of,
    type_text,
    wait_for,
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
    "admins",
    "access",
    "account_email",
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
        await wait_for(pilot, lambda: app.query_one("#platforms-name", Input).value == "X")
        assert tuple(spec.path for spec in FIELDS) == tuple(f"platforms.{k}" for k in KEYS)
        for key in KEYS:
            assert app.query_one(f"#platforms-{key}") is not None
        assert isinstance(app.query_one("#platforms-status"), Select)
        assert isinstance(app.query_one("#platforms-two_factor"), Checkbox)
        for part in ("entries", "filter", "add", "remove", "up", "down"):
            assert app.query_one(f"#platforms-{part}") is not None


def _holds(app: PresenceApp, path: str, value: Any) -> bool:
    return bool(state_of(app).get(path) == value)


def _names(app: PresenceApp) -> list[str]:
    return [platform.get("name") for platform in state_of(app).items("platforms")]


async def test_add_edit_remove_reorder(tmp_path: Path) -> None:
    app = _app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        state = state_of(app)
        await wait_for(pilot, lambda: app.query("#platforms"), "the platforms list")
        problem = app.query_one("#platforms").query_one(".list-problem", Static)
        await wait_for(pilot, lambda: "add at least one" in str(problem.render()))
        await click(pilot, "#platforms-add")
        name = app.query_one("#platforms-name", Input)
        await wait_for(pilot, lambda: name.has_focus, "the focus on the new entry's name")
        send_keys(pilot, *"Insta")
        # the suggestion for all that was typed: one shown for a part of it ("Inst") is
        # gone when the last letter goes in, and Right would find none to take
        await wait_for(
            pilot,
            lambda: name.value == "Insta" and shows(name, "Instagram"),
            "the catalogue's suggestion",
        )
        send_keys(pilot, "right")  # takes it
        await wait_for(pilot, lambda: name.value == "Instagram")
        assert app.query_one("#platforms-status", Select).value == "active"
        await type_text(pilot, "#platforms-handle", "@northwind")
        await type_text(pilot, "#platforms-owner", "SMM manager")
        await click(pilot, "#platforms-two_factor")
        await wait_for(pilot, lambda: state.get("platforms[0].two_factor") is True)
        await click(pilot, "#platforms-add")
        await wait_for(pilot, lambda: len(_names(app)) == 2 and name.has_focus)
        send_keys(pilot, *"Mastodon")  # not in the catalogue: accepted as typed
        await choose(pilot, "#platforms-status", "Planned")
        expected = [
            {
                "name": "Instagram",
                "status": "active",
                "handle": "@northwind",
                "owner": "SMM manager",
                "two_factor": True,
            },
            {"name": "Mastodon", "status": "planned"},
        ]
        await wait_for(pilot, lambda: state.get("platforms") == expected)
        await wait_for(pilot, lambda: "Mastodon — Planned" in entry_lines(app, ENTRIES)[1])
        assert "Instagram — Active — @northwind — SMM manager" in entry_lines(app, ENTRIES)[0]
        await wait_for(pilot, lambda: str(problem.render()) == "")
        # reorder: the selected (second) entry moves up
        await click(pilot, "#platforms-up")
        await wait_for(pilot, lambda: _names(app) == ["Mastodon", "Instagram"])
        await focus(pilot, "#platforms-entries")
        send_keys(pilot, "down")
        await wait_for(pilot, lambda: name.value == "Instagram")
        send_keys(pilot, "alt+up")
        await wait_for(pilot, lambda: _names(app) == ["Instagram", "Mastodon"])
        # edit the selected entry through its form
        await type_text(pilot, "#platforms-url", "https://instagram.com/northwind")
        await wait_for(
            pilot, lambda: state.get("platforms[0].url") == "https://instagram.com/northwind"
        )
        # remove: no rubric uses it, so the plain question is asked
        await click(pilot, "#platforms-remove")
        await on_top(pilot, ConfirmDialog)
        await click(pilot, "#dialog-yes")
        await wait_for(pilot, lambda: _names(app) == ["Mastodon"])


async def test_filter_among_500(tmp_path: Path) -> None:
    platforms = [{"name": f"Platform {i}", "owner": f"Owner {i % 7}"} for i in range(500)]
    app = _app(tmp_path, {"schema_version": 1, "platforms": platforms})
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: app.query("#platforms"), "the platforms list")
        editor = app.query_one("#platforms", ListEditor)
        assert app.query_one("#platforms-entries", OptionList).option_count == 500
        await type_text(pilot, "#platforms-filter", "platform 42")
        expected = ["Platform 42", *(f"Platform {i}" for i in range(420, 430))]
        await wait_for(
            pilot,
            lambda: (
                [line.split(". ", 1)[1].split(" —")[0] for line in entry_lines(app, ENTRIES)]
                == expected
            ),
        )
        assert editor.selected == 42
        assert app.query_one("#platforms-name", Input).value == "Platform 42"
        await type_text(pilot, "#platforms-filter", "")
        await wait_for(pilot, lambda: len(entry_lines(app, ENTRIES)) == 500)


async def test_add_to_a_long_list_filtered_or_not(tmp_path: Path) -> None:
    platforms = [{"name": f"Platform {i}"} for i in range(12)]
    app = _app(tmp_path, {"schema_version": 1, "platforms": platforms})
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: app.query("#platforms"), "the platforms list")
        editor = app.query_one("#platforms", ListEditor)
        entries = app.query_one("#platforms-entries", OptionList)
        await wait_for(pilot, lambda: entries.outer_size.height == 10)  # its maximum height
        await click(pilot, "#platforms-add")
        await wait_for(pilot, lambda: editor.selected == 12)
        assert entries.option_count == 13 and entries.highlighted == 12
        assert entry_lines(app, ENTRIES)[-1] == "… 13. Active"  # no name yet
        assert str(field_problem(app, "platforms-name").render()) == "Required"
        await settle(pilot)
        assert entries.outer_size.height == 10
        await type_text(pilot, "#platforms-filter", "platform 1")
        await wait_for(pilot, lambda: entries.option_count == 3)  # Platform 1, 10 and 11
        await click(pilot, "#platforms-add")
        await wait_for(pilot, lambda: editor.selected == 13)
        assert app.query_one("#platforms-filter", Input).value == ""
        assert entries.option_count == 14 and entries.highlighted == 13
        assert [line.split(". ", 1)[0].lstrip("…! ") for line in entry_lines(app, ENTRIES)] == [
            str(n) for n in range(1, 15)
        ]


async def test_a_short_list_takes_the_height_of_its_entries(tmp_path: Path) -> None:
    app = _app(tmp_path, {"schema_version": 1, "platforms": [{"name": "Instagram"}]})
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: app.query("#platforms-entries"), "the platforms list")
        entries = app.query_one("#platforms-entries", OptionList)
        await wait_for(pilot, lambda: entries.outer_size.height == 3)  # one line, the border
        for count in range(2, 11):
            await click(pilot, "#platforms-add")
            height = min(count + 2, 10)
            await wait_for(
                pilot, partial(_sized, entries, count, height), f"{count} entries, {height} high"
            )


def _sized(entries: OptionList, count: int, height: int) -> bool:
    return entries.option_count == count and entries.outer_size.height == height


async def test_bad_url_duplicate_name_and_secret_at_the_fields(tmp_path: Path) -> None:
    data = {"schema_version": 1, "platforms": [{"name": "Instagram"}, {"name": "Telegram"}]}
    app = _app(tmp_path, data)
    async with app.run_test(size=SIZE) as pilot:
        await type_text(pilot, "#platforms-url", "instagram.com/northwind")
        url = app.query_one("#platforms-url", Input)
        await wait_for(pilot, lambda: field_problem(app, "platforms-url").has_class("-error"))
        assert "not an absolute http or https URL" in str(
            field_problem(app, "platforms-url").render()
        )
        assert url.has_class("-invalid")
        await type_text(pilot, url, "https://instagram.com/northwind")
        await wait_for(pilot, lambda: not field_problem(app, "platforms-url").has_class("-error"))
        await type_text(pilot, url, "ftp://instagram.com")
        await wait_for(pilot, lambda: field_problem(app, "platforms-url").has_class("-error"))
        await type_text(pilot, url, "https://instagram.com/northwind")
        await wait_for(pilot, lambda: not field_problem(app, "platforms-url").has_class("-error"))
        # duplicate name (case-insensitive) on the second entry
        await highlight(pilot, "#platforms-entries", 1)
        name = app.query_one("#platforms-name", Input)
        await wait_for(pilot, lambda: name.value == "Telegram")
        await type_text(pilot, name, "instagram")
        await wait_for(pilot, lambda: field_problem(app, "platforms-name").has_class("-error"))
        assert "already used" in str(field_problem(app, "platforms-name").render())
        await wait_for(pilot, lambda: entry_lines(app, ENTRIES)[1].startswith("! "))
        # a password in the access field: the lint warning, at the field
        await type_text(pilot, "#platforms-access", "password: Hunter2hunter2")
        access = partial(field_problem, app, "platforms-access")
        await wait_for(pilot, lambda: access().has_class("-warning"))
        assert "Looks like a password" in str(access().render())
        await type_text(pilot, "#platforms-access", "Password manager, vault Social")
        await wait_for(pilot, lambda: not access().has_class("-warning"))


async def test_rename_updates_rubric_references(tmp_path: Path, notes: Notes) -> None:
    app = _app(tmp_path, _with_rubrics())
    async with app.run_test(size=SIZE) as pilot:
        app.notify = notes  # type: ignore[method-assign]
        state = state_of(app)
        await highlight(pilot, "#platforms-entries", 1)
        name = app.query_one("#platforms-name", Input)
        await wait_for(pilot, lambda: name.value == "Telegram")
        await focus(pilot, name)
        send_keys(pilot, "end")  # the name was selected with the focus: keep it
        await wait_for(pilot, lambda: name.selection.is_empty, "the cursor at the end")
        send_keys(pilot, *" chan")
        # the references follow as the name is typed: a save now writes matching names
        await wait_for(
            pilot, lambda: state.get("content.rubrics[1].platforms") == ["Telegram chan"]
        )
        assert not [p for p in state.problems() if p.code.startswith("unknown_platform")]
        assert notes.messages == []
        send_keys(pilot, *"nel", "tab")
        await wait_for(pilot, lambda: notes.messages, "the note on the renamed references")
        assert state.get("platforms[1].name") == "Telegram channel"
        assert state.get("content.rubrics[0].platforms") == ["Instagram", "Telegram channel"]
        assert state.get("content.rubrics[1].platforms") == ["Telegram channel"]
        assert state.get("content.rubrics[2].platforms") == ["Instagram"]
        assert notes.messages == ["Updated 2 rubrics: Telegram → Telegram channel"]


async def test_rename_through_another_platforms_name(tmp_path: Path) -> None:
    app = _app(tmp_path, _with_rubrics())
    async with app.run_test(size=SIZE) as pilot:
        state = state_of(app)
        await highlight(pilot, "#platforms-entries", 1)
        name = app.query_one("#platforms-name", Input)
        await wait_for(pilot, lambda: name.value == "Telegram")
        for typed in ("", "Instagram", "Instagram 2"):  # passes through a taken name
            await type_text(pilot, name, typed)
            await wait_for(pilot, partial(_holds, app, "platforms[1].name", typed or None))
        await click(pilot, "#nav-next")
        await wait_for(pilot, lambda: app.current_step == "tools")
        assert state.get("content.rubrics[0].platforms") == ["Instagram", "Instagram 2"]
        assert state.get("content.rubrics[1].platforms") == ["Instagram 2"]
        assert state.get("content.rubrics[2].platforms") == ["Instagram"]


async def test_rename_heard_after_later_keys_are_in_the_policy(
    tmp_path: Path, notes: Notes
) -> None:
    """The screen hears of a change after the field has written it, and a busy
    machine may have written the next keys too: the references are those of the
    name before the first change, not of the name the policy holds by then."""
    app = _app(tmp_path, _with_rubrics())
    async with app.run_test(size=SIZE) as pilot:
        state = state_of(app)
        await wait_for(pilot, lambda: app.query_one("#platforms-name", Input).value == "Instagram")
        changes = [("Telegram", None), (None, "Instagram"), ("Instagram", "Instagram 2")]
        for _, typed in changes:  # every key is in the policy before the screen hears
            state.set("platforms[1].name", typed)
        for before, _ in changes:
            app.screen.post_message(Edited("platforms[1].name", before))
        await wait_for(
            pilot,
            lambda: state.get("content.rubrics[1].platforms") == ["Instagram 2"],
            "the references follow",
        )
        assert state.get("content.rubrics[0].platforms") == ["Instagram", "Instagram 2"]
        assert state.get("content.rubrics[2].platforms") == ["Instagram"]
        # The name field is left while the form shows another platform (the list moved
        # on before the screen heard): that platform's name is not the one typed.
        app.notify = notes  # type: ignore[method-assign]
        app.screen.post_message(events.DescendantBlur(app.query_one("#platforms-name", Input)))
        await wait_for(pilot, lambda: notes.messages, "the note on the renamed references")
        assert notes.messages == ["Updated 2 rubrics: Telegram → Instagram 2"]
        assert state.get("content.rubrics[1].platforms") == ["Instagram 2"]


async def test_remove_used_platform_asks_then_removes_references(
    tmp_path: Path, notes: Notes
) -> None:
    app = _app(tmp_path, _with_rubrics())
    async with app.run_test(size=SIZE) as pilot:
        app.notify = notes  # type: ignore[method-assign]
        state = state_of(app)
        await highlight(pilot, "#platforms-entries", 1)
        await wait_for(pilot, lambda: app.query_one("#platforms-name", Input).value == "Telegram")
        await click(pilot, "#platforms-remove")
        await on_top(pilot, RemovePlatformDialog)
        text = str(app.screen.query_one(".dialog-text", Static).render())
        assert text == "2 rubrics use Telegram: remove it from them too?"
        await click(pilot, "#platform-cancel")
        await wait_for(pilot, lambda: not isinstance(app.screen, RemovePlatformDialog), "closed")
        assert len(state.get("platforms")) == 2
        await click(pilot, "#platforms-remove")
        await click(pilot, "#platform-remove")
        await wait_for(pilot, lambda: _names(app) == ["Instagram"])
        assert state.get("content.rubrics[0].platforms") == ["Instagram"]
        assert state.get("content.rubrics[1].platforms") is None
        await wait_for(pilot, lambda: notes.messages, "the note on the removed references")
        assert notes.messages[-1] == "Removed Telegram from 2 rubrics"


async def test_remove_used_platform_can_keep_references(tmp_path: Path) -> None:
    app = _app(tmp_path, _with_rubrics())
    async with app.run_test(size=SIZE) as pilot:
        state = state_of(app)
        await highlight(pilot, "#platforms-entries", 1)
        send_keys(pilot, "delete")
        await on_top(pilot, RemovePlatformDialog)
        await click(pilot, "#platform-keep")
        await wait_for(pilot, lambda: _names(app) == ["Instagram"])
        assert state.get("content.rubrics[1].platforms") == ["Telegram"]
        assert any(p.code.startswith("unknown_platform") for p in state.problems())


async def test_ukrainian_text_by_paste(tmp_path: Path) -> None:
    app = _app(tmp_path, lang="uk")
    async with app.run_test(size=SMALL) as pilot:
        state = state_of(app)
        await wait_for(pilot, lambda: app.query("#section-title"), "the screen")
        assert "Майданчики" in str(app.query_one("#section-title", Static).render())
        await click(pilot, "#platforms-add")
        name = app.query_one("#platforms-name", Input)
        await wait_for(pilot, lambda: name.has_focus, "the focus on the new entry's name")
        send_keys(pilot, *"Телеграм")
        await wait_for(pilot, lambda: state.get("platforms[0].name") == "Телеграм")
        await type_text(pilot, "#platforms-purpose", "Щоранку — «що свіженького» №1")
        await wait_for(
            pilot, lambda: state.get("platforms[0].purpose") == "Щоранку — «що свіженького» №1"
        )
        assert str(app.query_one("#platforms-status", Select).selection) == "active"
        await wait_for(pilot, lambda: "Активний" in entry_lines(app, ENTRIES)[0])


async def test_small_terminal_reaches_the_last_field(tmp_path: Path) -> None:
    app = _app(tmp_path, {"schema_version": 1, "platforms": [{"name": "Viber"}]})
    async with app.run_test(size=SMALL) as pilot:
        await click(pilot, "#platforms-two_factor")
        state = state_of(app)
        await wait_for(pilot, lambda: state.get("platforms[0].two_factor") is True)
        await click(pilot, "#nav-next")
        await wait_for(pilot, lambda: app.current_step == "tools")


async def test_add_looks_pressed_with_the_new_entry_and_a_second_press_waits(
    tmp_path: Path,
) -> None:
    app = open_app(
        tmp_path, {"schema_version": 1, "platforms": [{"name": "Instagram"}]}, section="platforms"
    )
    async with app.run_test(size=SIZE) as pilot:
        add = await focus(pilot, "#platforms-add")
        assert isinstance(add, Button)
        # It looks pressed for as long as a loaded machine may take between two keys
        # (0.2 s in use): the second Enter surely comes while it does.
        add.active_effect_duration = PATIENCE
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
        await wait_for(pilot, lambda: (2, True) in drawn, "a frame with the new entry, pressed")
        await settle(pilot)
        assert len(state_of(app).items("platforms")) == 2
        assert (1, True) not in drawn  # no frame pressed but not added
