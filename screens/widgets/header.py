"""The header: Textual's `Header`, whose title survives the header being taken down.

Textual's `Header` watches the app's and the screen's title and, on a change, puts it
into its `HeaderTitle` child. When the app closes while a screen built ahead is still
being mounted (`PresenceApp._prepare_next`), a watcher queued at the header's mount
may run after the child was removed, and Textual's header raised `NoMatches` from the
shutdown. `PageHeader` registers the same watchers, and a header that has lost its
title has nothing to update.
"""

from __future__ import annotations

from contextlib import suppress

from textual.css.query import NoMatches
from textual.dom import NoScreen
from textual.events import Mount
from textual.widget import Widget
from textual.widgets import Header, Static

__all__ = ["PageHeader"]


class PageHeader(Header):
    """`Header` for the wizard's pages (`show_clock=False`, the icon ≡)."""

    def __init__(self) -> None:
        super().__init__(show_clock=False, icon="≡")

    def _on_mount(self, event: Mount) -> None:
        # Replaces `Header._on_mount` (the same four watchers, a tolerant update);
        # `Widget._on_mount` below it still runs.
        event.prevent_default()
        Widget._on_mount(self, event)
        self.watch(self.app, "title", self._show_title)
        self.watch(self.app, "sub_title", self._show_title)
        self.watch(self.screen, "title", self._show_title)
        self.watch(self.screen, "sub_title", self._show_title)

    def _show_title(self) -> None:
        with suppress(NoMatches, NoScreen):  # being taken down: nobody will see it
            self.query_one("HeaderTitle", Static).update(self.format_title())
