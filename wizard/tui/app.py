"""The Textual app of the wizard: screens per step, keys, saving, quitting, language.

One `PolicyState` is shared by all section screens. Each step's screen is created
the first time it is shown and installed, so it stays alive (and keeps whatever
is in its inputs) while the author moves around; once the author moves from step
to step, the next step's screen is built off-screen right after a step is shown,
so that moving on finds it ready. Switching the interface language rebuilds them.
`run_wizard` is what `presence`, `presence new` and `presence edit` call.
"""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path, PurePath
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, ClassVar

from textual import on
from textual.app import SystemCommand
from textual.binding import Binding, BindingType
from textual.filter import LineFilter
from textual.notifications import SeverityLevel
from textual.reactive import Reactive
from textual.screen import ModalScreen, Screen

from schemas.controls import stand_in, without_controls
from schemas.sections import SECTIONS
from screens.base import STYLED_AHEAD, SectionScreen, StepScreen, section_css
from screens.dialogs import ConfirmDialog, MessageDialog, QuitDialog
from screens.textual_tricks import (
    CurrentScreenQueries,
    mount_ahead,
    steady_driver,
    style_ahead,
    use_alt_prefix_keys,
)
from screens.widgets.controls import ControlsFilter
from screens.widgets.messages import NavigateTo
from wizard.core import recent, statefile
from wizard.core.flow import get_step, is_known, next_step, numbered_section, previous_step
from wizard.core.i18n import detect_language, get_language, set_language, t
from wizard.core.service import (
    DEFAULT_NEW_NAME,
    Exists,
    Opened,
    PathRefused,
    Unreadable,
    open_for_edit,
    open_policy,
    start_new,
)
from wizard.core.settings import DEFAULT_SETTINGS, Settings
from wizard.core.startup import freeze_screens, release_collector, thaw_screens
from wizard.core.state import PolicyState
from wizard.tui.save_flow import SaveFlow, read_failure

if TYPE_CHECKING:
    from textual.dom import DOMNode
    from textual.driver import Driver

    from screens.start import StartScreen

POLICY_ACTIONS = frozenset({"save", "previous", "next", "review", "export", "goto", "section"})
"""Actions that need an open policy (hidden on the start screen)."""


class StartError(Exception):
    """The wizard cannot start: `message` for stderr, `code` for the exit status."""

    def __init__(self, message: str, code: int = 2) -> None:
        super().__init__(message)
        self.message = message
        self.code = code


class PresenceApp(CurrentScreenQueries[int]):
    """The brand presence policy wizard."""

    TITLE = "presence"
    title: Reactive[str] = Reactive("", compute=False, repaint=False)
    sub_title: Reactive[str] = Reactive("", compute=False, repaint=False)
    """The file's name and "modified" in the header. Textual's own repaint the whole
    screen when they change (the header follows them by its own watchers): the first
    key after a save, or one that brings the policy back to the saved file, drew every
    widget of the screen again (about 9 of the 31 ms CPU a keystroke took to its frame)."""
    # The section screens' stylesheets load with the app's: Textual parses them with
    # the rest at start-up instead of parsing every rule again when the first section
    # screen is pushed. Their rules name only the section screens' own widgets.
    CSS_PATH: ClassVar[list[str | PurePath]] = ["app.tcss", *section_css()]
    ENABLE_COMMAND_PALETTE = True
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "key.save", priority=True),
        Binding("ctrl+q", "quit", "key.quit", priority=True),
        # Tab moves the focus before the keys after it are handed out, so that a burst
        # typed on (a fast typist, a password manager) lands in the next field; as a
        # screen's binding it would wait for the Tab to travel up from the field.
        Binding("tab", "focus_next", show=False, priority=True),
        Binding("shift+tab", "focus_previous", show=False, priority=True),
        Binding("f1", "help", "key.help"),
        Binding("ctrl+b", "previous", "key.back"),
        Binding("ctrl+n", "next", "key.next"),
        Binding("ctrl+r", "review", "key.review"),
        Binding("ctrl+e", "edit_externally", "key.edit_externally", show=False, priority=True),
        # alt+к: the same key as alt+r in a Ukrainian keyboard layout
        Binding("alt+r,alt+к", "revert_field", "key.revert_field", show=False),
        # alt+0: the document details; alt+1 … alt+9: the section of that number
        *(Binding(f"alt+{number}", f"section({number})", show=False) for number in range(10)),
    ]

    def __init__(
        self,
        state: PolicyState | None = None,
        *,
        section: str | None = None,
        lang: str | None = None,
        folder: Path | None = None,
        offer_open: Path | None = None,
        broken: Path | None = None,
        settings: Settings = DEFAULT_SETTINGS,
    ) -> None:
        """Edit `state` starting at `section`, or show the start screen when None.

        `offer_open`: a path that `presence new` found existing; the app asks whether
        to open it instead (it never overwrites it). `broken`: a policy file that is
        not valid TOML; the app shows where and offers to fix it. `settings`: the
        timings and the clock (`wizard.core.settings`), the program's by default.
        """
        set_language(lang or detect_language())
        super().__init__()
        self.settings = settings
        self.state: PolicyState | None = None
        self.folder = folder or Path.cwd()
        self.current_step: str | None = None
        self._initial_state = state
        self._initial_section = section or "document"
        self._at_problem = section is None
        self._offer_open = offer_open
        self._broken = broken
        self.save_flow = SaveFlow(self, settings)
        """Autosave, recovery, locks, conflicts and save failures (wizard/tui/save_flow.py)."""
        self._screens: dict[str, Screen[Any]] = {}
        self._generation = 0
        self._forget_listener: Any = None
        self._stop_listening: Callable[[], None] | None = None
        self.controls_filter = ControlsFilter()
        """The last line of defence against a control character on the screen."""

    def get_driver_class(self) -> type[Driver]:
        """Textual's driver for this terminal, reading Alt keys sent as an escape prefix
        (`screens.textual_tricks.AltPrefixParser`), and ending when its terminal closes
        (`screens.textual_tricks.SteadyLinuxDriver`)."""
        driver = super().get_driver_class()
        use_alt_prefix_keys(driver)
        return steady_driver(driver)  # a closed terminal ends the app (trick 7)

    def get_line_filters(self) -> Sequence[LineFilter]:
        """Textual's filters, then the one that drops any control character left in a
        line about to be drawn (`screens.widgets.controls.ControlsFilter`)."""
        shown = super().get_line_filters()
        return [*shown, self.controls_filter] if self.controls_filter.enabled else shown

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Textual's notification, never read as markup: the wizard's messages carry
        file names and values, in which `[b]` or a lone `[` is text."""
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=False)

    def update_styles(self, node: DOMNode, animate: bool = True) -> None:
        """Textual's restyle of `node` after a change of its classes, once it is in the
        app: a widget is styled as it mounts, with the classes it has then. Textual
        restyled a widget whose constructor set a class (a compact button's, a
        footer key's) before it was mounted too, some forty times on a section screen."""
        if node is self or node.is_attached:
            super().update_styles(node, animate)

    def copy_to_clipboard(self, text: str) -> None:
        """Textual's copy (OSC 52), without control characters (tabs and line breaks
        stay): a template's text, a field's selection or the screen's, pasted later
        into a terminal, must not act on it."""
        super().copy_to_clipboard(without_controls(text, keep="\t\n"))

    # -- start -------------------------------------------------------------------
    def on_load(self) -> None:
        # Before anything is styled: the stylesheet is parsed once with every step
        # widget's CSS, not again as each new kind of widget mounts (trick 10).
        style_ahead(self, STYLED_AHEAD)

    def on_mount(self) -> None:
        self.save_flow.install_signal_handlers()
        if self._initial_state is not None:
            self.edit(self._initial_state, self._initial_section, at_problem=self._at_problem)
        elif self._broken is not None:
            self.save_flow.open_fixed(self._broken)
        elif self._offer_open is not None:
            self.show_start()
            self.offer_open(self._offer_open)
        else:
            self.show_start()
        # A damaged state file read so far (or from now on) is set aside: one line says so.
        self._stop_listening = statefile.listen(self._state_file_set_aside)
        # The first screen is built: the start-up's objects are frozen, the collector back.
        self.call_after_refresh(release_collector)

    def _state_file_set_aside(self, report: statefile.SetAside) -> None:
        self.notify(report.message(), severity="warning", markup=False, timeout=10)

    def show_start(self) -> None:
        """Show the start screen."""
        from screens.start import StartScreen  # not loaded when the wizard opens a file

        self.current_step = None
        # Not installed: nothing is typed here worth keeping, so it goes when left.
        self._present(StartScreen(recent.recent_files(), self.folder))

    def edit(self, state: PolicyState, step: str = "document", *, at_problem: bool = False) -> None:
        """Start editing `state` at `step` (or, `at_problem`, at its first error)."""
        if self._forget_listener is not None:
            self._forget_listener()
        self.state = state
        self._forget_listener = state.add_listener(self._state_changed)
        # The current page may be one of the old screens (a reload): new screens get
        # new names, the old ones go once they are off the stack.
        old = list(self._screens.values())
        self._screens = {}
        self._generation += 1
        self._update_title()
        if state.path is not None and not state.is_new:
            recent.remember(state.path)
        self.goto(step)
        self.call_after_refresh(self._drop_all, old)
        self.save_flow.attach(state, at_problem=at_problem)
        # Once the first screen is up and the author reads it, the next step is built
        # ahead as after every move (not before: opening shows the first screen only).
        self.call_after_refresh(self._prepare_next_soon)

    def open_path(self, path: Path) -> None:
        """Open the policy at `path` (a dialog says why when it cannot be read)."""
        opened = open_policy(path)
        if isinstance(opened, Unreadable):
            if opened.broken:
                self.save_flow.open_fixed(path)
                return
            self.push_screen(MessageDialog(t("open.failed_title"), _start_error(opened).message))
            return
        self.edit(PolicyState(opened.source.data, path=path, source=opened.source), at_problem=True)

    def offer_open(self, path: Path) -> None:
        """`path` exists where a new policy was asked for: never overwrite it, offer to
        open it instead."""

        def answer(yes: bool | None) -> None:
            if yes:
                self.open_path(path)

        self.push_screen(
            ConfirmDialog(t("new.exists", path=str(path)), yes=t("new.open_instead")), answer
        )

    def on_start_screen_chosen(self, event: StartScreen.Chosen) -> None:
        """A file chosen on the start screen: open it, or start a new policy there."""
        if not event.new:
            self.open_path(event.path)
            return
        started = start_new(event.path)
        if isinstance(started, PathRefused):
            self.push_screen(MessageDialog(t("new.failed_title"), new_path_refusal(started)))
        elif isinstance(started, Unreadable):  # a policy to start from (none is given here)
            self.push_screen(MessageDialog(t("new.failed_title"), read_failure(started.error)))
        elif isinstance(started, Exists):
            self.offer_open(started.path)
        else:
            state = PolicyState.new(
                started.data, path=started.path, language=get_language(), template=started.text
            )
            self.edit(state)

    # -- screens -----------------------------------------------------------------
    @property
    def built_screens(self) -> Mapping[str, Screen[Any]]:
        """The screens of the open policy built so far, by step name: the ones shown
        and the next one built ahead (a read-only view)."""
        return MappingProxyType(self._screens)

    def _show(self, screen: Screen[Any], name: str) -> None:
        key = f"{name}#{self._generation}"
        if screen not in self._screens.values():
            self._screens[name] = screen
            self.install_screen(screen, key)
        self._present(screen)

    def _present(self, screen: Screen[Any]) -> None:
        """Make `screen` current, replacing the current page (never a dialog)."""
        if isinstance(self.screen, ModalScreen):
            return
        if len(self.screen_stack) == 1:
            self.push_screen(screen)  # above Textual's default screen
        else:
            self.switch_screen(screen)

    def _drop(self, screen: Screen[Any]) -> None:
        """Forget an installed screen that is not on the stack any more."""
        if screen in self.screen_stack:
            return
        self.uninstall_screen(screen)
        if screen.is_mounted:
            screen.remove()

    def _make_screen(self, step: str) -> StepScreen:
        assert self.state is not None
        module_name, _, class_name = get_step(step).screen.partition(":")
        screen_class: type[StepScreen] = getattr(importlib.import_module(module_name), class_name)
        return screen_class(self.state, self.settings)

    def goto(self, step: str) -> None:
        """Show the screen of `step` (a step or section name)."""
        if self.state is None or not is_known(step):
            return
        name = get_step(step).name
        if name != self.current_step:
            self.save_flow.flush()
        screen = self._screens.get(name) or self._make_screen(name)
        moving = self.current_step is not None and name != self.current_step
        self.current_step = name
        self._show(screen, name)
        if moving:
            freeze_screens()  # out of the collector's way (wizard.core.startup)
            self.call_after_refresh(self._prepare_next)

    def _prepare_next_soon(self) -> None:
        self.set_timer(self.settings.ahead_after_open, self._prepare_next)

    def _prepare_next(self) -> None:
        """Build the next step's screen off-screen, so that moving on shows it at once.

        Composing, mounting and styling a section screen of a hundred widgets takes a
        few hundred milliseconds; here it happens while the author reads the step
        just shown (keys are still handled between its parts). After a move, and
        `settings.ahead_after_open` after the first screen of a policy is up, so that opening
        the wizard does no more than show its first screen.
        """
        if not self.is_running or not self.screen_stack:
            return  # the app is closing (the timer or the refresh came late)
        step = next_step(self.current_step) if self.current_step is not None else None
        if self.state is None or step is None or step.name in self._screens:
            return
        if isinstance(self.screen, ModalScreen):
            return
        screen = self._make_screen(step.name)
        screen.build_offscreen()
        self._screens[step.name] = screen
        self.install_screen(screen, f"{step.name}#{self._generation}")
        mount_ahead(self, screen)  # no public call mounts a screen without showing it

    @on(NavigateTo)
    def _navigate(self, event: NavigateTo) -> None:
        self.goto(event.step)
        if event.focus is not None and is_known(event.step):
            screen = self._screens.get(get_step(event.step).name)
            if isinstance(screen, StepScreen):
                screen.focus_path(event.focus)

    def switch_language(self, lang: str) -> None:
        """Change the interface language and rebuild the screens in it."""
        set_language(lang)
        old = list(self._screens.values())
        self._screens = {}
        self._generation += 1
        if self.state is not None and self.current_step is not None:
            self.goto(self.current_step)
        else:
            self.show_start()
        self._update_title()
        self.call_after_refresh(self._drop_all, old)

    def _drop_all(self, screens: Iterable[Screen[Any]]) -> None:
        dropped = False
        for screen in screens:
            self._drop(screen)
            dropped = True
        if dropped:
            thaw_screens()  # the dropped screens can be collected (a move freezes again)

    # -- state -------------------------------------------------------------------
    def _state_changed(self, path: str) -> None:
        self._update_title()

    def refresh_title(self) -> None:
        """Show the file, and whether it is modified or read-only, in the header."""
        self._update_title()

    def show_read_only(self) -> None:
        """The policy was opened read-only: the screens built so far show their fields
        for reading only (those built later do so as they are built)."""
        for screen in self._screens.values():
            if isinstance(screen, SectionScreen) and screen.is_mounted:
                screen.show_read_only()

    def _update_title(self) -> None:
        state = self.state
        if state is None:
            self.title = "presence"
            self.sub_title = ""
            return
        self.title = stand_in(str(state.path)) if state.path is not None else t("app.untitled")
        self.sub_title = t("app.modified") if state.is_dirty else ""
        if self.save_flow.read_only:
            self.sub_title = t("lock.banner")

    # -- actions -----------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Hide the policy's keys where there is no policy (the start screen); dim Back
        on the first step and Next on the last (the footer keeps its places)."""
        if action in POLICY_ACTIONS and self.state is None:
            return False
        if action == "previous" and self.current_step is not None:
            return None if previous_step(self.current_step) is None else True
        if action == "next" and self.current_step is not None:
            return None if next_step(self.current_step) is None else True
        return True

    def action_next(self) -> None:
        """Go to the next step."""
        if self.current_step is not None and (step := next_step(self.current_step)):
            self.goto(step.name)

    def action_previous(self) -> None:
        """Go to the previous step."""
        if self.current_step is not None and (step := previous_step(self.current_step)):
            self.goto(step.name)

    def action_goto(self, step: str) -> None:
        """Go to a step or section (the palette's "Go to")."""
        self.goto(step)

    def action_section(self, number: int) -> None:
        """Go to the section of that number (alt+0: the document details, alt+1 …
        alt+9: the numbered sections); a number no section has is said in a note."""
        section = numbered_section(number)
        if section is None:
            self.notify(t("keys.no_section", n=number, last=len(SECTIONS) - 1))
            return
        self.goto(section)

    def action_review(self) -> None:
        """Go to the review."""
        self.goto("review")

    def action_export(self) -> None:
        """Open the export dialog (on the review screen), from wherever the author is."""
        self.goto("review")
        export = getattr(self._screens.get("review"), "action_export", None)
        if callable(export):
            self.call_after_refresh(export)

    def action_edit_externally(self) -> None:
        """Edit the focused long text in $EDITOR (ctrl+e; elsewhere ctrl+e is end of line)."""
        from wizard.tui.key_handlers import edit_externally

        edit_externally(self)

    def action_revert_field(self) -> None:
        """Put back the focused field's saved value (alt+r)."""
        from wizard.tui.key_handlers import revert_field

        if self.state is not None and not isinstance(self.screen, ModalScreen):
            revert_field(self, self.state)

    def action_command_palette(self) -> None:
        """Open the command palette (ctrl+p), its prompt in the interface language."""
        from wizard.tui.palette import open_palette

        open_palette(self)

    def action_change_theme(self) -> None:
        """Choose a colour theme, the prompt in the interface language."""
        from wizard.tui.palette import open_theme_picker

        open_theme_picker(self)

    def action_help(self) -> None:
        """Show the help screen."""
        from screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_save(self) -> None:
        """Save the policy (ctrl+s); with no change, say so and write nothing."""
        self.save()

    def save(self, then: Callable[[], object] | None = None) -> None:
        """Write the policy to its file, then call `then`.

        An amendment shows its changes and asks for the revision note first; a file
        changed on disk is not overwritten silently; a failure says why and offers
        save-as (nothing is lost). See `wizard.tui.save_flow`.
        """
        self.save_flow.save(then)

    async def action_quit(self) -> None:
        """Quit; with unsaved changes ask first: save, discard or cancel (a policy opened
        read-only has none)."""
        state = self.state
        if state is None or not state.is_dirty or state.read_only:
            self.exit(0)
            return
        if isinstance(self.screen, QuitDialog):
            return

        def answer(choice: str | None) -> None:
            if choice == "discard":
                self.save_flow.discard()
                self.exit(0)
            elif choice == "save":
                self.save(lambda: self.exit(0))

        self.push_screen(QuitDialog(), answer)

    def on_unmount(self) -> None:
        """Whatever way the app ends: a draft only of unsaved work, the lock released.

        A state file set aside from here on is for `run_wizard` to report on stderr.
        """
        if self._stop_listening is not None:
            self._stop_listening()
            self._stop_listening = None
        self.save_flow.close()

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """The command palette's commands, in the interface language."""
        from wizard.tui.palette import palette_commands

        return palette_commands(self, editing=self.state is not None)


def load_state(path: Path) -> PolicyState:
    """The policy at `path` as a `PolicyState`; `StartError` when it cannot be read."""
    opened = open_policy(path)
    if isinstance(opened, Unreadable):
        raise _start_error(opened)
    return PolicyState(opened.source.data, path=path, source=opened.source)


def _start_error(failure: Unreadable) -> StartError:
    """Why the wizard cannot open a file, in the interface language: a missing file
    exits 1, anything else 2."""
    error = failure.error
    if failure.missing:
        return StartError(t("open.missing", path=str(failure.path)), 1)
    return StartError(read_failure(error))


def new_path_refusal(refused: PathRefused) -> str:
    """Why no new policy can be created at a path, in the interface language."""
    path = str(refused.path)
    if refused.code == "is_folder":
        return t("new.is_folder", path=path)
    if refused.code == "no_folder":
        return t("new.no_folder", path=path, folder=str(refused.folder))
    return t("open.unreadable", where=path, reason=refused.text(get_language()))


def build_app(
    *,
    path: Path | None,
    section: str | None,
    lang: str | None,
    new: bool,
    from_: str | None,
    folder: Path | None = None,
    settings: Settings = DEFAULT_SETTINGS,
) -> PresenceApp:
    """The app for the command line's choices; `StartError` when it cannot start."""
    set_language(lang or detect_language())
    if section is not None and not is_known(section):
        raise StartError(t("start.unknown_section", section=section))
    if new:
        started = start_new(path or Path(DEFAULT_NEW_NAME), from_)
        if isinstance(started, PathRefused):
            raise StartError(new_path_refusal(started))
        if isinstance(started, Unreadable):  # the policy to start from
            raise StartError(read_failure(started.error))
        if isinstance(started, Exists):
            return PresenceApp(
                lang=get_language(), folder=folder, offer_open=started.path, settings=settings
            )
        state = PolicyState.new(
            started.data, path=started.path, language=get_language(), template=started.text
        )
        return PresenceApp(
            state, section=section, lang=get_language(), folder=folder, settings=settings
        )
    if path is None:
        return PresenceApp(lang=get_language(), folder=folder, settings=settings)
    opened = open_for_edit(path)
    if isinstance(opened, Unreadable):
        if opened.broken:
            return PresenceApp(lang=get_language(), folder=folder, broken=path, settings=settings)
        raise _start_error(opened)
    if isinstance(opened, Opened):
        state = PolicyState(opened.source.data, path=path, source=opened.source)
    else:
        # A new policy that was never saved, and a crash kept what was typed: open it
        # as `presence new PATH` does, which offers the draft.
        state = PolicyState.new(None, path=path, language=get_language())
    return PresenceApp(
        state, section=section, lang=get_language(), folder=folder, settings=settings
    )


def run_wizard(
    *, path: Path | None, section: str | None, lang: str | None, new: bool, from_: str | None
) -> int:
    """Run the wizard (what `presence`, `presence new` and `presence edit` do); exit status."""
    try:
        app = build_app(path=path, section=section, lang=lang, new=new, from_=from_)
    except StartError as error:
        _report_set_aside()
        from schemas.controls import escape

        sys.stderr.write(f"presence: error: {escape(error.message)}\n")
        return error.code
    if not os.environ.get("TEXTUAL_DRIVER") and not on_a_terminal():
        # It would draw into a file and read an input at its end over and over, a core
        # busy until it is killed. A driver named in TEXTUAL_DRIVER (a benchmark's) runs.
        _report_set_aside()
        sys.stderr.write(f"presence: error: {t('start.no_terminal')}\n")
        return 2
    result = app.run()
    _report_set_aside()
    return result if isinstance(result, int) else (app.return_code or 0)


def on_a_terminal() -> bool:
    """Whether the program's input and output are both a terminal."""
    try:
        return bool(sys.stdin and sys.stdout and sys.stdin.isatty() and sys.stdout.isatty())
    except (OSError, ValueError):  # a closed stream
        return False


def _report_set_aside() -> None:
    """Say on stderr, one line each, which damaged state files were set aside while the
    wizard was not there to show it (before it started, or as it ended)."""
    for report in statefile.take_reports():
        sys.stderr.write(f"presence: {report.message()}\n")
