"""3. Tools: the services the team uses, each with its category, how to use it and
where access lives. Optional for a valid policy; the section is done with one tool
(`wizard.core.completeness`)."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult

from schemas.collect import name_key
from schemas.keypath import parse_path
from schemas.model import TOOL_CATEGORIES, ToolCategory
from screens.base import SectionScreen, section_css
from screens.widgets.fields import FieldRow, FieldSpec
from screens.widgets.list_editor import ListEditor
from screens.widgets.messages import Edited

TOOL_CATALOGUE: dict[ToolCategory, tuple[str, ...]] = {
    "scheduling": ("Meta Business Suite", "Buffer", "Hootsuite", "Later", "Publer"),
    "inbox": ("Sprout Social",),
    "monitoring": ("YouScan", "Google Alerts", "Brand24"),
    "design": ("Canva", "Figma", "CapCut"),
    "chatbot": ("SendPulse", "ManyChat", "Telegram bot"),
    "analytics": ("Google Analytics", "Meta Insights"),
    "ads": ("Meta Ads Manager", "Google Ads"),
}
"""Common tools by category, offered while typing a tool's name (any other is accepted)."""

TOOL_NAMES: tuple[str, ...] = tuple(name for names in TOOL_CATALOGUE.values() for name in names)

_CATEGORY_OF: dict[str, ToolCategory] = {
    name_key(name): category for category, names in TOOL_CATALOGUE.items() for name in names
}


def catalogue_category(name: str) -> ToolCategory | None:
    """The category of a catalogue tool called `name` (any case), else None."""
    return _CATEGORY_OF.get(name_key(name))


FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("tools.name", suggestions=TOOL_NAMES),
    FieldSpec("tools.category", "choice", choices=TOOL_CATEGORIES, choice_key="category"),
    FieldSpec("tools.url"),
    FieldSpec("tools.purpose"),
    FieldSpec("tools.recommendations", "long"),
    FieldSpec("tools.owner"),
    FieldSpec("tools.access"),
)
"""The form of the selected tool: every key of the spec."""


class ToolsScreen(SectionScreen):
    """Edits [[tools]]."""

    STEP = "tools"
    CSS_PATH = section_css("tools.tcss")

    def compose_fields(self) -> ComposeResult:
        yield ListEditor(self.state, "tools", columns=("name", "category"), fields=FIELDS)

    @on(Edited)
    def _name_edited(self, event: Edited) -> None:
        """A catalogue name fills in the category while none is chosen."""
        parts = parse_path(event.path)
        if len(parts) != 3 or parts[0] != "tools" or parts[2] != "name":
            return
        entry = f"tools[{parts[1]}]"
        name = self.state.get(f"{entry}.name")
        category = catalogue_category(name) if isinstance(name, str) else None
        if category is None or self.state.get(f"{entry}.category") is not None:
            return
        self.state.set(f"{entry}.category", category)
        for row in self.query(FieldRow):
            if row.data_path == f"{entry}.category":
                row.load()
        index = parts[1]
        if isinstance(index, int):
            self.query_one(ListEditor).refresh_entry(index)
