"""5. Content types: the rubrics list editor with its platform picker, and the brand
hashtags with each one checked."""

from __future__ import annotations

import datetime as dt
from functools import partial
from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Input, Select, SelectionList, Static, TextArea

from schemas import check_policy
from screens.content import RUBRIC_FIELDS
from screens.widgets.editors.platforms import PlatformPicker
from screens.widgets.fields import FieldRow
from screens.widgets.list_editor import ListEditor
from screens.widgets.string_list import StringListEditor
from tests.app.conftest import (
    SIZE,
    SMALL,
    choose,
    click,
    entry_lines,
    field_problem,
    focus,
    highlight,
    open_app,
    send_keys,
    state_of,
    type_text,
    wait_for,
)
from wizard.core.state import PolicyState
from wizard.tui.app import PresenceApp

KEYS = (
    "name",
    "goal",
    "description",
    "format",
    "frequency",
    "cadence",
    "platforms",
    "hashtags",
    "example",
)

ENTRIES = "content-rubrics-entries"
"""The id of the list editor's entries."""


def _app(tmp_path: Path, data: dict[str, Any] | None = None, lang: str = "en") -> PresenceApp:
    return open_app(tmp_path, data, section="content", lang=lang)


def _picker(app: PresenceApp) -> SelectionList[str]:
    return app.query_one("#content-rubrics-platforms", SelectionList)


def _options(app: PresenceApp) -> list[str]:
    picker = _picker(app)
    return [str(picker.get_option_at_index(i).prompt) for i in range(picker.option_count)]


async def _toggle(pilot: Pilot[Any], app: PresenceApp, label: str) -> None:
    """Tick or untick the platform reading `label` in the picker: its line, then Space."""
    picker = _picker(app)
    index = _options(app).index(label)
    value = picker.get_option_at_index(index).value
    ticked = value in picker.selected
    await highlight(pilot, picker, index)
    send_keys(pilot, "space")
    await wait_for(pilot, lambda: (value in picker.selected) != ticked, f"{label} toggled")


def _tagged(app: PresenceApp, count: int) -> bool:
    return len(state_of(app).items("content.rubrics[0].hashtags")) == count


def _policy(**content: Any) -> dict[str, Any]:
    return {
        "schema_version": 1,
        "platforms": [{"name": "Instagram"}, {"name": "Telegram"}, {"name": "TikTok"}],
        "content": content,
    }


async def test_every_key_has_its_field(tmp_path: Path) -> None:
    app = _app(tmp_path, _policy(rubrics=[{"name": "News"}]))
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: app.query_one("#content-rubrics-name", Input).value == "News")
        assert tuple(s.path for s in RUBRIC_FIELDS) == tuple(f"content.rubrics.{k}" for k in KEYS)
        for key in KEYS:
            assert app.query_one(f"#content-rubrics-{key}") is not None
        assert isinstance(app.query_one("#content-rubrics-goal"), Select)
        assert isinstance(app.query_one("#content-rubrics-hashtags"), StringListEditor)
        assert isinstance(app.query_one("#content-rubrics-example"), TextArea)
        assert isinstance(app.query_one("#content-hashtags"), StringListEditor)
        row = app.query_one("#content-rubrics-platforms").parent
        assert isinstance(row, FieldRow) and isinstance(row.field_editor, PlatformPicker)


async def test_rubrics_add_edit_remove_reorder_filter(tmp_path: Path) -> None:
    app = _app(tmp_path, _policy())
    async with app.run_test(size=SIZE) as pilot:
        state = state_of(app)

        def names() -> list[str]:
            return [rubric.get("name") for rubric in state.items("content.rubrics")]

        await click(pilot, "#content-rubrics-add")
        name = app.query_one("#content-rubrics-name", Input)
        await wait_for(pilot, lambda: name.has_focus, "the focus on the new rubric's name")
        send_keys(pilot, *"Behind the ovens")
        await choose(pilot, "#content-rubrics-goal", "Brand trust")
        await type_text(pilot, "#content-rubrics-format", "Reel or story")
        await click(pilot, "#content-rubrics-add")
        await wait_for(pilot, lambda: len(names()) == 2 and name.has_focus)
        send_keys(pilot, *"Fresh today")
        await choose(pilot, "#content-rubrics-goal", "Direct sales")
        expected = [
            {"name": "Behind the ovens", "goal": "trust", "format": "Reel or story"},
            {"name": "Fresh today", "goal": "sales"},
        ]
        await wait_for(pilot, lambda: state.get("content.rubrics") == expected)
        await wait_for(pilot, lambda: "Fresh today — Direct sales" in entry_lines(app, ENTRIES)[1])
        await click(pilot, "#content-rubrics-up")
        await wait_for(pilot, lambda: names() == ["Fresh today", "Behind the ovens"])
        await type_text(pilot, "#content-rubrics-filter", "reel")
        await wait_for(pilot, lambda: len(entry_lines(app, ENTRIES)) == 1)
        await wait_for(pilot, lambda: name.value == "Behind the ovens")
        await type_text(pilot, name, "Behind the scenes")
        await wait_for(pilot, lambda: state.get("content.rubrics[1].name") == "Behind the scenes")
        await click(pilot, "#content-rubrics-remove")
        await click(pilot, "#dialog-yes")
        await wait_for(pilot, lambda: names() == ["Fresh today"])


async def test_picker_offers_the_entered_platforms(tmp_path: Path) -> None:
    rubrics = [{"name": "News", "platforms": ["instagram", "Telgram"]}]
    app = _app(tmp_path, _policy(rubrics=rubrics))
    async with app.run_test(size=SIZE) as pilot:
        state = state_of(app)
        # the platforms of section 2, then the reference that names none of them
        offered = ["Instagram", "Telegram", "TikTok", "Telgram (not in section 2)"]
        await wait_for(pilot, lambda: _options(app) == offered)
        assert _picker(app).selected == ["Instagram", "Telgram"]
        problem = field_problem(app, "content-rubrics-platforms")
        await wait_for(
            pilot,
            lambda: problem.has_class("-error") and "did you mean" in str(problem.render()),
        )
        assert 'did you mean "Telegram"' in str(problem.render())
        await _toggle(pilot, app, "Telgram (not in section 2)")
        platforms = "content.rubrics[0].platforms"
        await wait_for(pilot, lambda: state.get(platforms) == ["instagram"])  # kept as written
        await _toggle(pilot, app, "Telegram")
        await _toggle(pilot, app, "TikTok")
        await wait_for(pilot, lambda: state.get(platforms) == ["instagram", "Telegram", "TikTok"])
        await wait_for(pilot, lambda: not problem.has_class("-error"))
        # Space on the highlighted platform unticks it
        await _toggle(pilot, app, "Instagram")
        await wait_for(pilot, lambda: state.get(platforms) == ["Telegram", "TikTok"])


async def test_picker_follows_section_2(tmp_path: Path) -> None:
    app = _app(tmp_path, {"schema_version": 1, "content": {"rubrics": [{"name": "News"}]}})
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: app.query(".picker-empty"), "the picker")
        assert _options(app) == []
        assert app.query_one(".picker-empty").display
        send_keys(pilot, "alt+2")
        await wait_for(pilot, lambda: app.screen.name == "platforms", "the platforms")
        await click(pilot, "#platforms-add")
        name = app.query_one("#platforms-name", Input)
        await wait_for(pilot, lambda: name.has_focus, "the focus on the new platform's name")
        send_keys(pilot, *"Viber")
        await wait_for(pilot, lambda: state_of(app).get("platforms[0].name") == "Viber")
        send_keys(pilot, "alt+5")
        await wait_for(pilot, lambda: app.screen.name == "content", "the content")
        await wait_for(pilot, lambda: _options(app) == ["Viber"])
        assert not app.query_one(".picker-empty").display
        await _toggle(pilot, app, "Viber")
        await wait_for(
            pilot, lambda: state_of(app).get("content.rubrics[0].platforms") == ["Viber"]
        )


async def test_brand_hashtags_checked_one_by_one(tmp_path: Path) -> None:
    app = _app(tmp_path, _policy(rubrics=[{"name": "News"}]))
    async with app.run_test(size=SMALL) as pilot:
        state = state_of(app)
        new = await focus(pilot, "#content-hashtags-new")
        send_keys(pilot, *"#BakedAtDawn", "enter")
        await wait_for(pilot, lambda: state.get("content.hashtags") == ["#BakedAtDawn"])
        await type_text(pilot, new, "#ХлібЩодня_2026")
        send_keys(pilot, "enter")
        await wait_for(
            pilot, lambda: state.get("content.hashtags") == ["#BakedAtDawn", "#ХлібЩодня_2026"]
        )
        problem = field_problem(app, "content-hashtags")
        assert str(problem.render()) == ""
        send_keys(pilot, *"bread now", "enter")
        await wait_for(
            pilot, lambda: problem.has_class("-error") and "bread now" in str(problem.render())
        )
        assert '"bread now" is not a hashtag' in str(problem.render())
        await highlight(pilot, "#content-hashtags-items", 2)
        send_keys(pilot, "delete")
        await wait_for(pilot, lambda: not problem.has_class("-error"))
        await focus(pilot, new)
        send_keys(pilot, *"#bakedatdawn", "enter")
        await wait_for(
            pilot, lambda: problem.has_class("-error") and "already listed" in str(problem.render())
        )
        assert "already listed" in str(problem.render())


async def test_rubric_hashtags_and_example_in_ukrainian(tmp_path: Path) -> None:
    app = _app(tmp_path, _policy(rubrics=[{"name": "Новини", "platforms": ["Instagram"]}]), "uk")
    async with app.run_test(size=SMALL) as pilot:
        state = state_of(app)
        await wait_for(pilot, lambda: app.query("#section-title"), "the screen")
        assert "Типи контенту" in str(app.query_one("#section-title", Static).render())
        tags = ("#один", "#два", "#три", "#чотири", "#пять", "#шість")
        for count, tag in enumerate(tags, 1):
            await type_text(pilot, "#content-rubrics-hashtags-new", tag)
            send_keys(pilot, "enter")
            await wait_for(pilot, partial(_tagged, app, count), f"{count} hashtags")
        problem = field_problem(app, "content-rubrics-hashtags")
        await wait_for(pilot, lambda: problem.has_class("-warning"))
        assert "Instagram" in str(problem.render())
        example = "Таймлапс «ранкової зміни» — о 5:00"
        await type_text(pilot, "#content-rubrics-example", example)
        await wait_for(pilot, lambda: state.get("content.rubrics[0].example") == example)


async def test_rubrics_required(tmp_path: Path) -> None:
    app = _app(tmp_path, _policy())
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: app.query("#content-rubrics"), "the rubrics")
        editor = app.query_one("#content-rubrics", ListEditor)
        problem = editor.query_one(".list-problem", Static)
        await wait_for(pilot, lambda: "add at least one" in str(problem.render()))


CADENCE = "#content-rubrics-cadence"
CADENCE_ACCEPTED = not any(
    p.level == "error"
    for p in check_policy(
        {"schema_version": 2, "content": {"rubrics": [{"name": "x", "times": 1, "per": "day"}]}}
    )
)
"""Whether the policy's check accepts the cadence keys (format version 2)."""
CADENCE_KEYS = ("times", "per", "days", "time")


def _cadence_of(app: PresenceApp, index: int = 0) -> dict[str, Any]:
    rubric = state_of(app).get(f"content.rubrics[{index}]")
    return {key: rubric[key] for key in CADENCE_KEYS if key in rubric}


async def test_the_cadence_is_one_field_written_to_four_keys(tmp_path: Path) -> None:
    rubrics = [
        {"name": "News", "times": 2, "per": "week", "days": ["tue", "thu"], "time": dt.time(10)},
        {"name": "Fresh", "platforms": ["Instagram"]},
    ]
    app = _app(tmp_path, _policy(rubrics=rubrics))
    async with app.run_test(size=SIZE) as pilot:
        field = app.query_one(CADENCE, Input)
        await wait_for(pilot, lambda: field.value == "2 per week, Tue Thu, 10:00")
        await highlight(pilot, f"#{ENTRIES}", 1)
        await wait_for(pilot, lambda: field.value == "")
        await type_text(pilot, field, "3 на тиждень, о 9:30")  # Ukrainian, in the English wizard
        await wait_for(
            pilot,
            lambda: _cadence_of(app, 1) == {"times": 3, "per": "week", "time": dt.time(9, 30)},
        )
        problem = field_problem(app, "content-rubrics-cadence")
        if CADENCE_ACCEPTED:  # the line says how it was understood
            await wait_for(pilot, lambda: "(spread: Mon Wed Fri)" in str(problem.render()))
        else:  # format version 1 knows no such keys: the policy's check says so here
            await wait_for(pilot, lambda: "Unknown key" in str(problem.render()))
        assert state_of(app).get("content.rubrics[1].platforms") == ["Instagram"]
        await type_text(pilot, field, "2 per month, Tue Thu")
        await wait_for(pilot, lambda: "Days go with a cadence per week." in str(problem.render()))
        assert problem.has_class("-error")
        await wait_for(pilot, lambda: _cadence_of(app, 1) == {"times": "2 per month, Tue Thu"})
        await type_text(pilot, field, "")
        await wait_for(pilot, lambda: _cadence_of(app, 1) == {})
        assert state_of(app).get("content.rubrics[1]") == {
            "name": "Fresh",
            "platforms": ["Instagram"],
        }


async def test_the_cadence_in_ukrainian_and_its_problems_under_it(tmp_path: Path) -> None:
    rubrics = [{"name": "Новини", "times": 1, "per": "day", "time": "ранок"}]
    policy = _policy(rubrics=rubrics)  # as saved in the file
    state = PolicyState(policy, path=tmp_path / "p.toml", saved=policy)
    app = PresenceApp(state, section="content", lang="uk")
    async with app.run_test(size=SMALL) as pilot:
        field = app.query_one(CADENCE, Input)
        await wait_for(pilot, lambda: field.value == "1 на день, ранок")
        problem = field_problem(app, "content-rubrics-cadence")
        await wait_for(pilot, lambda: problem.has_class("-error"))  # `time` is not a time
        await type_text(pilot, field, "twice a week, Mon Fri, 18:00")
        expected = {"times": 2, "per": "week", "days": ["mon", "fri"], "time": dt.time(18)}
        await wait_for(pilot, lambda: _cadence_of(app) == expected)
        send_keys(pilot, "alt+r")  # back to the values the file has
        await wait_for(
            pilot, lambda: _cadence_of(app) == {"times": 1, "per": "day", "time": "ранок"}
        )
        await wait_for(pilot, lambda: field.value == "1 на день, ранок")
