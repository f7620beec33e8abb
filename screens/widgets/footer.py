"""The footer: the keys that matter first, in the interface language, never cut off.

`CatalogueFooter` replaces Textual's `Footer` composition:

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
- the footer is rebuilt only when what it shows changes: a Tab between two fields
  with the same keys costs nothing here.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.cells import cell_len
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.dom import NoScreen
from textual.screen import Screen, SystemModalScreen
from textual.widget import Widget
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

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


def _action_name(action: str) -> str:
    return action.removeprefix("app.").removeprefix("screen.")


def _rank(item: Shown, position: int) -> tuple[int, int]:
    name = _action_name(item.action)
    if name in FIRST_ACTIONS:
        return (0, FIRST_ACTIONS.index(name))
    return (1, position)


class CatalogueFooter(Footer):
    """The wizard's footer (see the module's docstring)."""

    DEFAULT_CSS = """
    CatalogueFooter FooterKey.-command-palette {
        margin-right: 0;
    }
    """

    def __init__(self) -> None:
        super().__init__(compact=True)
        self._layout: Layout | None = None
        """What the footer shows (set when composed)."""
        self._rebuilding = False
        self._stale = False

    # -- what to show ---------------------------------------------------------------
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
        if self.show_command_palette and self.app.ENABLE_COMMAND_PALETTE and palette_key in active:
            _node, binding, enabled, tooltip = active[palette_key]
            palette = self._shown(binding.key, binding, enabled, tooltip or binding.tooltip)
        room = self._width() - (palette.width if palette is not None else 0)
        return Layout(tuple(_fitting(items, room)), palette)

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

    # -- composition ----------------------------------------------------------------
    def compose(self) -> ComposeResult:
        # Unlike Textual's Footer this does not wait for the first bindings change: the
        # wizard's keys show with the screen, not a moment later.
        layout = self._layout = self.layout_now()
        # The keys' class of the compact style, given with them: bound to the footer's
        # `compact`, each set it as it mounted, restyling itself.
        compact = "-compact" if self.compact else ""
        for item in layout.keys:
            yield FooterKey(
                item.key,
                item.display,
                item.description,
                item.action,
                classes=compact,
                disabled=not item.enabled,
                tooltip=item.tooltip or item.description,
            ).data_bind(compact=Footer.compact)
        if layout.palette is not None:
            item = layout.palette
            yield FooterKey(
                item.key,
                item.display,
                item.description,
                item.action,
                classes=f"-command-palette {compact}",
                disabled=not item.enabled,
                tooltip=item.tooltip or item.description,
            ).data_bind(compact=Footer.compact)

    def _update(self) -> None:
        """Rebuild when what the footer shows has changed, and only then.

        Only the footer of the screen on top is rebuilt (the others catch up when
        their screen is on top again), and one rebuild at a time.
        """
        if not self.is_attached or not self._bindings_ready or self.app.screen is not self.screen:
            return
        if self._rebuilding:
            self._stale = True
            return
        if self._layout is not None and self.layout_now() == self._layout:
            return
        self._rebuilding = True
        self.call_after_refresh(self._rebuild)

    async def _rebuild(self) -> None:
        try:
            # A footer whose screen was left meanwhile keeps what it shows: it catches
            # up when its screen is on top again (else leaving the review rebuilt its
            # footer with the next step's keys, and every return rebuilt it again).
            if self.app.screen is self.screen:
                await self.recompose()
        finally:
            self._rebuilding = False
        if self._stale:
            self._stale = False
            self._update()

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
        self.app.screen_change_signal.subscribe(self, self._screen_changed)

    def on_unmount(self) -> None:
        self.app.screen_change_signal.unsubscribe(self)

    def on_resize(self, event: events.Resize) -> None:
        if self._bindings_ready:
            self._update()


FOOTER_PARTS: tuple[type[Widget], ...] = (CatalogueFooter, FooterKey)
"""The footer's widget classes (styled ahead: `screens.base.STYLED_AHEAD`)."""


def add_to_dialog(dialog: Screen[object]) -> None:
    """Give `dialog` (a modal screen) a footer showing its keys, unless it has one."""
    if dialog.is_attached and not dialog.query(Footer):
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
