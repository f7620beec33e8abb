"""4. Communication principles: the four steps, their fields, minutes, lists and copying."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual import events
from textual.widgets import (
    Input,
    OptionList,
    RadioSet,
    Select,
    SelectionList,
    Static,
    TextArea,
)

from screens.widgets.fields import FieldRow
from screens.widgets.list_editor import ListEditor
from screens.widgets.string_list import StringListEditor
from tests.app.conftest import SIZE, SMALL, click
from wizard.core.state import PolicyState
from wizard.tui.app import PresenceApp

MAX = "communication-response_time-first_reply_max_minutes"
AVG = "communication-response_time-first_reply_avg_minutes"


def _app(
    tmp_path: Path, data: dict[str, Any] | None = None, *, step: str, lang: str = "en"
) -> PresenceApp:
    return PresenceApp(PolicyState(data, path=tmp_path / "p.toml"), section=step, lang=lang)


def _row(app: PresenceApp, widget_id: str) -> FieldRow:
    row = app.query_one(f"#{widget_id}").parent
    while row is not None and not isinstance(row, FieldRow):
        row = row.parent
    assert isinstance(row, FieldRow)
    return row


def _problem(app: PresenceApp, widget_id: str) -> tuple[str, set[str]]:
    line = _row(app, widget_id).query_one(".field-problem", Static)
    return str(line.render()), set(line.classes)


async def _type(app: PresenceApp, pilot: Any, widget_id: str, text: str) -> None:
    """Focus the widget and paste `text` into it as a terminal does (any script survives):
    the app receives the paste and forwards it to the focused widget."""
    widget = app.query_one(f"#{widget_id}")
    widget.focus()
    await pilot.pause()
    app.post_message(events.Paste(text))
    await pilot.pause()


async def test_style_step_fields_and_choices(tmp_path: Path) -> None:
    app = _app(tmp_path, step="communication")
    async with app.run_test(size=SIZE) as pilot:
        assert app.current_step == "communication-style"
        state = app.state
        assert state is not None
        goals = app.query_one("#communication-goals", SelectionList)
        assert isinstance(app.query_one("#communication-style"), RadioSet)
        assert isinstance(app.query_one("#communication-voice"), TextArea)
        assert isinstance(app.query_one("#communication-address"), Select)
        assert isinstance(app.query_one("#communication-emoji"), Select)
        assert isinstance(app.query_one("#communication-goals_note"), Input)
        assert isinstance(app.query_one("#communication-preferred_words"), StringListEditor)
        assert isinstance(app.query_one("#communication-avoided_words"), StringListEditor)
        # goals: a multi-select storing the spec's values in the order ticked
        goals.focus()
        await pilot.press("down", "space")
        goals.select("sales")
        await pilot.pause()
        assert state.get("communication.goals") == ["trust", "sales"]
        # style: a radio button with its one-line description
        direct = app.query_one("#communication-style-direct")
        assert "short and plain" in str(direct.render())
        await click(pilot, "#communication-style-direct")
        assert state.get("communication.style") == "direct"
        app.query_one("#communication-address", Select).value = "informal"
        app.query_one("#communication-emoji", Select).value = "sparingly"
        await pilot.pause()
        assert state.get("communication.address") == "informal"
        assert state.get("communication.emoji") == "sparingly"


async def test_style_step_in_ukrainian(tmp_path: Path) -> None:
    app = _app(tmp_path, step="communication", lang="uk")
    async with app.run_test(size=SMALL) as pilot:
        goals = app.query_one("#communication-goals", SelectionList)
        labels = [str(goals.get_option_at_index(i).prompt) for i in range(goals.option_count)]
        assert labels == ["Безпосередні продажі", "Довіра до бренду", "Інформування"]
        address = app.query_one("#communication-address", Select)
        assert "На «Ви»" in [str(prompt) for prompt, _ in address._options]
        await _type(app, pilot, "communication-voice", "Тепло й просто.\nТак: «Житній з печі!»")
        assert app.state is not None
        assert app.state.get("communication.voice") == "Тепло й просто.\nТак: «Житній з печі!»"


async def test_word_in_both_lists_is_an_error_at_the_field(tmp_path: Path) -> None:
    app = _app(tmp_path, step="communication")
    async with app.run_test(size=SIZE) as pilot:
        state = app.state
        assert state is not None
        new = app.query_one("#communication-preferred_words-new", Input)
        new.focus()
        await pilot.press(*"fresh", "enter", *"cheap", "enter")
        assert _problem(app, "communication-avoided_words")[0] == ""
        avoided = app.query_one("#communication-avoided_words-new", Input)
        avoided.focus()
        await pilot.press(*"cheap", "enter")
        assert state.get("communication.avoided_words") == ["cheap"]
        text, classes = _problem(app, "communication-avoided_words")
        assert "-error" in classes
        assert "cheap" in text and "preferred" in text


async def test_response_fields_and_minutes(tmp_path: Path) -> None:
    app = _app(tmp_path, step="communication-response")
    async with app.run_test(size=SIZE) as pilot:
        state = app.state
        assert state is not None
        for widget_id in (
            MAX,
            AVG,
            "communication-response_time-working_hours",
            "communication-response_time-after_hours",
            "communication-response_time-timezone",
        ):
            assert isinstance(app.query_one(f"#{widget_id}"), Input)
        help_line = str(_row(app, MAX).query_one(".field-help", Static).render())
        assert "15 minutes" in help_line and "within an hour" in help_line
        field = app.query_one(f"#{MAX}", Input)
        field.focus()
        await pilot.press(*"1 h 30 min")
        assert state.get("communication.response_time.first_reply_max_minutes") == 90
        text, classes = _problem(app, MAX)
        assert text == "= 1 h 30 min" and "-info" in classes
        for typed, minutes in (("30", 30), ("1h", 60), ("30 min", 30)):
            field.value = typed
            await pilot.pause()
            assert state.get("communication.response_time.first_reply_max_minutes") == minutes
        field.value = "soon"
        await pilot.pause()
        text, classes = _problem(app, MAX)
        assert "-error" in classes and "Not understood" in text
        # Ukrainian units, pasted
        field.value = ""
        await _type(app, pilot, MAX, "1 год")
        assert state.get("communication.response_time.first_reply_max_minutes") == 60
        await _type(app, pilot, AVG, "30 хв")
        assert state.get("communication.response_time.first_reply_avg_minutes") == 30
        assert _problem(app, AVG)[1] >= {"-info"}


async def test_average_over_maximum_is_shown_at_the_average(tmp_path: Path) -> None:
    data = {"schema_version": 1, "communication": {"response_time": {}}}
    app = _app(tmp_path, data, step="communication-response")
    async with app.run_test(size=SIZE) as pilot:
        app.query_one(f"#{MAX}", Input).value = "30"
        app.query_one(f"#{AVG}", Input).value = "45"
        await pilot.pause()
        text, classes = _problem(app, AVG)
        assert "-error" in classes and "45" in text and "30" in text
        assert "-error" not in _problem(app, MAX)[1]
        app.query_one(f"#{AVG}", Input).value = "15"
        await pilot.pause()
        assert "-error" not in _problem(app, AVG)[1]


async def test_time_zone_is_suggested_and_checked(tmp_path: Path) -> None:
    app = _app(tmp_path, step="communication-response")
    async with app.run_test(size=SIZE) as pilot:
        zone = app.query_one("#communication-response_time-timezone", Input)
        zone.focus()
        await pilot.press(*"Europe/Ky")
        await pilot.pause()
        await pilot.press("right")
        assert zone.value == "Europe/Kyiv"
        assert app.state is not None
        assert app.state.get("communication.response_time.timezone") == "Europe/Kyiv"
        zone.value = "Mars/Olympus"
        await pilot.pause()
        text, classes = _problem(app, "communication-response_time-timezone")
        assert "-error" in classes and "Mars/Olympus" in text


def _titles(app: PresenceApp) -> list[str]:
    templates = app.state.get("communication.templates") if app.state else None
    return [entry.get("title") for entry in templates or []]


async def test_templates_add_edit_remove_reorder_and_copy(tmp_path: Path) -> None:
    app = _app(tmp_path, step="communication-templates")
    async with app.run_test(size=SIZE) as pilot:
        state = app.state
        assert state is not None
        for title in ("Thanks", "Order problem"):
            await click(pilot, "#communication-templates-add")
            assert app.query_one("#communication-templates-title", Input).has_focus
            await pilot.press(*title)
            await _type(app, pilot, "communication-templates-situation", f"When: {title}")
            await _type(app, pilot, "communication-templates-text", f"Hi {{name}},\n{title}!")
        assert _titles(app) == ["Thanks", "Order problem"]
        assert state.get("communication.templates[1].text") == "Hi {name},\nOrder problem!"
        # copy the selected one (the second) with ctrl+t
        app.query_one("#communication-templates-entries", OptionList).focus()
        await pilot.press("ctrl+t")
        assert app.clipboard == "Hi {name},\nOrder problem!"
        # reorder, edit, remove
        await click(pilot, "#communication-templates-up")
        assert _titles(app) == ["Order problem", "Thanks"]
        title_input = app.query_one("#communication-templates-title", Input)
        title_input.value = "Order issue"
        await pilot.pause()
        assert _titles(app) == ["Order issue", "Thanks"]
        await click(pilot, "#communication-templates-copy")
        assert app.clipboard == "Hi {name},\nOrder problem!"
        await click(pilot, "#communication-templates-remove")
        await pilot.click("#dialog-yes")
        await pilot.pause()
        assert _titles(app) == ["Thanks"]


async def test_copy_without_text_says_so(tmp_path: Path) -> None:
    data = {"schema_version": 1, "communication": {"templates": [{"title": "Empty"}]}}
    app = _app(tmp_path, data, step="communication-templates")
    messages: list[str] = []
    async with app.run_test(size=SIZE) as pilot:
        app.screen.notify = lambda message, **_: messages.append(str(message))  # type: ignore[method-assign]
        await pilot.press("ctrl+t")
        assert app.clipboard == ""
        assert messages == ["Select a template with text first."]


async def test_negative_step_and_escalation_list(tmp_path: Path) -> None:
    app = _app(tmp_path, step="communication-negative")
    async with app.run_test(size=SMALL) as pilot:
        state = app.state
        assert state is not None
        assert isinstance(app.query_one("#communication-negative-approach"), TextArea)
        autonomy = app.query_one("#communication-negative-moderator_autonomy", Select)
        assert isinstance(app.query_one("#communication-negative-removal"), Input)
        assert isinstance(app.query_one("#communication-negative-never"), StringListEditor)
        autonomy.value = "routine"
        await pilot.pause()
        assert state.get("communication.negative.moderator_autonomy") == "routine"
        problem = app.query_one("#communication-negative-escalation").query_one(".list-problem")
        assert "add at least one" in str(problem.render())
        await click(pilot, "#communication-negative-escalation-add")
        await pilot.press(*"Food safety")
        await _type(app, pilot, "communication-negative-escalation-contact", "Олена, +380 44 000")
        await _type(app, pilot, "communication-negative-escalation-within_minutes", "1 год")
        assert state.get("communication.negative.escalation") == [
            {"topic": "Food safety", "contact": "Олена, +380 44 000", "within_minutes": 60}
        ]
        text, _ = _problem(app, "communication-negative-escalation-within_minutes")
        assert text == "= 1 h"
        editor = app.query_one("#communication-negative-escalation", ListEditor)
        await click(pilot, "#communication-negative-escalation-add")
        await pilot.press(*"Press")
        assert editor.selected == 1
        await click(pilot, "#communication-negative-escalation-up")
        topics = [e["topic"] for e in state.get("communication.negative.escalation")]
        assert topics == ["Press", "Food safety"]
        await click(pilot, "#communication-negative-escalation-remove")
        await pilot.click("#dialog-yes")
        await pilot.pause()
        assert [e["topic"] for e in state.get("communication.negative.escalation")] == [
            "Food safety"
        ]
