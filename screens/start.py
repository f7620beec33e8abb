"""The start screen (`presence` with no arguments): new policy, open a file, recent files."""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.suggester import SuggestFromList
from textual.widgets import Button, Input, OptionList, Static
from textual.widgets.option_list import Option

from screens.widgets.completing_input import CompletingInput
from screens.widgets.controls import ControlInput, shown
from screens.widgets.footer import CatalogueFooter
from screens.widgets.header import PageHeader
from wizard.core.i18n import t
from wizard.core.service import DEFAULT_NEW_NAME, typed_path


def policy_files(folder: Path) -> list[str]:
    """The .toml files in `folder`, for completion of the path input."""
    try:
        return sorted(p.name for p in folder.iterdir() if p.suffix == ".toml" and p.is_file())
    except OSError:
        return []


class StartScreen(Screen[None]):
    """Choose what to work on; posts `Chosen` (the app opens or creates the policy, by
    the rules of `wizard.core.service`)."""

    CSS_PATH = "start.tcss"

    class Chosen(Message):
        """The author chose to create (`new` True) or open the policy at `path`."""

        def __init__(self, path: Path, *, new: bool) -> None:
            super().__init__()
            self.path = path
            self.new = new

    def __init__(self, recent: list[Path], folder: Path) -> None:
        """`recent`: recently opened files; `folder`: where new and opened paths start."""
        super().__init__(name="start")
        self.recent = recent
        self.folder = folder

    def compose(self) -> ComposeResult:
        yield PageHeader()
        with VerticalScroll(id="start-body"):
            yield Static(t("start.title"), id="start-title")
            yield Static(t("start.intro"), id="start-intro")
            yield Static(t("start.new"), classes="start-heading")
            with Horizontal(classes="start-row"):
                yield ControlInput(DEFAULT_NEW_NAME, id="start-new-path")
                yield Button(t("start.create"), id="start-new", variant="primary", compact=True)
            yield Static(t("start.open"), classes="start-heading")
            with Horizontal(classes="start-row"):
                yield CompletingInput(
                    id="start-open-path",
                    placeholder=t("start.open_placeholder"),
                    suggester=SuggestFromList(policy_files(self.folder), case_sensitive=False),
                )
                yield Button(t("start.open_button"), id="start-open", compact=True)
            yield Static(t("start.recent"), classes="start-heading")
            if self.recent:
                yield OptionList(
                    *[Option(shown(str(path)), id=str(path)) for path in self.recent],
                    id="start-recent",
                    markup=False,
                )
            else:
                yield Static(t("start.no_recent"), id="start-no-recent")
        yield CatalogueFooter()

    def on_mount(self) -> None:
        self.query_one("#start-new-path").focus()

    def _choose(self, text: str, *, new: bool) -> None:
        path = typed_path(text, self.folder)
        if path is None:
            self.notify(t("start.need_path"), severity="warning")
            return
        self.post_message(self.Chosen(path, new=new))

    @on(Button.Pressed, "#start-new")
    @on(Input.Submitted, "#start-new-path")
    def _new(self) -> None:
        self._choose(self.query_one("#start-new-path", Input).value, new=True)

    @on(Button.Pressed, "#start-open")
    @on(Input.Submitted, "#start-open-path")
    def _open(self) -> None:
        self._choose(self.query_one("#start-open-path", Input).value, new=False)

    @on(OptionList.OptionSelected, "#start-recent")
    def _recent(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.post_message(self.Chosen(Path(event.option.id), new=False))
