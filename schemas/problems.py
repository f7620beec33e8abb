"""Problems found in a policy: a key path, a level and a message.

A problem carries a message `code` and its `params`; its words come from the
`problems` catalogue of `schemas.texts`, in English (`message`) or any language
(`text(lang)`), for the command line and the wizard alike.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from schemas.texts import text

Level = Literal["error", "missing", "warning"]
LEVELS: tuple[Level, ...] = ("error", "missing", "warning")

ParamValue = str | int | float

MESSAGES: dict[str, str] = {}
"""English message templates by code, for reference; filled in by `schemas.messages`."""


@dataclass(frozen=True)
class Problem:
    """One problem at one key path."""

    path: str
    """Dotted key path with [i] for array items, e.g. "platforms[0].url"."""

    level: Level
    code: str
    """Message code: a key of `MESSAGES`."""

    params: dict[str, ParamValue] = field(default_factory=dict, compare=False, hash=False)

    @property
    def message(self) -> str:
        """The English message text."""
        return self.text("en")

    def text(self, lang: str) -> str:
        """The message in `lang` (the `problems` catalogue, with the params filled in)."""
        return text("problems", self.code, lang, **self.params)

    @property
    def section(self) -> str:
        """The top-level section the path belongs to (or the top-level key)."""
        head = self.path.split(".", 1)[0]
        if head.startswith('"'):  # a quoted top-level key: unknown, its own "section"
            return self.path.split("[", 1)[0]
        return head.split("[", 1)[0]
