"""Check boxes, radio buttons and tick lists whose state reads without colour.

Textual draws a ticked and an unticked box with the same mark (`X`, `●`) and tells
them apart by its colour alone: dark grey on grey when unticked. Without colours
(`NO_COLOR=1`: every colour turned to a grey, or to the terminal's own) the two look
the same, or nearly. Here, when the app has no colours, an unticked box or button
is drawn empty (`▐ ▌`) and a ticked one with its mark (`▐X▌`), so that the state
shows in the shape. With colours they look as Textual draws them.
"""

from __future__ import annotations

from typing import Any, TypeVar

from rich.segment import Segment
from textual.geometry import Size
from textual.strip import Strip
from textual.widgets import Checkbox, RadioButton, SelectionList

UNTICKED = " "
"""The inside of an unticked box or button when there are no colours."""

SelectionType = TypeVar("SelectionType")


def _show_mark(button: Checkbox | RadioButton, mark: str) -> None:
    """Draw `button` with `mark` inside when ticked, or with colours; else empty."""
    if not button.is_attached:
        return
    # This instance only: Textual reads BUTTON_INNER when it draws the button.
    button.BUTTON_INNER = mark if button.value or not button.app.no_color else UNTICKED
    button.refresh()


class MarkedCheckbox(Checkbox):
    """A `Checkbox` whose unticked box is empty without colours."""

    def on_mount(self) -> None:
        _show_mark(self, Checkbox.BUTTON_INNER)

    def watch_value(self) -> None:
        super().watch_value()
        _show_mark(self, Checkbox.BUTTON_INNER)


class MarkedRadioButton(RadioButton):
    """A `RadioButton` whose unpressed button is empty without colours, and as high as
    its label takes when its style lets it wrap (`text-wrap: wrap`)."""

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        # Textual's toggle buttons are one line high whatever their label: a style that
        # wraps it would cut the label off after its first line.
        if self.styles.text_wrap != "wrap" or width <= 0:
            return super().get_content_height(container, viewport, width)
        return max(1, len(self.render().wrap(width)))

    def on_mount(self) -> None:
        _show_mark(self, RadioButton.BUTTON_INNER)

    def watch_value(self) -> None:
        super().watch_value()
        _show_mark(self, RadioButton.BUTTON_INNER)


class MarkedSelectionList(SelectionList[SelectionType]):
    """A `SelectionList` whose unticked boxes are empty without colours."""

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        if not self.app.no_color:
            return strip
        segments = list(strip)
        # SelectionList draws each option as: left side, mark, right side, a space, text;
        # the mark's style carries the option's index.
        if len(segments) < 2:
            return strip
        mark = segments[1]
        index = _option_of(mark)
        if mark.text != Checkbox.BUTTON_INNER or index is None:  # Textual's tick mark
            return strip
        if self.get_option_at_index(index).value in self.selected:
            return strip
        segments[1] = Segment(UNTICKED, mark.style, mark.control)
        return Strip(segments, strip.cell_length)


def _option_of(segment: Segment) -> int | None:
    meta: dict[str, Any] = segment.style.meta if segment.style is not None else {}
    index = meta.get("option")
    return index if isinstance(index, int) else None


__all__ = ["MarkedCheckbox", "MarkedRadioButton", "MarkedSelectionList"]
