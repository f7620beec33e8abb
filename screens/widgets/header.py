"""The header of the wizard's pages: the icon ≡ (a click opens the command palette) and
the page's title, centred, drawn as Textual's `Header` draws them, by one widget.

Textual's header is four widgets (the header, its icon, its title and the clock's
place); each widget shown costs a screen's first showing some 3 ms. This one draws the
same line: the icon in the first `ICON_WIDTH` cells, the title centred between them
and the `RIGHT_WIDTH` cells Textual keeps for its clock. A title too long for its
room (a file deep in folders) loses its start, never the sub-title ("modified"), which
Textual's cut off. A title change redraws the line only when its text changes, and
never lays the screen out again.
"""

from __future__ import annotations

from rich.cells import cell_len
from textual.content import Content
from textual.events import Click
from textual.widget import Widget

__all__ = ["PageHeader"]


class PageHeader(Widget):
    """The line at the top of each page: ≡ and the title (`App.format_title`)."""

    DEFAULT_CSS = """
    PageHeader {
        dock: top;
        width: 100%;
        height: 1;
        background: $panel;
        color: $foreground;
    }
    """

    ICON = "≡"
    ICON_WIDTH = 8
    """The icon's cells, as Textual's (one of padding on each side of a 6-cell box)."""
    RIGHT_WIDTH = 10
    """The cells Textual's header keeps on the right for its clock: the title stays
    centred where it was."""

    def __init__(self) -> None:
        super().__init__()
        self._title = Content("")
        """The title line the watchers last heard: a change redraws only when it differs."""

    def on_mount(self) -> None:
        for node in (self.app, self.screen):
            self.watch(node, "title", self._show_title, init=False)
            self.watch(node, "sub_title", self._show_title, init=False)
        self._show_title()

    def _titles(self) -> tuple[str, str]:
        """The title and sub-title shown: the screen's own, else the app's."""
        screen, app = self.screen, self.app
        title = screen.title if screen.title is not None else app.title
        sub_title = screen.sub_title if screen.sub_title is not None else app.sub_title
        return title, sub_title

    def title_text(self, room: int | None = None) -> Content:
        """The title line (`App.format_title`); with `room`, a title (a file's path)
        too long for it loses its start, never the sub-title ("modified")."""
        title, sub_title = self._titles()
        shown = self.app.format_title(title, sub_title)
        if room is None or shown.cell_length <= room:
            return shown
        over = shown.cell_length - room + 1  # the cells to cut, and one for "…"
        while title and over > 0:
            over -= cell_len(title[0])
            title = title[1:]
        shown = self.app.format_title("…" + title, sub_title)
        return shown.truncate(room, ellipsis=True) if shown.cell_length > room else shown

    def _show_title(self) -> None:
        if not self.is_attached:  # being taken down as the app closes
            return
        title = self.title_text()
        if title.plain != self._title.plain or title.spans != self._title.spans:
            self._title = title
            self.refresh()  # one line, whatever the text: no layout of the screen

    def render(self) -> Content:
        width = self.size.width
        icon = Content(f" {self.ICON}").pad_right(self.ICON_WIDTH - 2)
        room = max(0, width - self.ICON_WIDTH - self.RIGHT_WIDTH)
        # Drawn as the titles are now (`_title` is only what the watchers last heard).
        title = self.title_text(room) if self.is_attached else self._title.truncate(room)
        left = (room - title.cell_length) // 2
        right = room - title.cell_length - left
        return Content.assemble(icon, " " * left, title, " " * (right + self.RIGHT_WIDTH))

    async def on_click(self, event: Click) -> None:
        if event.x < self.ICON_WIDTH and self.app.ENABLE_COMMAND_PALETTE:
            event.stop()
            await self.run_action("app.command_palette")
