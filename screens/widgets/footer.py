"""The footer: the keys that matter first, in the interface language, never cut off.

`CatalogueFooter` draws, in one widget, the line Textual's `Footer` draws with a widget
per key (each shown widget costs the first screen about a millisecond):

- binding descriptions are catalogue keys (`"key.save"` -> "Save"); Textual's own
  descriptions ("palette") have catalogue keys of their own here;
- the wizard's keys come first in a fixed order (Save, Back, Next, Review, Help,
  Quit), then the keys of the focused widget (a list's Add, Remove, Move); the
  command palette key sits at the right edge;
- keys that do not fit the width are left out, the focused widget's first, then the
  wizard's in `GIVE_WAY` order, Quit last (the help screen and the help line of each
  list explain them), so nothing is cut off and Quit stays at 60 columns;
- "move up" and "move down" share one label (`alt+↑ alt+↓ Move`);
- a dialog opened over the screen gets a footer of its own (`add_to_dialog`),
  showing the dialog's keys instead of the screen's, which do nothing there;
- the footer is drawn again only when what it shows changes: a Tab between two
  fields with the same keys costs nothing here;
- as in Textual's, a click on a key presses it and the pointer over a key shows its
  tooltip.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.dom import NoScreen
from textual.screen import Screen, SystemModalScreen
from textual.widget import Widget

from wizard.core.i18n import has, t

FIRST_ACTIONS: tuple[str, ...] = ("save", "previous", "next", "review", "help", "quit")
"""The wizard's own keys, always shown first and in this order."""

GIVE_WAY: tuple[str, ...] = ("review", "next", "previous", "help", "save", "quit")
"""The order in which the wizard's keys leave a footer too narrow for all of them: Next,
Back and Review have buttons and the sidebar too; Quit goes last."""

TEXTUAL_DESCRIPTIONS: dict[str, str] = {
    "palette": "key.palette",
    "Dismiss menu": "key.dismiss_menu",  # a Select's open list
}
"""Descriptions Textual gives its own bindings -> catalogue keys. A binding whose
description is neither a catalogue key nor named here is not shown: the footer never
shows a word the catalogue does not give."""

KEY_DISPLAYS: dict[str, str] = {"insert": "ins", "delete": "del", "f1": "F1"}
"""Shorter or clearer displays of some keys."""

MOVE_PAIR = ("key.move_up", "key.move_down")
"""Descriptions of the two keys shown together under the label `key.move`."""


@dataclass(frozen=True)
class Shown:
    """One key as the footer shows it."""

    key: str
    display: str
    description: str
    action: str
    enabled: bool
    tooltip: str
    label_key: str = ""
    """The catalogue key of the description (before translation)."""

    @property
    def width(self) -> int:
        """Cells taken in the compact footer: key, space, description, gap."""
        text = self.display + (f" {self.description}" if self.description else "")
        return cell_len(text) + 1


@dataclass(frozen=True)
class Layout:
    """What the footer shows: the keys from the left and the palette key at the right."""

    keys: tuple[Shown, ...]
    palette: Shown | None
    width: int
    """The footer's width the keys were fitted to."""


def _action_name(action: str) -> str:
    return action.removeprefix("app.").removeprefix("screen.")


def _rank(item: Shown, position: int) -> tuple[int, int]:
    name = _action_name(item.action)
    if name in FIRST_ACTIONS:
        return (0, FIRST_ACTIONS.index(name))
    return (1, position)


class CatalogueFooter(Widget, can_focus=False):
    """The wizard's footer (see the module's docstring): one widget drawing the line
    Textual's footer drew with a widget per key."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "footer-key--key",
        "footer-key--description",
        "footer-key--hover",
        "footer-key--separator",
    }
    DEFAULT_CSS = """
    CatalogueFooter {
        dock: bottom;
        height: 1;
        width: 1fr;
        color: $footer-foreground;
        background: $footer-background;
        text-wrap: nowrap;
        text-overflow: clip;
        .footer-key--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        .footer-key--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        .footer-key--hover {
            background: $block-hover-background;
        }
        .footer-key--separator {
            color: $foreground 20%;
        }
    }
    """

    def __init__(self) -> None:
        super().__init__()
        self._layout: Layout | None = None
        """What the footer shows (set when mounted)."""
        self._bindings_ready = False
        self._hovered: Shown | None = None
        self._spans: list[tuple[int, int, Shown]] = []
        """Where each key is drawn: first cell, the cell after its last, the key."""

    # -- what to show ---------------------------------------------------------------
    @property
    def shown(self) -> tuple[Shown, ...]:
        """The keys shown, from the left, the palette's last."""
        layout = self._layout
        if layout is None:
            return ()
        return (*layout.keys, *(() if layout.palette is None else (layout.palette,)))

    def spans(self) -> list[tuple[int, int]]:
        """The cells each key of `shown` takes, as drawn last: (first, after its last);
        the palette key's begin with the bar before it, which a click presses too."""
        return [(start, end) for start, end, _item in self._spans]

    def _width(self) -> int:
        return self.size.width or self.app.size.width

    def layout_now(self) -> Layout:
        """The keys to show for the current bindings and width."""
        active = self.screen.active_bindings
        palette_key = self.app.COMMAND_PALETTE_BINDING
        seen: set[str] = set()
        items: list[Shown] = []
        for key, (_node, binding, enabled, tooltip) in active.items():
            if not binding.show or binding.action in seen or key == palette_key:
                continue
            if not _known(binding.description):
                continue  # a binding of Textual's that the catalogue has no words for
            seen.add(binding.action)
            items.append(self._shown(binding.key, binding, enabled, tooltip))
        items = [
            item for _, item in sorted(enumerate(items), key=lambda pair: _rank(pair[1], pair[0]))
        ]
        items = self._pair_moves(items)
        palette: Shown | None = None
        if self.app.ENABLE_COMMAND_PALETTE and palette_key in active:
            _node, binding, enabled, tooltip = active[palette_key]
            palette = self._shown(binding.key, binding, enabled, tooltip or binding.tooltip)
        width = self._width()
        room = width - (palette.width if palette is not None else 0)
        return Layout(tuple(_fitting(items, room)), palette, width)

    def _shown(self, key: str, binding: Binding, enabled: bool, tooltip: str) -> Shown:
        description = TEXTUAL_DESCRIPTIONS.get(binding.description, binding.description)
        display = KEY_DISPLAYS.get(key, self.app.get_key_display(binding))
        return Shown(
            key=key,
            display=display,
            description=t(description) if description else "",
            action=binding.action,
            enabled=enabled,
            tooltip=t(tooltip) if _known(tooltip) and tooltip else "",
            label_key=description,
        )

    @staticmethod
    def _pair_moves(items: list[Shown]) -> list[Shown]:
        """Show move up / move down as two keys and one label (`alt+↑ alt+↓ Move`)."""
        up = next((item for item in items if item.label_key == MOVE_PAIR[0]), None)
        down = next((item for item in items if item.label_key == MOVE_PAIR[1]), None)
        if up is None or down is None:
            return items
        paired: list[Shown] = []
        for item in items:
            if item is up:
                paired.append(_relabel(up, ""))
                paired.append(_relabel(down, t("key.move")))
            elif item is not down:
                paired.append(item)
        return paired

    # -- drawing --------------------------------------------------------------------
    def render(self) -> Text:
        """The keys from the left, a cell apart; the palette's at the right edge after a
        thin bar. A disabled key is dimmed; the one under the pointer is highlighted."""
        width = self._width()
        if self._layout is not None and width != self._layout.width:
            # Resized: fitted in the frame that draws the new width, so that no frame
            # shows the keys that fitted the old width cut off.
            self._layout = self.layout_now()
            self._forget_hover()
        layout = self._layout
        line = Text(no_wrap=True, overflow="crop", end="")
        self._spans = []
        if layout is None:
            return line
        key_style = self.get_component_rich_style("footer-key--key")
        description_style = self.get_component_rich_style("footer-key--description")
        hover_style = Style(bgcolor=self.get_component_rich_style("footer-key--hover").bgcolor)
        for item in layout.keys:
            start = line.cell_len
            self._draw_key(line, item, key_style, description_style, hover_style)
            self._spans.append((start, line.cell_len, item))
            line.append(" ")
        if layout.palette is not None:
            item = layout.palette
            drawn = item.width - 1  # its key and description, without the gap
            line.truncate(max(0, width - drawn - 1), pad=True)
            start = line.cell_len
            line.append("▏", self.get_component_rich_style("footer-key--separator"))
            self._draw_key(line, item, key_style, description_style, hover_style)
            self._spans.append((start, line.cell_len, item))
        line.truncate(width, pad=True)
        line.stylize_before(self.rich_style)
        return line

    def _draw_key(
        self, line: Text, item: Shown, key_style: Style, description_style: Style, hover: Style
    ) -> None:
        extra = Style(dim=True) if not item.enabled else Style()
        if item == self._hovered:  # a disabled key too, as Textual's (a click rings)
            key_style, description_style = key_style + hover, description_style + hover
        line.append(item.display, key_style + extra)
        if item.description:
            line.append(f" {item.description}", description_style + extra)

    def _item_at(self, x: int) -> Shown | None:
        return next((item for start, end, item in self._spans if start <= x < end), None)

    # -- the mouse ------------------------------------------------------------------
    def on_mouse_move(self, event: events.MouseMove) -> None:
        self._hover(self._item_at(event.x))

    def on_leave(self, event: events.Leave) -> None:
        self._hover(None)

    def _hover(self, item: Shown | None) -> None:
        """Highlight `item` (None: no key), with its tooltip and the pointer of a link."""
        if item == self._hovered:
            return
        self._hovered = item
        self.tooltip = None if item is None else (item.tooltip or item.description)
        self.styles.pointer = "default" if item is None else "pointer"
        if self.is_attached and self.screen.is_current:
            self.screen.update_pointer_shape()
        self.refresh()

    def _forget_hover(self) -> None:
        """The keys moved: none is under the pointer until it moves again."""
        if self._hovered is not None:
            self._hovered = None
            self.tooltip = None
            self.styles.pointer = "default"

    def on_mouse_down(self, event: events.MouseDown) -> None:
        """A click on a key presses it (a disabled key rings the bell), as Textual's."""
        item = self._item_at(event.x)
        if item is None:
            return
        if item.enabled:
            self.app.simulate_key(item.key)
        else:
            self.app.bell()

    # -- keeping up with the bindings -------------------------------------------------
    def _update(self) -> None:
        """Draw the footer again when what it shows has changed, and only then.

        Only the footer of the screen on top follows its bindings (the others catch up
        when their screen is on top again)."""
        if not self.is_attached or not self._bindings_ready or self.app.screen is not self.screen:
            return
        layout = self.layout_now()
        if layout != self._layout:
            self._layout = layout
            self._forget_hover()
            self.refresh()

    def _own_screen(self) -> Screen[object] | None:
        """The footer's screen, or None while it has none (being taken down)."""
        try:
            return self.screen
        except NoScreen:
            return None

    def bindings_changed(self, screen: Screen[object]) -> None:
        """Textual calls this when the bindings of the footer's screen change (also
        while the footer is being taken down: then there is nothing to update)."""
        self._bindings_ready = True
        if screen.app.app_focus and screen is self._own_screen():
            self._update()

    def _screen_changed(self, screen: Screen[object]) -> None:
        """A screen was pushed, popped or switched: catch up when ours is on top again;
        a dialog over ours gets a footer of its own."""
        top, own = self.app.screen, self._own_screen()
        if own is None:
            return
        if top is own:
            self._update()
        elif (
            top.is_modal
            and not isinstance(top, SystemModalScreen)
            and not own.is_modal
            and own in self.app.screen_stack
        ):
            top.call_after_refresh(add_to_dialog, top)

    def on_mount(self) -> None:
        # Unlike Textual's footer this does not wait for the first bindings change: the
        # wizard's keys show with the screen, not a moment later.
        self._layout = self.layout_now()
        screen = self.screen
        screen.bindings_updated_signal.subscribe(self, self.bindings_changed)
        self.app.screen_change_signal.subscribe(self, self._screen_changed)

    def on_unmount(self) -> None:
        self.app.screen_change_signal.unsubscribe(self)
        screen = self._own_screen()
        if screen is not None:
            screen.bindings_updated_signal.unsubscribe(self)


def add_to_dialog(dialog: Screen[object]) -> None:
    """Give `dialog` (a modal screen) a footer showing its keys, unless it has one."""
    if dialog.is_attached and not dialog.query(CatalogueFooter):
        footer = CatalogueFooter()
        dialog.mount(footer)
        # The dialog announced its keys before the footer was there: show them now.
        footer.call_after_refresh(footer.bindings_changed, dialog)


def _known(description: str) -> bool:
    """Whether the footer has words for a binding's description: none at all, or a
    catalogue key (directly or through `TEXTUAL_DESCRIPTIONS`)."""
    return not description or has(TEXTUAL_DESCRIPTIONS.get(description, description))


def _fitting(items: list[Shown], room: int) -> list[Shown]:
    """The keys that fit in `room` cells, in their order: the focused widget's keys give
    way first (the last first), then the wizard's in `GIVE_WAY` order; Quit stays."""
    kept = list(items)
    while kept and sum(item.width for item in kept) > room:
        own = [i for i, item in enumerate(kept) if _action_name(item.action) not in FIRST_ACTIONS]
        if own:
            victim = own[-1]
        else:
            names = [_action_name(item.action) for item in kept]
            victim = min(range(len(kept)), key=lambda i: GIVE_WAY.index(names[i]))
        del kept[victim]
        if victim and not kept[victim - 1].description:
            del kept[victim - 1]  # the first of a pair says nothing without its label
    if kept and not kept[-1].description:
        kept.pop()
    return kept


def _relabel(item: Shown, description: str) -> Shown:
    return Shown(
        item.key, item.display, description, item.action, item.enabled, item.tooltip, item.label_key
    )
