"""The editor of a rubric's platforms: a tick list of the platforms of section 2 ("platforms").

References are kept as written: ticking keeps an existing `"instagram"` as it is, and
new ticks are appended in the order of section 2. A reference that names no platform
stays visible, marked, until it is unticked. The names are read afresh each time the
field shows a value, so the list follows renames made in section 2.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from textual.content import Content
from textual.widget import Widget
from textual.widgets import Static
from textual.widgets.selection_list import Selection

from screens.widgets.controls import shown
from screens.widgets.editors.choices import MultiChoiceEditor
from wizard.core.i18n import t


def _refs(value: Any) -> list[str]:
    return [ref for ref in value if isinstance(ref, str)] if isinstance(value, list) else []


def _name_key(name: str) -> str:
    # Imported here: `schemas.collect` loads the models, which start-up does without.
    from schemas.collect import name_key

    return name_key(name)


class PlatformPicker(MultiChoiceEditor):
    """Ticks among the platform names entered in section 2, plus references to none."""

    KIND = "platforms"
    STORES = "array of string"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._options: list[tuple[str, str]] = []
        """(label, value) of each option shown: the platforms, then unknown references."""
        self._empty: Static | None = None
        self._shown_for: str | None = None
        """The key path whose platforms the list shows (its highlight is theirs)."""

    def compose(self) -> Iterator[Widget]:
        yield from super().compose()
        self._empty = Static(t("content.no_platforms"), classes="picker-empty")
        yield self._empty

    def _stored(self) -> list[str]:
        path = self.field.data_path
        return _refs(None if path is None else self.field.state.get(path))

    def refresh_options(self) -> None:
        """Offer the current platform names, plus references to no platform."""
        from wizard.core.references import platform_names

        names = platform_names(self.field.state)
        options: list[tuple[str, str]] = []
        seen: set[str] = set()
        for name in names:
            if _name_key(name) not in seen:
                seen.add(_name_key(name))
                options.append((name, name))
        for ref in self._stored():
            if ref.strip() and _name_key(ref) not in seen:
                seen.add(_name_key(ref))
                options.append((t("content.unknown_platform", name=ref), ref))
        if self._empty is not None:
            self._empty.display = not names
        if options == self._options:
            return
        self._options = options
        picker = self.widget
        picker.clear_options()
        picker.add_options(Selection(Content(shown(label)), value) for label, value in options)

    def show(self, value: Any) -> None:
        """Refresh the options, then tick the rubric's platforms. Another rubric's
        platforms start with the first one highlighted (Space ticks it at once), not
        where the last rubric's highlight was."""
        self.refresh_options()
        super().show(value)
        path = self.field.data_path
        if path != self._shown_for:
            self._shown_for = path
            self.widget.highlighted = 0 if self._options else None

    def to_widget(self, value: Any) -> tuple[str, ...]:
        wanted = {_name_key(ref) for ref in _refs(value)}
        return tuple(v for _, v in self._options if _name_key(v) in wanted)

    def get(self) -> tuple[str, ...]:
        ticked = set(self.widget.selected)
        return tuple(v for _, v in self._options if v in ticked)

    def to_data(self, shown: tuple[str, ...]) -> Any:
        ticked = {_name_key(v) for v in shown}
        kept = [ref for ref in self._stored() if _name_key(ref) in ticked]
        known = {_name_key(ref) for ref in kept}
        return kept + [v for v in shown if _name_key(v) not in known]
