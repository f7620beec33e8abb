"""The header of the wizard's pages: Textual's `Header` without a clock, the icon ≡.

Its title survives the header being taken down while a screen built ahead is still
being mounted (`screens.textual_tricks.TitleHeader`).
"""

from __future__ import annotations

from screens.textual_tricks import TitleHeader

__all__ = ["PageHeader"]


class PageHeader(TitleHeader):
    """`Header` for the wizard's pages (`show_clock=False`, the icon ≡)."""

    def __init__(self) -> None:
        super().__init__(show_clock=False, icon="≡")
