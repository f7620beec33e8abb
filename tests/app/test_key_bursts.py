"""Keys typed in a burst act in the order typed: an editing key (backspace, the arrows,
home, end, ctrl+k) between characters acts in its turn, not after the characters that
followed it (Textual runs it as a binding once it has travelled up to the app)."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.app import App, ComposeResult
from textual.widgets import Input

from screens.widgets.completing_input import CompletingInput
from screens.widgets.controls import ControlInput
from tests.app.conftest import focus, highlight, open_app, send_keys, wait_for
from wizard.core.state import PolicyState
from wizard.tui.app import PresenceApp


class _FieldApp(App[None]):
    def __init__(self, kind: type[Input]) -> None:
        super().__init__()
        self.kind = kind

    def compose(self) -> ComposeResult:
        yield self.kind(id="field")
        yield Input(id="other")


@pytest.mark.parametrize("kind", [ControlInput, CompletingInput])
@pytest.mark.parametrize(
    ("keys", "expected"),
    [
        (("9", "0", "backspace", "5"), "95"),
        (("a", "b", "left", "X"), "aXb"),
        (("a", "b", "home", "X"), "Xab"),
        (("a", "b", "c", "left", "left", "ctrl+k", "Z"), "aZ"),
        (("a", "b", "left", "delete", "c"), "ac"),
    ],
)
async def test_a_burst_of_keys_edits_in_the_order_typed(
    kind: type[Input], keys: tuple[str, ...], expected: str
) -> None:
    app = _FieldApp(kind)
    async with app.run_test() as pilot:
        field = await focus(pilot, "#field")
        assert isinstance(field, Input)
        send_keys(pilot, *keys, "end", "!")  # all posted before any is handled
        await wait_for(pilot, lambda: field.value.endswith("!"), "the last key")
        assert field.value == expected + "!"


async def test_enter_after_a_burst_submits_the_whole_text() -> None:
    app = _FieldApp(ControlInput)
    submitted: list[str] = []
    async with app.run_test() as pilot:
        field = await focus(pilot, "#field")
        assert isinstance(field, Input)
        original = field.action_submit

        async def submit() -> None:
            submitted.append(field.value)
            await original()

        setattr(field, "action_submit", submit)  # noqa: B010 - this widget only
        send_keys(pilot, "a", "b", "backspace", "c", "enter")
        await wait_for(pilot, lambda: submitted, "the submit")
        assert submitted == ["ac"]


async def test_in_the_wizard_a_burst_into_a_minutes_field_is_read_as_typed(
    tmp_path: Path,
) -> None:
    path = "communication.response_time.first_reply_max_minutes"
    app = PresenceApp(PolicyState(None, path=tmp_path / "p.toml"), section="communication-response")
    async with app.run_test(size=(100, 30)) as pilot:
        await focus(pilot, "#communication-response_time-first_reply_max_minutes")
        send_keys(pilot, "9", "0", "backspace", "5")
        await wait_for(pilot, lambda: app.state is not None and app.state.get(path) == 95)


async def test_keys_typed_right_after_enter_on_an_entry_go_to_its_form(tmp_path: Path) -> None:
    """Enter on an entry gives the form's first field the focus in the key's own step:
    End and the letters after it go to the field, in order (End went to the list, and
    the letters replaced the whole name, selected as the field took the focus)."""
    data = {"schema_version": 1, "platforms": [{"name": "Instagram"}, {"name": "Telegram"}]}
    app = open_app(tmp_path, data, section="platforms")
    async with app.run_test(size=(100, 30)) as pilot:
        await highlight(pilot, "#platforms-entries", 1)
        name = app.query_one("#platforms-name", Input)
        await wait_for(pilot, lambda: name.value == "Telegram", "the second entry's form")
        send_keys(pilot, "enter", "end", " ", "2")
        await wait_for(pilot, lambda: name.value.endswith("2"), "the last key")
        assert name.value == "Telegram 2"
        assert app.focused is name


async def test_keys_typed_right_after_enter_on_an_item_go_to_the_input(tmp_path: Path) -> None:
    """Enter on an item of a list of strings loads it into the input, which takes the
    focus in the key's own step."""
    data = {"schema_version": 1, "mission": {"objectives": ["First", "Second"]}}
    app = open_app(tmp_path, data, section="mission")
    async with app.run_test(size=(100, 30)) as pilot:
        await highlight(pilot, "#mission-objectives-items", 1)
        field = app.query_one("#mission-objectives-new", Input)
        send_keys(pilot, "enter", "end", "!")
        await wait_for(pilot, lambda: field.value.endswith("!"), "the last key")
        assert field.value == "Second!"
        assert app.focused is field
