"""The sidebar: every section with where it stands; Enter or a click jumps to it.

A section is done when a reader would find it complete (`wizard.core.completeness`);
until then its second line says what is still to add ("to add: link, owner…")."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from screens.widgets.messages import NavigateTo
from wizard.core.flow import SIDEBAR_SECTIONS
from wizard.core.i18n import t
from wizard.core.state import PolicyState

SHOWN_GAPS = 2
"""What is still to add, named in a section's line before "…"."""


class Sidebar(OptionList):
    """All sections with their state: ✓ done, what is still to add, n missing, n errors."""

    DEFAULT_CSS = """
    Sidebar {
        width: 22;
        height: 1fr;
    }
    """

    def __init__(self, state: PolicyState, current: str) -> None:
        """A sidebar for `state`, with the section `current` marked."""
        super().__init__(id="sidebar")
        self.state = state
        self.current = current
        self._shown: list[Text] = []

    def on_mount(self) -> None:
        self.refresh_status()
        self.highlighted = SIDEBAR_SECTIONS.index(self.current)

    def _prompt(self, section: str) -> Text:
        status = self.state.section_status(section)
        line = Text(no_wrap=False)
        if status.state == "done":
            line.append("✓ ", style="bold green")
        elif status.state == "errors":
            line.append("! ", style="bold red")
        elif status.state == "left_out":
            line.append("○ ", style="dim")
        else:
            line.append("• ", style="dim")
        style = "bold reverse" if section == self.current else "bold"
        line.append(t(f"section.{section}.short"), style=style)
        if status.state == "errors":
            line.append("\n  " + t("status.errors", n=status.count), style="red")
        elif status.state == "incomplete":
            line.append("\n  " + t("status.missing", n=status.count), style="dim")
        elif status.state == "thin":
            line.append("\n  " + self._to_add(section), style="dim")
        elif status.state == "left_out":
            line.append("\n  " + t("status.left_out"), style="dim")
        else:
            line.append("\n  " + t("status.done"), style="dim green")
        return line

    def _to_add(self, section: str) -> str:
        """What a section still lacks, shortly: the first few things, then "…"."""
        names = list(dict.fromkeys(t(f"thin.{gap.code}.short") for gap in self.state.gaps(section)))
        shown = ", ".join(names[:SHOWN_GAPS]) + ("…" if len(names) > SHOWN_GAPS else "")
        return t("status.thin", what=shown)

    def refresh_status(self) -> None:
        """Redraw the lines whose status changed."""
        prompts = [self._prompt(section) for section in SIDEBAR_SECTIONS]
        if len(self._shown) != len(prompts):
            self.set_options(
                Option(prompt, id=section)
                for prompt, section in zip(prompts, SIDEBAR_SECTIONS, strict=True)
            )
        else:
            for index, (old, new) in enumerate(zip(self._shown, prompts, strict=True)):
                if old != new:
                    self.replace_option_prompt_at_index(index, new)
        self._shown = prompts

    @on(OptionList.OptionSelected)
    def _jump(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.post_message(NavigateTo(event.option.id))

    @on(OptionList.OptionHighlighted)
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
