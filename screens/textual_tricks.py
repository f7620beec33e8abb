"""Every call the wizard makes into Textual's private parts, each kept because a target of
`make bench` fails without it. Checked against Textual `CHECKED_WITH`.

`tests/unit/test_textual_tricks.py` fails when the installed Textual is another version
(or a private name below went away): then run `make bench` with and without each trick
(bench/README.md, "Tricks") and set `CHECKED_WITH` once every target holds. Everything
else in the wizard uses Textual's public API.

1. `mount_ahead` — `App._get_screen`: mounts an installed screen without showing it, as
   `push_screen` and `switch_screen` do before they show one; no public call mounts a
   screen off-screen. The next step's screen is built while the author reads the
   current one: without it, a first visit of a step composes, mounts and styles a
   hundred widgets while the author waits.
2. `lay_out_ahead` — `Screen._refresh_layout`, `Screen._layout_required` and
   `Screen._compositor`: the layout and drawing a screen gets when shown; no public call
   lays out a screen that is not shown. Done ahead, the first showing finds the screen
   at its size and only composes the frame.
3. (none now: the page header is the wizard's own widget, `screens.widgets.header`;
   Textual's, whose title watcher failed on a header being taken down, is not used.)
4. `CurrentScreenQueries._get_dom_base` — queries made on the app search the current
   screen (Textual searches its default screen, but every page here is a screen of its
   own). Not for speed: so that `app.query_one("#document-company")` finds the field.
5. `AltPrefixParser` — replaces `XTermParser._sequence_to_key_events`, and
   `use_alt_prefix_keys` puts it in place of `XTermParser` in the driver's module (the
   driver makes its parser itself; no public call gives it another). Not for speed:
   so that `alt+0` … `alt+9` and `alt+r` work in terminals that send Alt as an escape
   prefix (tmux, the Linux console, xterm and most others without the kitty keyboard
   protocol), and that an Alt key never types into a field. Textual reads `ESC 2` as
   "™" (a table meant for WezTerm on macOS), holds `ESC r` back until the next key or
   the escape delay, then delivers `alt+r` carrying the character "r", which a focused
   field types; when another key comes first, the field gets "^r".
6. `TolerantSelect._on_mount` — `Select._on_mount` runs only while the select still
   holds its list (`textual.widgets._select.SelectOverlay`). Needed by 1, as 3 is: when
   the app closes while a screen built ahead is being mounted, Textual's mount looked
   for the list after it was removed and raised `NoMatches`, failing the app.
7. `SteadyLinuxDriver._sigcont_application` and `SteadyWriterThread` (put in place of
   `WriterThread` in the driver's module by `steady_driver`) — not for speed: so that a
   wizard whose terminal closes ends, and releases its lock. When a terminal hangs up,
   the kernel sends its program SIGHUP *and* SIGCONT. Textual answers every SIGCONT by
   starting the terminal again (meant for `fg` after Ctrl+Z): a second writer thread
   and a second key reader, the first ones left running. The new writer's first write
   to the closed terminal raised, its thread died, its queue (30 writes) filled, and
   the next write — the shutdown's — waited for it for ever: the wizard stayed, holding
   the policy's lock (seen about once in twelve closes on a loaded machine). Here a
   SIGCONT resumes only after the driver's own suspension (`_must_signal_resume`, set
   by its SIGTSTP handler), and a writer that cannot write (`OSError`, `ValueError` on
   a closed file) keeps taking what is queued, writing nothing, until it is stopped.
8. `SteadyTabbedContent._on_tab_pane_focused` — not for speed: a widget focused in a
   pane whose tab is not mounted yet (the review opened at once, its first list given
   the focus while its tab row was still being built) made Textual's `TabbedContent`
   show that pane by a tab id it could not find yet: `ValueError`, the wizard gone.
   Here the pane is shown once its tab is there; until then the tabs stay as they are.
9. `resize_changes_nothing` — `Screen._compositor` (its size): a step's screen told it
   has the size it was last laid out at (Textual sends that to a screen shown for the
   first time, after its first layout, and the app forwards the terminal's size once
   it starts) lays nothing out again. Textual laid the whole screen out and drew it
   once more for each: two of the first screen's layouts.
10. `style_ahead` — `DOMNode._get_default_css` and `DOMNode._css_bases`: the default CSS
   of the widgets a step's screen is made of goes into the app's stylesheet before
   anything is styled (no public call gives a widget class's CSS without mounting one
   of it). Textual adds a class's CSS when its first widget mounts and parses the
   stylesheet again, from its cache but for a source whose tie-breaker changed: a
   subclass gives its bases' rules a lower one, so Button's 57 rules, parsed when the
   first Button mounted, were parsed again when the first `ControlButton` did. The
   communication screen parsed its stylesheet in 16 passes, 13 sources twice (6.6 of
   22.7 ms of parsing); given all at once, each source is parsed once.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from contextlib import suppress
from typing import Any, TypeVar, cast

from textual import events
from textual._ansi_sequences import ANSI_SEQUENCES_KEYS
from textual._xterm_parser import XTermParser
from textual.app import App
from textual.css.query import NoMatches
from textual.dom import DOMNode
from textual.drivers import linux_driver
from textual.drivers._writer_thread import WriterThread
from textual.drivers.linux_driver import LinuxDriver
from textual.events import Mount
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Select, TabbedContent, TabPane
from textual.widgets._select import NonSelectableStatic, SelectCurrent, SelectOverlay

CHECKED_WITH = "8.2.8"
"""The Textual version these tricks were measured with (`make bench`, bench/README.md)."""

PRIVATE_NAMES: tuple[tuple[type[Any], str], ...] = (
    (App, "_get_screen"),
    (App, "_get_dom_base"),
    (Screen, "_refresh_layout"),
    (Screen, "_compositor"),
    (Screen, "_layout_required"),
    (Widget, "_on_mount"),
    (Select, "_on_mount"),
    (XTermParser, "_sequence_to_key_events"),
    (LinuxDriver, "_sigcont_application"),
    (TabbedContent, "_on_tab_pane_focused"),
    (DOMNode, "_get_default_css"),
    (DOMNode, "_css_bases"),
)
"""The private names used here, by the class that defines them."""

PRIVATE_INSTANCE_NAMES: tuple[tuple[type[Any], str], ...] = (
    (LinuxDriver, "_must_signal_resume"),
    (WriterThread, "_queue"),
    (WriterThread, "_file"),
)
"""The private attributes used here that the class's constructor sets."""


def mount_ahead(app: App[Any], screen: Screen[Any]) -> None:
    """Mount `screen`, installed with `app.install_screen`, without showing it."""
    app._get_screen(screen)


def lay_out_ahead(screen: Screen[Any], size: Any) -> bool:
    """One layout pass of `screen`, not shown, at `size` (the app's); True once it has
    settled: then it is drawn once, unseen, so that each widget keeps its lines for the
    first showing (which composes them into the frame) and no further pass is needed.

    Call again after the next refresh while it returns False: the widgets' answers to
    one pass (resize and show events) ask for the next.
    """
    if screen.outer_size == size and not screen._layout_required:
        screen._compositor.render_update(full=True)
        return True
    screen._layout_required = False
    screen._refresh_layout(size)
    return False


def resize_changes_nothing(screen: Screen[Any], event: events.Resize) -> bool:
    """True when `event` would lay `screen` out again at the size it was last laid out
    at; then Textual's handling (another full layout and frame) is prevented (trick 9).
    A change that asks for a layout still gets one: it asks for it itself."""
    size = screen._compositor.size
    if not size or event.size != size:
        return False
    event.prevent_default()
    return True


class _CssBases:
    """Stands in for a widget of `widget_class` where Textual reads only its CSS bases."""

    def __init__(self, widget_class: type[DOMNode]) -> None:
        self._node_bases = DOMNode._css_bases(widget_class)


SELECT_PARTS: tuple[type[Widget], ...] = (SelectCurrent, NonSelectableStatic, SelectOverlay)
"""The widgets a `Select` is made of (Textual's private module defines them)."""


def style_ahead(app: App[Any], widget_classes: Iterable[type[DOMNode]]) -> None:
    """Add the default CSS of `widget_classes`, and of the classes each inherits CSS
    from, to `app`'s stylesheet, with the tie-breakers their widgets would give it
    (trick 10). Call it before anything is styled (`on_load`)."""
    stylesheet = app.stylesheet
    for widget_class in widget_classes:
        sources = DOMNode._get_default_css(cast(DOMNode, _CssBases(widget_class)))
        for read_from, css, tie_breaker, scope in sources:
            stylesheet.add_source(
                css, read_from=read_from, is_default_css=True, tie_breaker=tie_breaker, scope=scope
            )


class TolerantSelect(Select[str]):
    """Textual's `Select` whose mount does nothing once its children are gone.

    A screen built ahead (`mount_ahead`) can be taken down, the app closing, after its
    widgets are removed but before a `Select`'s mount has run; Textual's `Select`
    then looks for its list (`SelectOverlay`), finds none and fails the app.
    """

    def _on_mount(self, event: Mount) -> None:
        # Textual calls the `_on_mount` of every class of the widget in turn: this one
        # first, then `Select`'s, unless the default is prevented.
        if not self.query(SelectOverlay):  # being taken down: nobody will open it
            event.prevent_default()
            Widget._on_mount(self, event)


class SteadyTabbedContent(TabbedContent):
    """Textual's `TabbedContent`, which shows a pane whose widget took the focus only
    once the pane's tab is mounted (trick 8)."""

    TAB_WAIT_REFRESHES = 20
    """How many refreshes to wait for a pane's tab before leaving the tabs as they are."""

    def _on_tab_pane_focused(self, event: TabPane.Focused) -> None:
        # Textual's handler (run after this one unless prevented) makes the pane active
        # by its tab's id, which fails while the tab is not mounted.
        pane = event.tab_pane.id
        if pane is not None and not self._has_tab(pane):
            event.stop()
            event.prevent_default()
            self.call_after_refresh(self._show_when_tab_is_there, pane, self.TAB_WAIT_REFRESHES)

    def _has_tab(self, pane: str) -> bool:
        try:
            self.get_tab(pane)
        except NoMatches:
            return False
        return True

    def _show_when_tab_is_there(self, pane: str, refreshes: int) -> None:
        if not self.is_attached or refreshes <= 0:
            return
        if self._has_tab(pane):
            self.active = pane
        else:
            self.call_after_refresh(self._show_when_tab_is_there, pane, refreshes - 1)


_Return = TypeVar("_Return")


class CurrentScreenQueries(App[_Return]):
    """An app whose own queries (`app.query_one(...)`) search the current screen."""

    def _get_dom_base(self) -> DOMNode:
        return self.screen


# -- Alt as an escape prefix ----------------------------------------------------------------
ESC = "\x1b"


def alt_prefix_key(sequence: str) -> str | None:
    """The Alt key that `sequence` is in a terminal sending Alt as an escape prefix, or
    None: `ESC 2` is `alt+2`, `ESC r` is `alt+r`, `ESC к` (Alt+R in a Ukrainian
    layout) is `alt+к`.

    Only an ASCII digit or a lower-case letter (of any alphabet) after the escape: upper
    case `O` and `P`, `[`, `]`, `_` and `^` begin the terminal's own sequences, and the
    few letters Textual reads as keys of their own (`ESC f`, `ESC b`: a word right and
    left, as in iTerm's natural editing) keep their meaning.
    """
    if len(sequence) != 2 or sequence[0] != ESC:
        return None
    character = sequence[1]
    if character.isascii() and character.isdigit():
        return f"alt+{character}"
    if character.isalpha() and character.islower() and sequence not in ANSI_SEQUENCES_KEYS:
        return f"alt+{character}"
    return None


class AltPrefixParser(XTermParser):
    """Textual's parser of terminal input, reading Alt sent as an escape prefix."""

    def _sequence_to_key_events(self, sequence: str, alt: bool = False) -> Iterable[events.Key]:
        # `ESC 2` and the like are keys as soon as they arrive: Textual would read
        # `ESC 2` as "™", and wait for more after `ESC r`.
        key = alt_prefix_key(sequence)
        if key is not None:
            yield events.Key(key, None)
            return
        for event in super()._sequence_to_key_events(sequence, alt):
            if alt and event.key.startswith("alt+") and event.character is not None:
                # An escape followed by a character, delivered after the escape delay:
                # an Alt key carries no character, so that no field types it.
                yield events.Key(event.key, None)
            else:
                yield event


def use_alt_prefix_keys(driver: type[Any]) -> None:
    """Make `driver` (a Textual driver class) read its terminal with `AltPrefixParser`.

    The driver makes its parser from the name `XTermParser` in its own module; drivers
    that read no terminal (the headless driver of tests) are left as they are.
    """
    module = sys.modules.get(driver.__module__)
    if module is not None and getattr(module, "XTermParser", None) is XTermParser:
        module.XTermParser = AltPrefixParser  # type: ignore[attr-defined]


class SteadyWriterThread(WriterThread):
    """Textual's writer thread, which outlives a terminal that is gone: a write or flush
    that fails stops the writing, not the thread, which keeps taking what is queued
    (so that no `write`, and not the shutdown's `stop`, waits on a full queue)."""

    def run(self) -> None:
        queue, file = self._queue, self._file
        writing = True
        while True:
            text = queue.get()
            if text is None:
                break
            if not writing:
                continue
            try:
                file.write(text)
                if queue.qsize() == 0:
                    file.flush()
            except (OSError, ValueError):
                writing = False  # the terminal is gone: nothing more can reach it
        if writing:
            with suppress(OSError, ValueError):
                file.flush()


class SteadyLinuxDriver(LinuxDriver):
    """Textual's driver for Linux and macOS terminals, resuming on SIGCONT only after it
    suspended itself (Ctrl+Z, then `fg`): a SIGCONT of a terminal hanging up, or sent by
    anyone else, leaves the running app alone."""

    def _sigcont_application(self, *args: Any) -> None:
        if self._must_signal_resume:
            super()._sigcont_application(*args)


def steady_driver(driver: type[Any]) -> type[Any]:
    """The driver to run the app with in place of `driver` (Textual's choice): its
    steady form for Linux and macOS terminals, whose writer thread is then a
    `SteadyWriterThread`; any other driver (the headless one of tests) as it is."""
    if driver is not LinuxDriver:
        return driver
    if getattr(linux_driver, "WriterThread", None) is WriterThread:
        linux_driver.WriterThread = SteadyWriterThread  # type: ignore[attr-defined]
    return SteadyLinuxDriver
