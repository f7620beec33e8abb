"""The bases of the step screens: `StepScreen`, the frame every step's screen shares
(page header, sidebar, title, a scrolling body, Back / Next, footer), and on it
`SectionScreen`, a screen of fields. The review (`screens/review.py`) is a `StepScreen`.

How to add a section screen
---------------------------
1. Find its step in `wizard/core/flow.py` (`STEPS`): the step name (e.g. "platforms")
   and the "module:Class" the app imports (e.g. "screens.platforms:PlatformsScreen").
2. Write the module::

       class PlatformsScreen(SectionScreen):
           STEP = 'platforms'
           CSS_PATH = section_css('platforms.tcss')      # its .tcss listed in SECTION_STYLESHEETS

           def compose_fields(self) -> ComposeResult:
               yield ListEditor(self.state, 'platforms', columns=('name', 'status'),
                                fields=(FieldSpec('platforms.name',
                                                  suggestions=PLATFORM_NAMES),
                                        FieldSpec('platforms.url'), ...))
               yield self.field(FieldSpec('some.key', 'long'))

   Fields are declared by key path (`FieldSpec(path, kind, ...)`); the input's
   id is the path with dashes. The kind picks the field's editor (text, long, date,
   minutes, timezone, choice, radio, multi, bool, strings, platforms:
   `screens/widgets/editors/`,
   where a new kind is one new class). A `FieldRow` writes into `self.state` and posts
   `Edited`; this base class then refreshes the problem line of every row (for a
   large policy right after the frame that shows the change) and, debounced, the
   sidebar. Nothing else to wire.
3. Add the catalogue entries to `wizard/core/i18n/en.py` and `uk.py`: `field.<path>`
   (label), `help.<path>` (one line: why it matters, a good example), choice
   labels `choice.<choice_key>.<value>`, and any literal `t("...")` you use.
   `tests/unit/test_i18n.py` tells you what is missing.
4. The app passes the `PolicyState` in the constructor; a screen never reaches
   into another screen or into the app (navigate by posting `NavigateTo`).
"""

from __future__ import annotations

import re
from abc import abstractmethod
from pathlib import Path, PurePath
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.css.query import NoMatches
from textual.events import Resize, ScreenResume, ScreenSuspend
from textual.screen import Screen
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Button, Input, RadioSet, Static

from schemas.keypath import parse_path
from screens.textual_tricks import (
    SELECT_PARTS,
    TolerantSelect,
    lay_out_ahead,
    resize_changes_nothing,
)
from screens.widgets.closing import going
from screens.widgets.completing_input import CompletingInput
from screens.widgets.controls import ControlInput, ControlTextArea
from screens.widgets.fields import FieldRow, FieldSpec
from screens.widgets.footer import CatalogueFooter
from screens.widgets.header import PageHeader
from screens.widgets.list_editor import EntryList, ListEditor
from screens.widgets.marks import MarkedCheckbox, MarkedRadioButton, MarkedSelectionList
from screens.widgets.messages import Edited, NavigateTo
from screens.widgets.sidebar import Sidebar
from screens.widgets.string_list import ControlButton, StringItems, StringListEditor
from wizard.core.flow import get_step, next_step, previous_step, steps_of
from wizard.core.i18n import t
from wizard.core.settings import DEFAULT_SETTINGS, Settings
from wizard.core.state import PolicyState

BASE_CSS = Path(__file__).with_name("base.tcss")
"""The stylesheet every section screen lists first in its CSS_PATH."""

SECTION_STYLESHEETS: tuple[str, ...] = (
    "document.tcss",
    "mission.tcss",
    "platforms.tcss",
    "tools.tcss",
    "communication.tcss",
    "content.tcss",
    "optional.tcss",
    "review.tcss",
)
"""Every section screen's own stylesheet (next to this module); their rules name ids
of one screen each, so loading them all together changes no screen's look."""


def section_css(*names: str) -> list[str | PurePath]:
    """A section screen's CSS_PATH: base.tcss, then every section's stylesheet.

    `names` (the screen's own files) must be among `SECTION_STYLESHEETS`. All section
    screens list the same files so that Textual reads and parses the stylesheet once,
    when the first of them is shown: each new file would make it parse again every
    rule of the app (tens of milliseconds on every first visit).
    """
    unknown = [name for name in names if name not in SECTION_STYLESHEETS]
    if unknown:
        raise ValueError(f"add {', '.join(unknown)} to SECTION_STYLESHEETS")
    folder = BASE_CSS.parent
    return [BASE_CSS, *(folder / name for name in SECTION_STYLESHEETS)]


NARROW = 70
"""Columns below which the sidebar is hidden (at 60 it left the fields 36)."""

LAYOUT_PASSES = 6
"""At most this many passes lay out a screen built ahead (a section screen settles
after three or four: the widgets' answers to a pass ask for the next)."""


class StepScreen(Screen[None]):
    """The frame of every step's screen: page header, sidebar, the step's title, a
    scrolling body, Back / Next and the footer. `SectionScreen` fills the body with
    fields; the review (`screens.review.ReviewScreen`) with its lists."""

    STEP: ClassVar[str] = ""
    """The step of `wizard.core.flow.STEPS` this screen shows."""

    CSS_PATH: ClassVar[list[str | PurePath]] = section_css()
    AUTO_FOCUS = "#body *"
    """The first field gets the keyboard (not the sidebar) when the screen opens."""

    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (NARROW, "-wide")]  # noqa: RUF012 (as Textual types it)
    """Below `NARROW` columns the sidebar steps aside (class `-narrow`, base.tcss): the
    fields and the review's tabs get the width; alt+1 … alt+7 and ctrl+n / ctrl+b
    still move between the sections."""

    def __init__(self, state: PolicyState, settings: Settings = DEFAULT_SETTINGS) -> None:
        """A screen showing `state` (the app's one `PolicyState`); `settings` gives its
        timings (the app's)."""
        super().__init__(name=self.STEP, classes="section-screen")
        self.state = state
        self.settings = settings
        self._shown_revision = -1
        """The state revision the widgets show (-1: not shown yet)."""
        self.problems_revision = -1
        """The state revision whose problems the problem lines show (-1: none yet)."""
        self._offscreen = False
        """Built ahead of being shown (`build_offscreen`)."""
        self._styled_with: tuple[object, bool] | None = None
        """The app's stylesheet rules and focus when this screen's widgets were last
        styled: when it was composed, and when it was left."""

    @property
    def section(self) -> str:
        """The section this screen's step belongs to."""
        return get_step(self.STEP).section

    def build_offscreen(self) -> None:
        """Called before the app mounts this screen ahead of showing it: it takes the
        focus (its first field) when it is first shown, not while it is built."""
        self.AUTO_FOCUS = ""  # type: ignore[misc]  # this instance only, until shown
        self._offscreen = True

    # -- composition -------------------------------------------------------------
    def compose(self) -> ComposeResult:
        # The widgets are styled as they mount, with the rules of this moment.
        self._styled_with = self._styles_token()
        self._take_breakpoint()
        yield PageHeader()
        with Horizontal(id="layout"):
            yield Sidebar(self.state, self.section)
            with Vertical(id="main"):
                yield Static(self._title(), id="section-title")
                with VerticalScroll(id="body"):
                    yield Static(t(f"section.{self.section}.intro"), id="section-intro")
                    yield from self.compose_body()
                with Horizontal(id="nav"):
                    yield Button(t("nav.back"), id="nav-back", compact=True)
                    yield Button(t("nav.next"), id="nav-next", compact=True, variant="primary")
        yield CatalogueFooter()

    def _title(self) -> Content:
        """The section's title and, in a section of several steps, the step's number
        and title under it: one widget (see `screens.widgets.fields.heading`)."""
        title = Content.styled(t(f"section.{self.section}.title"), "bold $primary")
        steps = steps_of(self.section)
        if len(steps) <= 1:
            return title
        number = [step.name for step in steps].index(self.STEP) + 1
        step = t("step.counter", n=number, total=len(steps)) + " " + t(f"step.{self.STEP}.title")
        return Content.assemble(title, "\n", (step, "$text-secondary"))

    def _take_breakpoint(self) -> None:
        """The class of the terminal's width (of `HORIZONTAL_BREAKPOINTS`, the widest one
        the width reaches, as Textual picks it), before the widgets mount. Textual gives
        it at the screen's first resize, once they have mounted, and the new class
        restyled every widget of the screen: a tenth of the first screen's CPU time.
        Given now, the resize finds it in place."""
        width = self.app.size.width
        reached = [(start, name) for start, name in self.HORIZONTAL_BREAKPOINTS if width >= start]
        taken = max(reached)[1] if reached else None
        self.update_classes({name: name == taken for _, name in self.HORIZONTAL_BREAKPOINTS})

    @abstractmethod
    def compose_body(self) -> ComposeResult:
        """What the body holds under the section's introduction."""

    def on_mount(self) -> None:
        if going(self):
            return  # built ahead while the app was closing: its widgets are going
        self.query_one("#nav-back").display = previous_step(self.STEP) is not None
        self.query_one("#nav-next").display = next_step(self.STEP) is not None
        self.refresh_problems()
        self._shown_revision = self.state.revision
        # Mounting a kind of widget the app had not shown yet added its default CSS, so
        # the stylesheet's rules changed after compose noted them. Each widget was
        # styled as it mounted, with the rules of that moment, and a widget's default
        # CSS applies to that widget and what it holds only: the styles are right, and
        # the first showing need not restyle every widget (tens of milliseconds).
        self._styled_with = self._styles_token()
        if self._offscreen:
            self.call_later(self._lay_out_offscreen)

    def _lay_out_offscreen(self, passes: int = LAYOUT_PASSES) -> None:
        """Place the widgets of a screen built ahead at the app's size, off-screen.

        Textual lays a screen out when it is first shown: placing a hundred widgets,
        then handling the resize and show events that sends each of them (which ask
        for another layout), took most of a first visit (some 100 ms). Done here,
        while the author reads the step shown, the first showing finds the screen at
        its size and only draws it. A pass runs again after the next refresh while
        the widgets' answers to the last one ask for a new layout; once settled the
        screen is drawn once, unseen (`screens.textual_tricks.lay_out_ahead`).
        """
        if self.is_current or not self.is_attached or passes <= 0:
            return
        if not lay_out_ahead(self, self.app.size):  # no public call lays out a hidden screen
            self.call_after_refresh(self._lay_out_offscreen, passes - 1)

    def focus_path(self, path: str) -> None:
        """Show and focus the widget that edits key path `path`, when this screen has one
        (a jump-to-field link); this frame has none."""

    # -- refreshing --------------------------------------------------------------
    @abstractmethod
    def refresh_problems(self) -> None:
        """Show the current problems (after any change to the policy)."""

    def refresh_sidebar(self) -> None:
        """Redraw the sidebar's statuses."""
        try:
            self.query_one(Sidebar).refresh_status()
        except NoMatches:
            return

    def reload(self) -> None:
        """Show the state's values again (after a change made elsewhere)."""
        self.refresh_problems()
        self.refresh_sidebar()
        self._shown_revision = self.state.revision

    def _styles_token(self) -> tuple[object, bool]:
        """What the styles of this screen's widgets depend on beyond the widgets
        themselves: the parsed rules (new after a theme change or a newly loaded
        stylesheet) and whether the app has the terminal's focus."""
        return (self.app.stylesheet.rules, self.app.app_focus)

    async def _on_resize(self, event: Resize) -> None:
        # Runs before Textual's, which lays the screen out again unless prevented.
        event.stop()
        resize_changes_nothing(self, event)

    @on(ScreenSuspend)
    def _remember_styles(self) -> None:
        self._styled_with = self._styles_token()

    @on(ScreenResume)
    def _resumed(self, event: ScreenResume) -> None:
        if going(self):
            return  # shown as the app closes (a key, then quit or a signal): its widgets are going
        if "AUTO_FOCUS" in vars(self):  # built off-screen: Textual focuses the first field now
            del self.AUTO_FOCUS
        # Textual restyles every widget of a resumed screen (some 50 ms for a section
        # screen); the styles are still right when no rule or app state they depend
        # on changed while the screen was away.
        if self._styled_with is not None:
            (rules, focus), (now_rules, now_focus) = self._styled_with, self._styles_token()
            if rules is now_rules and focus == now_focus:
                event.refresh_styles = False
        if self.is_mounted and self._shown_revision != self.state.revision:
            self.reload()  # the policy changed while the screen was away

    # -- navigation --------------------------------------------------------------
    @on(Button.Pressed, "#nav-back")
    def _back(self, event: Button.Pressed) -> None:
        event.stop()
        step = previous_step(self.STEP)
        if step is not None:
            self.post_message(NavigateTo(step.name))

    @on(Button.Pressed, "#nav-next")
    def _next(self, event: Button.Pressed) -> None:
        event.stop()
        step = next_step(self.STEP)
        if step is not None:
            self.post_message(NavigateTo(step.name))


class SectionScreen(StepScreen):
    """A screen that edits one step of the policy; subclasses yield its fields."""

    def __init__(self, state: PolicyState, settings: Settings = DEFAULT_SETTINGS) -> None:
        """A screen editing `state` (the app's one `PolicyState`)."""
        super().__init__(state, settings)
        self._sidebar_timer: Timer | None = None
        self._problems_due = False
        """A change waits for the frame that shows it; then the problem lines follow."""
        self._found: tuple[list[ListEditor], list[FieldRow]] | None = None
        self._pending_focus: str | None = None

    # -- composition -------------------------------------------------------------
    def compose_body(self) -> ComposeResult:
        """The section's fields (`compose_fields`)."""
        yield from self.compose_fields()

    def compose_fields(self) -> ComposeResult:
        """The screen's fields; subclasses override this."""
        yield from ()

    def field(self, spec: FieldSpec) -> FieldRow:
        """A row editing `spec.path` of the state."""
        return FieldRow(spec, self.state)

    def on_mount(self) -> None:
        # Textual runs this before `StepScreen.on_mount` (each class's handler, subclass first).
        if self.app.is_running and self._pending_focus is not None:
            self.call_after_refresh(self._apply_focus)

    def show_read_only(self) -> None:
        """Show every field for reading only (the policy was opened read-only)."""
        for row in self.query(FieldRow):
            row.show_read_only()
        for editor in self.query(ListEditor):
            editor.show_read_only()

    # -- refreshing --------------------------------------------------------------
    def _targets(self) -> tuple[list[ListEditor], list[FieldRow]]:
        """The list editors and the rows outside them (found once: screens do not recompose)."""
        if self._found is None:
            editors = list(self.query(ListEditor))
            rows = [
                row
                for row in self.query(FieldRow)
                if not any(isinstance(ancestor, ListEditor) for ancestor in row.ancestors)
            ]
            self._found = (editors, rows)
        return self._found

    def refresh_problems(self) -> None:
        """Show the current problems under every field and list of the screen."""
        editors, rows = self._targets()
        self.problems_revision = self.state.revision
        for editor in editors:
            editor.refresh_problems()
        for row in rows:
            if row.data_path is not None:
                row.show_problems(row.problems_in(self.state.problems()))

    def reload(self) -> None:
        """Show the state's values again (after a change made elsewhere)."""
        for row in self.query(FieldRow):
            if row.data_path is not None:
                row.load()
        for editor in self.query(ListEditor):
            editor.rebuild(select=editor.selected)
        super().reload()

    @on(ScreenResume)
    def _focus_when_resumed(self) -> None:
        if self.is_mounted and self._pending_focus is not None:
            self.call_after_refresh(self._apply_focus)

    @on(Edited)
    def _edited(self, event: Edited) -> None:
        event.stop()
        if self.state.check_cost <= self.settings.check_after_drawing_above:
            self.refresh_problems()  # a check of well under a frame
        elif not self._problems_due:
            # A large policy: the change is drawn first, the policy is checked right
            # after that frame (tens of milliseconds), and the next frame shows the
            # problem lines. Changes that arrive before that frame share one check.
            self._problems_due = True
            self.call_after_refresh(self._refresh_due_problems)
        # The change came from this screen's widgets: they show it already.
        self._shown_revision = self.state.revision
        if self._sidebar_timer is not None:
            self._sidebar_timer.stop()
        self._sidebar_timer = self.set_timer(self.settings.sidebar_delay, self.refresh_sidebar)

    def _refresh_due_problems(self) -> None:
        self._problems_due = False
        if self.is_attached:
            self.refresh_problems()

    # -- jumping to a field -----------------------------------------------------
    def focus_path(self, path: str) -> None:
        """Show and focus the widget that edits key path `path` (a jump-to-field link).

        In a list of tables the entry is selected first; in a list of strings the
        item is highlighted. A path without a widget here leaves the focus alone.
        """
        self._pending_focus = path
        if self.is_mounted:
            self.call_after_refresh(self._apply_focus)

    def _apply_focus(self) -> None:
        path, self._pending_focus = self._pending_focus, None
        if path is None:
            return
        target = self._focus_target(path)
        if target is not None:
            target.focus()

    def _focus_target(self, path: str) -> Widget | None:
        for editor in self.query(ListEditor):
            if path == editor.path:
                return editor.query_one(f"#{editor.id}-add")
            if path.startswith(editor.path + "["):
                index_text, _, rest = path[len(editor.path) + 1 :].partition("]")
                editor.query_one(f"#{editor.id}-filter", Input).value = ""
                editor.rebuild(select=int(index_text))
                key = re.split(r"[.\[]", rest.lstrip("."), maxsplit=1)[0]
                item = re.search(r"\[(\d+)\]", rest)
                found = self._widget(f"{editor.id}-{key}") if key else None
                if found is None and key:  # a key edited by a field of several keys
                    found = next(
                        (r.editor for r in editor.query(FieldRow) if key in r.field_editor.KEYS),
                        None,
                    )
                return _focusable(found, int(item.group(1)) if item else None) or (
                    editor.entry_list
                )
        parts = parse_path(path)
        keys = [part for part in parts if isinstance(part, str)]
        index = next((part for part in reversed(parts) if isinstance(part, int)), None)
        while keys:
            target = _focusable(self._widget("-".join(keys)), index)
            if target is not None:
                return target
            keys.pop()
        return None

    def _widget(self, widget_id: str) -> Widget | None:
        try:
            return self.query_one(f"#{widget_id}")
        except NoMatches:
            return None


def _focusable(widget: Widget | None, index: int | None) -> Widget | None:
    """What to focus of `widget`: for the input of a field row, what its editor says
    (item `index` of a list of strings, say); else the widget when it takes the focus."""
    row = widget.parent if widget is not None else None
    if isinstance(row, FieldRow) and row.editor is widget:
        return row.field_editor.focus_target(index)
    if widget is not None and widget.focusable:
        return widget
    return None


STYLED_AHEAD: tuple[type[Widget], ...] = (
    # the frame of every step
    PageHeader,
    Sidebar,
    VerticalScroll,
    Horizontal,
    Static,
    Button,
    CatalogueFooter,
    # a field, and the editor of each kind (screens/widgets/editors/)
    FieldRow,
    CompletingInput,
    ControlTextArea,
    MarkedCheckbox,
    RadioSet,
    MarkedRadioButton,
    MarkedSelectionList,
    TolerantSelect,
    *SELECT_PARTS,
    # the lists
    ListEditor,
    EntryList,
    StringListEditor,
    StringItems,
    ControlInput,
    ControlButton,
)
"""The widgets the step screens are made of, whose default CSS the app's stylesheet is
given before anything is styled (`textual_tricks.style_ahead`, trick 10): parsed once,
not again each time a widget of a new class mounts. A class missing here is still
styled right, only parsed when its first widget mounts
(`tests/app/test_styles_once.py` names any a section screen uses)."""
