"""A widget is styled as it mounts, not again for the classes its constructor set;
a class changed once it is in the app restyles it as before."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.css.stylesheet import Stylesheet
from textual.validation import Length
from textual.widgets import Button, Input

from screens.widgets.controls import ControlInput
from tests.app.conftest import open_app, wait_for


@pytest.fixture
def restyled(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The ids of the widgets restyled after a class change, in order."""
    seen: list[str] = []
    update_nodes = Stylesheet.update_nodes

    def spy(self: Stylesheet, nodes: Any, animate: bool = False) -> None:
        nodes = list(nodes)
        seen.extend(str(node.id) for node in nodes[:1])
        update_nodes(self, nodes, animate)

    monkeypatch.setattr(Stylesheet, "update_nodes", spy)
    return seen


async def test_a_widget_is_styled_as_it_mounts_and_again_only_when_its_classes_change(
    tmp_path: Path, restyled: list[str]
) -> None:
    app = open_app(tmp_path, section="communication")
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: app.screen.query("#nav-next"), "the section's screen")
        # The buttons' constructors set their compact and variant classes: none of
        # them was restyled for it, yet each has its classes and the looks they give.
        buttons = {str(button.id) for button in app.screen.query(Button)}
        assert len(buttons) > 10
        assert not buttons.intersection(restyled)
        after = app.screen.query_one("#nav-next", Button)
        assert after.has_class("-textual-compact", "-style-default", "-primary")
        height = after.styles.height
        assert height is not None and height.value == 1  # compact: one line, no border
        # A class changed once it is in the app restyles it, as Textual does.
        back = app.screen.query_one("#nav-back", Button)
        plain = back.styles.background
        back.add_class("-primary")
        assert restyled[-1] == "nav-back"
        assert back.styles.background != plain


async def test_an_input_mounts_valid_and_a_failing_validator_still_marks_it(
    tmp_path: Path,
) -> None:
    app = open_app(tmp_path, section="communication")
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: app.screen.query("#nav-next"), "the section's screen")
        field = app.screen.query(ControlInput).first()
        assert field.has_class("-valid") and not field.has_class("-invalid")
        checked = ControlInput(validators=[Length(minimum=3)], id="checked")
        assert not checked.has_class("-valid")  # its validator decides
        await app.screen.query_one("#body").mount(checked)
        checked.value = "ab"
        await wait_for(pilot, lambda: checked.has_class("-invalid"), "the invalid class")
        assert isinstance(checked, Input) and not checked.has_class("-valid")
        checked.value = "abc"
        await wait_for(pilot, lambda: checked.has_class("-valid"), "the valid class")
