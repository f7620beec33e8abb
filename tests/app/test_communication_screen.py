"""4. Communication principles: the four steps, their fields, minutes, lists and copying."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Any

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
from tests.app.conftest import (
    SIZE,
    SMALL,
    Notes,
    at_step,
    choose,
    click,
    focus,
    highlight,
    option_prompts,
    send_keys,
    settle,
    shows,
    state_of,
    type_text,
    wait_for,
)
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


async def test_style_step_fields_and_choices(tmp_path: Path) -> None:
    app = _app(tmp_path, step="communication")
    async with app.run_test(size=SIZE) as pilot:
        await at_step(pilot, "communication-style")
        assert app.current_step == "communication-style"
        state = state_of(app)
        goals = app.query_one("#communication-goals", SelectionList)
        assert isinstance(app.query_one("#communication-style"), RadioSet)
        assert isinstance(app.query_one("#communication-voice"), TextArea)
        assert isinstance(app.query_one("#communication-address"), Select)
        assert isinstance(app.query_one("#communication-emoji"), Select)
        assert isinstance(app.query_one("#communication-goals_note"), Input)
        assert isinstance(app.query_one("#communication-preferred_words"), StringListEditor)
        assert isinstance(app.query_one("#communication-avoided_words"), StringListEditor)
        # goals: a multi-select storing the spec's values in the order ticked
        await highlight(pilot, goals, 1)
        send_keys(pilot, "space")
        await wait_for(pilot, lambda: state.get("communication.goals") == ["trust"])
        await highlight(pilot, goals, 0)
        send_keys(pilot, "space")
        await wait_for(pilot, lambda: state.get("communication.goals") == ["trust", "sales"])
        # style: a radio button with its one-line description
        direct = app.query_one("#communication-style-direct")
        assert "short and plain" in str(direct.render())
        await click(pilot, "#communication-style-direct")
        await wait_for(pilot, lambda: state.get("communication.style") == "direct")
        await choose(pilot, "#communication-address", "Informal")
        await choose(pilot, "#communication-emoji", "Sparingly")
        await wait_for(pilot, lambda: state.get("communication.emoji") == "sparingly")
        assert state.get("communication.address") == "informal"


async def test_style_step_in_ukrainian(tmp_path: Path) -> None:
    app = _app(tmp_path, step="communication", lang="uk")
    async with app.run_test(size=SMALL) as pilot:
        await at_step(pilot, "communication-style")
        goals = app.query_one("#communication-goals", SelectionList)
        assert option_prompts(goals) == [
            "Безпосередні продажі",
            "Довіра до бренду",
            "Інформування",
        ]
        address = await focus(pilot, "#communication-address")
        assert isinstance(address, Select)
        send_keys(pilot, "enter")  # what the author reads when choosing
        overlay = address.query_one(OptionList)
        await wait_for(pilot, lambda: overlay.has_focus, "the choices")
        assert "На «Ви»" in option_prompts(overlay)
        send_keys(pilot, "escape")
        await wait_for(pilot, lambda: not address.expanded, "the choices closed")
        voice = "Тепло й просто.\nТак: «Житній з печі!»"
        await type_text(pilot, "#communication-voice", voice)
        state = state_of(app)
        await wait_for(pilot, lambda: state.get("communication.voice") == voice)


async def test_word_in_both_lists_is_an_error_at_the_field(tmp_path: Path) -> None:
    app = _app(tmp_path, step="communication")
    async with app.run_test(size=SIZE) as pilot:
        state = state_of(app)
        await focus(pilot, "#communication-preferred_words-new")
        send_keys(pilot, *"fresh", "enter")
        await wait_for(pilot, lambda: state.get("communication.preferred_words") == ["fresh"])
        new = app.query_one("#communication-preferred_words-new", Input)
        await wait_for(pilot, lambda: new.value == "", "the input emptied for the next word")
        send_keys(pilot, *"cheap", "enter")
        preferred = ["fresh", "cheap"]
        await wait_for(pilot, lambda: state.get("communication.preferred_words") == preferred)
        assert _problem(app, "communication-avoided_words")[0] == ""
        await focus(pilot, "#communication-avoided_words-new")
        send_keys(pilot, *"cheap", "enter")
        await wait_for(pilot, lambda: state.get("communication.avoided_words") == ["cheap"])
        await wait_for(pilot, lambda: "-error" in _problem(app, "communication-avoided_words")[1])
        text, _ = _problem(app, "communication-avoided_words")
        assert "cheap" in text and "preferred" in text


async def test_response_fields_and_minutes(tmp_path: Path) -> None:
    app = _app(tmp_path, step="communication-response")
    async with app.run_test(size=SIZE) as pilot:
        await at_step(pilot, "communication-response")
        state = state_of(app)
        for widget_id in (
            MAX,
            AVG,
            "communication-response_time-working_hours",
            "communication-response_time-after_hours",
            "communication-response_time-timezone",
        ):
            assert isinstance(app.query_one(f"#{widget_id}"), Input)
        help_line = str(_row(app, MAX).query_one(".field-label", Static).render())
        assert "15 minutes" in help_line and "within an hour" in help_line
        path = "communication.response_time.first_reply_max_minutes"
        await focus(pilot, f"#{MAX}")
        send_keys(pilot, *"1 h 30 min")
        await wait_for(pilot, lambda: state.get(path) == 90)
        await wait_for(
            pilot, lambda: _problem(app, MAX) == ("= 1 h 30 min", {"field-problem", "-info"})
        )
        for typed, minutes in (("30", 30), ("1h", 60), ("30 min", 30)):
            await type_text(pilot, f"#{MAX}", typed)
            await wait_for(pilot, partial(_holds, app, path, minutes), f"{typed!r} read")
        await type_text(pilot, f"#{MAX}", "soon")
        await wait_for(pilot, lambda: "-error" in _problem(app, MAX)[1])
        assert "Not understood" in _problem(app, MAX)[0]
        # Ukrainian units, pasted
        await type_text(pilot, f"#{MAX}", "1 год")
        await wait_for(pilot, lambda: state.get(path) == 60)
        await type_text(pilot, f"#{AVG}", "30 хв")
        average = "communication.response_time.first_reply_avg_minutes"
        await wait_for(pilot, lambda: state.get(average) == 30)
        await wait_for(pilot, lambda: "-info" in _problem(app, AVG)[1])


def _holds(app: PresenceApp, path: str, value: Any) -> bool:
    return bool(state_of(app).get(path) == value)


async def test_average_over_maximum_is_shown_at_the_average(tmp_path: Path) -> None:
    data = {"schema_version": 1, "communication": {"response_time": {}}}
    app = _app(tmp_path, data, step="communication-response")
    async with app.run_test(size=SIZE) as pilot:
        await type_text(pilot, f"#{MAX}", "30")
        await type_text(pilot, f"#{AVG}", "45")
        await wait_for(pilot, lambda: "-error" in _problem(app, AVG)[1])
        text, _ = _problem(app, AVG)
        assert "45" in text and "30" in text
        assert "-error" not in _problem(app, MAX)[1]
        await type_text(pilot, f"#{AVG}", "15")
        await wait_for(pilot, lambda: "-error" not in _problem(app, AVG)[1])


async def test_time_zone_is_suggested_and_checked(tmp_path: Path) -> None:
    app = _app(tmp_path, step="communication-response")
    async with app.run_test(size=SIZE) as pilot:
        zone = await focus(pilot, "#communication-response_time-timezone")
        assert isinstance(zone, Input)
        send_keys(pilot, *"Europe/Ky")
        # the placeholder names Europe/Kyiv too: the suggestion shows once typed
        await wait_for(
            pilot,
            lambda: zone.value == "Europe/Ky" and shows(zone, "Europe/Kyiv"),
            "the suggestion",
        )
        send_keys(pilot, "right")
        await wait_for(pilot, lambda: zone.value == "Europe/Kyiv", "the suggestion taken")
        state = state_of(app)
        path = "communication.response_time.timezone"
        await wait_for(pilot, lambda: state.get(path) == "Europe/Kyiv")
        await type_text(pilot, zone, "Mars/Olympus")
        widget_id = "communication-response_time-timezone"
        # the line follows the typing: wait for the one about the whole value (under
        # load an error about "Ma" can still be showing when the field holds it all)
        await wait_for(
            pilot,
            lambda: "Mars/Olympus" in _problem(app, widget_id)[0],
            "the error about the whole value",
        )
        assert "-error" in _problem(app, widget_id)[1]


def _titles(app: PresenceApp) -> list[str]:
    templates = app.state.get("communication.templates") if app.state else None
    return [entry.get("title") for entry in templates or []]


async def test_templates_add_edit_remove_reorder_and_copy(tmp_path: Path) -> None:
    app = _app(tmp_path, step="communication-templates")
    async with app.run_test(size=SIZE) as pilot:
        state = state_of(app)
        title_input = app.query_one("#communication-templates-title", Input)
        for number, title in enumerate(("Thanks", "Order problem"), 1):
            await click(pilot, "#communication-templates-add")
            await wait_for(
                pilot,
                partial(_added, app, number, title_input),
                "the focus on the new template's title",
            )
            send_keys(pilot, *title)
            await type_text(pilot, "#communication-templates-situation", f"When: {title}")
            await type_text(pilot, "#communication-templates-text", f"Hi {{name}},\n{title}!")
        text = "Hi {name},\nOrder problem!"
        await wait_for(pilot, lambda: state.get("communication.templates[1].text") == text)
        assert _titles(app) == ["Thanks", "Order problem"]
        # copy the selected one (the second) with ctrl+t
        await focus(pilot, "#communication-templates-entries")
        send_keys(pilot, "ctrl+t")
        await wait_for(pilot, lambda: app.clipboard == text)
        # reorder, edit, remove
        await click(pilot, "#communication-templates-up")
        await wait_for(pilot, lambda: _titles(app) == ["Order problem", "Thanks"])
        await type_text(pilot, title_input, "Order issue")
        await wait_for(pilot, lambda: _titles(app) == ["Order issue", "Thanks"])
        app.copy_to_clipboard("")
        await click(pilot, "#communication-templates-copy")
        await wait_for(pilot, lambda: app.clipboard == text)
        await click(pilot, "#communication-templates-remove")
        await click(pilot, "#dialog-yes")
        await wait_for(pilot, lambda: _titles(app) == ["Thanks"])


def _added(app: PresenceApp, count: int, title: Input) -> bool:
    return len(state_of(app).items("communication.templates")) == count and title.has_focus


async def test_copy_without_text_says_so(tmp_path: Path, notes: Notes) -> None:
    data = {"schema_version": 1, "communication": {"templates": [{"title": "Empty"}]}}
    app = _app(tmp_path, data, step="communication-templates")
    async with app.run_test(size=SIZE) as pilot:
        await at_step(pilot, "communication-templates")
        app.screen.notify = notes  # type: ignore[method-assign]
        send_keys(pilot, "ctrl+t")
        await wait_for(pilot, lambda: notes.messages, "the note")
        assert notes.messages == ["Select a template with text first."]
        assert app.clipboard == ""


async def test_negative_step_and_escalation_list(tmp_path: Path) -> None:
    app = _app(tmp_path, step="communication-negative")
    async with app.run_test(size=SMALL) as pilot:
        await at_step(pilot, "communication-negative")
        state = state_of(app)
        assert isinstance(app.query_one("#communication-negative-approach"), TextArea)
        assert isinstance(app.query_one("#communication-negative-removal"), Input)
        assert isinstance(app.query_one("#communication-negative-never"), StringListEditor)
        await choose(
            pilot,
            "#communication-negative-moderator_autonomy",
            "Routine cases only; passes on the rest",
        )
        autonomy = "communication.negative.moderator_autonomy"
        await wait_for(pilot, lambda: state.get(autonomy) == "routine")
        problem = app.query_one("#communication-negative-escalation").query_one(".list-problem")
        assert "add at least one" in str(problem.render())
        await click(pilot, "#communication-negative-escalation-add")
        topic = app.query_one("#communication-negative-escalation-topic", Input)
        await wait_for(pilot, lambda: topic.has_focus, "the focus on the new contact's topic")
        send_keys(pilot, *"Food safety")
        await type_text(pilot, "#communication-negative-escalation-contact", "Олена, +380 44 000")
        await type_text(pilot, "#communication-negative-escalation-within_minutes", "1 год")
        expected = [{"topic": "Food safety", "contact": "Олена, +380 44 000", "within_minutes": 60}]
        await wait_for(pilot, lambda: state.get("communication.negative.escalation") == expected)
        within = "communication-negative-escalation-within_minutes"
        await wait_for(pilot, lambda: _problem(app, within)[0] == "= 1 h")
        editor = app.query_one("#communication-negative-escalation", ListEditor)
        await click(pilot, "#communication-negative-escalation-add")
        await wait_for(pilot, lambda: editor.selected == 1 and topic.has_focus)
        send_keys(pilot, *"Press")

        def topics() -> list[str]:
            return [e.get("topic") for e in state.items("communication.negative.escalation")]

        await wait_for(pilot, lambda: topics() == ["Food safety", "Press"])
        await click(pilot, "#communication-negative-escalation-up")
        await wait_for(pilot, lambda: topics() == ["Press", "Food safety"])
        await click(pilot, "#communication-negative-escalation-remove")
        await click(pilot, "#dialog-yes")
        await wait_for(pilot, lambda: topics() == ["Food safety"])


async def test_a_one_line_answer_is_redrawn_in_place_and_a_longer_one_lays_the_screen_out(
    tmp_path: Path,
) -> None:
    """As minutes are typed, "= 1 h 30 min" becomes "= 1 h 35 min" on the same line: the
    line is drawn again, the screen is not laid out again. An answer of more lines (a
    long error at a narrow width) gets its lines."""
    app = _app(tmp_path, step="communication-response")
    async with app.run_test(size=(60, 30)) as pilot:
        await at_step(pilot, "communication-response")
        await type_text(pilot, f"#{MAX}", "90")
        await wait_for(pilot, lambda: _problem(app, MAX)[0] == "= 1 h 30 min")
        line = _row(app, MAX).query_one(".field-problem", Static)
        await wait_for(pilot, lambda: line.size.height == 1, "the answer laid out")
        # The layouts its appearance asked for (the body's scroll bar, the sizes they
        # give) are done before counting: only what the next answers ask is counted.
        await settle(pilot)
        layouts: list[bool] = []
        refresh = line.refresh

        def counted(*regions: Any, **options: Any) -> Any:
            layouts.append(bool(options.get("layout")))
            return refresh(*regions, **options)

        setattr(line, "refresh", counted)  # noqa: B010 - this widget only
        field = app.query_one(f"#{MAX}", Input)
        send_keys(pilot, "backspace")  # an editing key reaches its action turns later
        await wait_for(pilot, lambda: field.value == "9", "the 0 deleted")
        send_keys(pilot, "5")
        await wait_for(pilot, lambda: _problem(app, MAX)[0] == "= 1 h 35 min")
        assert layouts and not any(layouts)
        send_keys(pilot, *" and a while more, whenever the team has time")
        await wait_for(pilot, lambda: "-error" in _problem(app, MAX)[1], "the error")
        await wait_for(pilot, lambda: line.size.height > 1, "the error's lines")
        assert any(layouts)


async def test_a_style_whose_description_does_not_fit_wraps_onto_its_own_lines(
    tmp_path: Path,
) -> None:
    """Each style shows its whole description: at 60 columns the long ones take two
    lines, at 120 one; the layout gives them their height (nothing set afterwards)."""
    from textual.widgets import RadioButton

    state = PolicyState(None, path=tmp_path / "p.toml")
    app = PresenceApp(state, section="communication", lang="uk")
    async with app.run_test(size=(60, 40)) as pilot:
        await at_step(pilot, "communication-style")
        buttons = list(app.screen.query_one("#communication-style", RadioSet).query(RadioButton))

        def heights() -> list[int]:
            return [button.size.height for button in buttons]

        await wait_for(pilot, lambda: max(heights()) > 1, "a wrapped style")
        for button in buttons:
            lines = button.render().wrap(button.content_size.width)
            assert button.content_size.height == len(lines)
            shown = " ".join(line.plain.strip() for line in lines)
            assert shown.endswith(str(button.label).split()[-1])
        await pilot.resize_terminal(120, 40)
        await wait_for(pilot, lambda: heights() == [1, 1, 1, 1], "one line each")
