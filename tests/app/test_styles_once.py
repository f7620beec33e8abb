"""A widget is styled as it mounts, not again for the classes its constructor set;
a class changed once it is in the app restyles it as before."""

from __future__ import annotations

import tomllib
from pathlib import Path
from types import SimpleNamespace
from typing import Any, cast

import pytest
from textual.css.stylesheet import Stylesheet
from textual.css.types import CSSLocation
from textual.dom import DOMNode
from textual.validation import Length
from textual.widgets import Button, Input

from screens.base import STYLED_AHEAD
from screens.textual_tricks import style_ahead
from screens.widgets.controls import ControlInput
from screens.widgets.fields import FieldRow
from screens.widgets.list_editor import ListEditor
from tests.app.conftest import open_app, wait_for
from wizard.core.flow import STEPS
from wizard.core.service import EXAMPLE_PATH


@pytest.fixture
def restyled(monkeypatch: pytest.MonkeyPatch) -> list[list[DOMNode]]:
    """The widgets of each restyle (a widget and those in it), in order."""
    seen: list[list[DOMNode]] = []
    update_nodes = Stylesheet.update_nodes

    def spy(self: Stylesheet, nodes: Any, animate: bool = False) -> None:
        nodes = list(nodes)
        if nodes:
            seen.append(nodes)
        update_nodes(self, nodes, animate)

    monkeypatch.setattr(Stylesheet, "update_nodes", spy)
    return seen


async def test_a_widget_is_styled_as_it_mounts_and_again_only_when_its_classes_change(
    tmp_path: Path, restyled: list[list[DOMNode]]
) -> None:
    app = open_app(tmp_path, section="communication")
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: app.screen.query("#nav-next"), "the section's screen")
        # The buttons' constructors set their compact and variant classes: none of
        # them was restyled for it, yet each has its classes and the looks they give.
        buttons = {str(button.id) for button in app.screen.query(Button)}
        assert len(buttons) > 10
        assert not buttons.intersection(str(nodes[0].id) for nodes in restyled)
        after = app.screen.query_one("#nav-next", Button)
        assert after.has_class("-textual-compact", "-style-default", "-primary")
        height = after.styles.height
        assert height is not None and height.value == 1  # compact: one line, no border
        # A class changed once it is in the app restyles it, as Textual does.
        back = app.screen.query_one("#nav-back", Button)
        plain = back.styles.background
        back.add_class("-primary")
        assert restyled[-1][0] is back
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


SECTION_STEPS = [step.name for step in STEPS if step.name != "review"]


def _given_ahead(*more: type[DOMNode]) -> dict[CSSLocation, int]:
    """The default CSS sources `STYLED_AHEAD` (and `more`) give a stylesheet, with their
    tie-breakers."""
    stylesheet = Stylesheet()
    style_ahead(cast(Any, SimpleNamespace(stylesheet=stylesheet)), (*STYLED_AHEAD, *more))
    return {where: source.tie_breaker for where, source in stylesheet.source.items()}


@pytest.mark.parametrize("step", SECTION_STEPS)
async def test_a_section_screens_widgets_are_styled_from_css_given_before_it_mounted(
    tmp_path: Path, step: str
) -> None:
    """Trick 10: the stylesheet had the CSS of the screen's widgets from the start, with
    the tie-breakers they give it, so it was parsed once, not again as each new kind of
    widget mounted. Left out: Textual's system widgets (toasts, tooltip) and the widget
    classes of the screen's own module, given with the screen."""
    data = tomllib.loads(EXAMPLE_PATH.read_text(encoding="utf-8"))
    app = open_app(tmp_path, data, section=step)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: app.screen.query("#nav-next"), "the step's screen")
        screen = app.screen
        shown = {
            type(widget)
            for widget in screen.walk_children()
            if not widget.has_class("-textual-system")
        }
        own = {cls for cls in shown if cls.__module__ == type(screen).__module__}
        given = _given_ahead(*own)
        names = {
            base.__name__
            for widget_class in shown - own
            for base in widget_class.__mro__
            if "DEFAULT_CSS" in vars(base)
        }
        sources = app.stylesheet.source
        late = sorted(
            where[1]
            for where, source in sources.items()
            if source.is_defaults
            and where[1].removesuffix(".DEFAULT_CSS") in names
            and where not in given
        )
        assert late == [], f"add the classes of {late} to screens.base.STYLED_AHEAD"
        lowered = sorted(
            where[1]
            for where, tie_breaker in given.items()
            if where in sources and sources[where].tie_breaker != tie_breaker
        )
        assert lowered == [], f"parsed again with another tie-breaker: {lowered}"


async def test_an_empty_lists_form_mounts_disabled_and_is_enabled_by_its_first_entry(
    tmp_path: Path, restyled: list[list[DOMNode]]
) -> None:
    """The form of a list with no entry is made unbound and disabled: nothing in it is
    restyled as the screen mounts (disabling it once mounted restyled every widget in
    it); Add binds it to the new entry and enables it."""
    app = open_app(tmp_path, section="communication")
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: app.screen.query("#nav-next"), "the section's screen")
        editor = app.screen.query_one("#communication-traits", ListEditor)
        form = editor.query_one(".list-form")
        rows = list(form.query(FieldRow))
        assert rows and all(row.disabled and row.data_path is None for row in rows)
        assert not [node for nodes in restyled for node in nodes if form in (node, *node.ancestors)]
        editor.add_entry()
        await wait_for(pilot, lambda: not rows[0].disabled, "the form enabled")
        assert rows[0].data_path == "communication.traits[0].is"
        assert app.focused is rows[0].editor
