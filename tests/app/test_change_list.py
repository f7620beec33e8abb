"""The lists of changes (save summary, conflict, recovery) stay quick with thousands."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from textual.app import App
from textual.widgets import Static

from bench.scale import renamed_policy, scaled_policy
from exports.diff import Change, diff_policies
from screens.save_summary import MAX_LINES, SaveSummaryDialog, group
from tests.app.conftest import SIZE
from wizard.core.i18n import set_language


async def _shown(changes: Mapping[str, Sequence[Change]]) -> tuple[list[str], list[str]]:
    """The section titles and the change lines the save dialog shows."""
    app: App[None] = App()
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(SaveSummaryDialog(changes, by=""))
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, SaveSummaryDialog)
        sections = [str(s.render()) for s in dialog.query(".change-section").results(Static)]
        lines = [str(s.render()) for s in dialog.query(".change-line").results(Static)]
    return sections, lines


async def test_thousands_of_changes_show_the_first_and_how_many_more() -> None:
    set_language("en")
    old = scaled_policy(100)
    changes = group(diff_policies(old, renamed_policy(old)))
    counts = {section: len(items) for section, items in changes.items()}
    assert sum(counts.values()) > 1000
    sections, lines = await _shown(changes)
    assert len(sections) == len(changes)
    more = [line for line in lines if line.startswith("… and ")]
    assert len(lines) - len(more) == MAX_LINES
    hidden = sum(int(line.removeprefix("… and ").removesuffix(" more")) for line in more)
    assert hidden == sum(counts.values()) - MAX_LINES
    assert lines[0].startswith("Values 1 › Value (Honesty (renamed)): ")


async def test_a_few_changes_are_all_shown() -> None:
    set_language("uk")
    old = scaled_policy(1)
    changes = group(diff_policies(old, renamed_policy(old)))
    _, lines = await _shown(changes)
    assert len(lines) == sum(len(items) for items in changes.values())
    assert not any(line.startswith("…") for line in lines)
