"""The width classes of a step's screen (`-narrow` below 70 columns, `-wide` from 70):
given before its widgets mount, kept right when the terminal is resized."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widget import Widget

from screens.base import NARROW, StepScreen
from tests.app.conftest import open_app, wait_for


def _classes(screen: object) -> set[str]:
    assert isinstance(screen, StepScreen)
    return {name for name in ("-narrow", "-wide") if screen.has_class(name)}


@pytest.mark.parametrize(
    ("width", "expected"), [(60, "-narrow"), (NARROW, "-wide"), (100, "-wide")]
)
async def test_a_screen_has_its_width_class_from_the_start(
    tmp_path: Path, width: int, expected: str
) -> None:
    app = open_app(tmp_path, section="communication")
    async with app.run_test(size=(width, 30)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, StepScreen), "the section's screen")
        assert _classes(app.screen) == {expected}
        sidebar = app.screen.query_one("#sidebar", Widget)
        assert sidebar.display == (expected == "-wide")


async def test_resizing_the_terminal_moves_the_screen_between_widths(tmp_path: Path) -> None:
    app = open_app(tmp_path, section="communication")
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, StepScreen), "the section's screen")
        await pilot.resize_terminal(60, 30)
        await wait_for(pilot, lambda: _classes(app.screen) == {"-narrow"}, "the narrow class")
        assert not app.screen.query_one("#sidebar", Widget).display
        await pilot.resize_terminal(90, 30)
        await wait_for(pilot, lambda: _classes(app.screen) == {"-wide"}, "the wide class")
        assert app.screen.query_one("#sidebar", Widget).display


async def test_a_resize_to_the_size_laid_out_lays_nothing_out_and_a_new_size_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from textual import events
    from textual.screen import Screen

    layouts: list[object] = []
    refresh_layout = Screen._refresh_layout

    def counted(screen: Screen[object], *args: object, **kwargs: object) -> None:
        layouts.append(screen)
        refresh_layout(screen, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Screen, "_refresh_layout", counted)
    app = open_app(tmp_path, section="communication")
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, StepScreen), "the section's screen")
        screen = app.screen
        body = screen.query_one("#body", Widget)
        await wait_for(pilot, lambda: body.size.width > 0, "the body laid out")
        wide = body.size.width
        await pilot.pause()
        before = layouts.count(screen)
        screen.post_message(events.Resize(app.size, app.size))
        await pilot.pause()
        assert layouts.count(screen) == before
        await pilot.resize_terminal(90, 30)
        await wait_for(pilot, lambda: body.size.width == wide - 10, "the body ten columns narrower")
        assert layouts.count(screen) > before
