"""Every dialog at 80×24 in English and Ukrainian, reached as an author reaches it (keys
and clicks), so that each one is seen whole: its text, its fields and every button.
And the narrow terminal (60×20): the footer keeps Quit, the review's tabs read.

Deterministic by construction, as `test_snapshots.py`: relative file names in a
temporary folder, "today" fixed for the lint, the time zone UTC for the times the
dialogs show, another wizard's lock from another host (its pid and host as written),
a draft written at a fixed time. Regenerate with
`pytest tests/app/test_dialog_snapshots.py --snapshot-update` and look at the SVGs.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import shutil
import time
import tomllib
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Button, Tab, Tabs

import schemas
from screens.conflict import ChangesDialog, ConflictDialog
from screens.dialogs import ConfirmDialog, MessageDialog
from screens.export_dialog import ExportDialog
from screens.lock_dialog import LockDialog
from screens.platforms import RemovePlatformDialog
from screens.recovery import RecoveryDialog
from screens.save_as import SaveAsDialog
from screens.save_summary import SaveSummaryDialog
from screens.widgets.footer import CatalogueFooter
from tests.app.conftest import (
    SMALL,
    at_step,
    click,
    focus,
    on_top,
    send_keys,
    steady_screenshot,
    type_text,
    wait_for,
)
from tests.app.test_snapshots import FILLED, TODAY, _still
from wizard.core import lock
from wizard.core.drafts import write_draft
from wizard.tui.app import PresenceApp, build_app

POLICY = Path("brand-policy.toml")
NARROW = (60, 20)

SnapCompare = Callable[..., bool]
Prepare = Callable[[Pilot[Any]], Awaitable[None]]


@pytest.fixture(autouse=True)
def _fixed_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    """The lint's today fixed; times shown in UTC."""
    monkeypatch.setattr(
        schemas, "check_policy", functools.partial(schemas.check_policy, today=TODAY)
    )
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()


def _open(lang: str, section: str = "document") -> PresenceApp:
    """`presence edit brand-policy.toml` of the filled policy in `lang`."""
    shutil.copyfile(FILLED[lang], POLICY)
    return build_app(path=POLICY, section=section, lang=lang, new=False, from_=None)


async def _edited(pilot: Pilot[Any]) -> None:
    """The company renamed on the document step."""
    await at_step(pilot, "document")
    await type_text(pilot, "#document-company", "Zerno Coffee & Bakery")


async def _saved_twice(pilot: Pilot[Any]) -> None:
    """A first amending save, then a second one: the summary says it updates today's
    entry (the tallest this dialog gets)."""
    await _edited(pilot)
    send_keys(pilot, "ctrl+s")
    await on_top(pilot, SaveSummaryDialog)
    await type_text(pilot, "#summary-note", "Company renamed")
    await type_text(pilot, "#summary-by", "Olena")
    send_keys(pilot, "enter")  # in the name: save
    await at_step(pilot, "document")
    await type_text(pilot, "#document-version", "3.1")
    send_keys(pilot, "ctrl+s")
    await on_top(pilot, SaveSummaryDialog)


async def _conflict(pilot: Pilot[Any]) -> None:
    """The file changed on disk, then a save."""
    await _edited(pilot)
    POLICY.write_text(POLICY.read_text(encoding="utf-8") + "\n# edited elsewhere\n", "utf-8")
    send_keys(pilot, "ctrl+s")
    await on_top(pilot, ConflictDialog)


async def _compare(pilot: Pilot[Any]) -> None:
    await _conflict(pilot)
    await click(pilot, "#conflict-compare")
    await on_top(pilot, ChangesDialog)


async def _save_as(pilot: Pilot[Any]) -> None:
    await _conflict(pilot)
    await click(pilot, "#conflict-save_as")
    await on_top(pilot, SaveAsDialog)


async def _remove_value(pilot: Pilot[Any]) -> None:
    await at_step(pilot, "mission")
    await focus(pilot, "#mission-values-entries")
    send_keys(pilot, "delete")
    await on_top(pilot, ConfirmDialog)


async def _remove_platform(pilot: Pilot[Any]) -> None:
    await at_step(pilot, "platforms")
    await focus(pilot, "#platforms-entries")
    send_keys(pilot, "delete")
    await on_top(pilot, RemovePlatformDialog)


async def _export(pilot: Pilot[Any]) -> None:
    await at_step(pilot, "review")
    await click(pilot, "#review-export")
    await on_top(pilot, ExportDialog)


async def _refused_export(pilot: Pilot[Any]) -> None:
    await at_step(pilot, "communication-response")
    await type_text(pilot, "#communication-response_time-first_reply_avg_minutes", "600")
    send_keys(pilot, "ctrl+r")
    await at_step(pilot, "review")
    await click(pilot, "#review-export")
    await on_top(pilot, MessageDialog)


def _hold_lock() -> None:
    """Another wizard, on another host, has the file open."""
    target = lock.lock_file(POLICY)
    target.parent.mkdir(parents=True, exist_ok=True)
    started = dt.datetime(2026, 11, 30, 9, 15, tzinfo=dt.UTC).isoformat()
    body = {"pid": 4242, "host": "office-laptop", "started": started}
    target.write_text(json.dumps(body), encoding="utf-8")


async def _locked(pilot: Pilot[Any]) -> None:
    await on_top(pilot, LockDialog)


def _keep_draft() -> None:
    """A draft of unsaved work, based on an older version of the file (stale)."""
    data = tomllib.loads(POLICY.read_text(encoding="utf-8"))
    data["document"]["version"] = "9.9"
    written = dt.datetime(2026, 11, 30, 18, 40, tzinfo=dt.UTC)
    write_draft(POLICY, data, "0" * 64, now=written)


async def _recovered(pilot: Pilot[Any]) -> None:
    await on_top(pilot, RecoveryDialog)


CASES: dict[str, tuple[Prepare, type[Screen[Any]], str]] = {
    "confirm": (_remove_value, ConfirmDialog, "mission"),
    "remove-platform": (_remove_platform, RemovePlatformDialog, "platforms"),
    "message": (_refused_export, MessageDialog, "communication-response"),
    "export": (_export, ExportDialog, "review"),
    "summary": (_saved_twice, SaveSummaryDialog, "document"),
    "conflict": (_conflict, ConflictDialog, "document"),
    "changes": (_compare, ChangesDialog, "document"),
    "save-as": (_save_as, SaveAsDialog, "document"),
    "lock": (_locked, LockDialog, "document"),
    "recovery": (_recovered, RecoveryDialog, "document"),
}
"""Each dialog: how an author gets there, its class, the step the wizard opens at."""


def _cases() -> list[Any]:
    return [
        pytest.param(name, lang, id=f"{name}-{lang}-80x24")
        for name in CASES
        for lang in ("en", "uk")
    ]


@pytest.mark.parametrize(("name", "lang"), _cases())
def test_dialog(snap_compare: SnapCompare, name: str, lang: str) -> None:
    prepare, kind, section = CASES[name]
    app = _open(lang, section)
    if name == "lock":
        _hold_lock()
    elif name == "recovery":
        _keep_draft()

    async def run_before(pilot: Pilot[Any]) -> None:
        await prepare(pilot)
        dialog = await on_top(pilot, kind)
        await wait_for(pilot, lambda: pilot.app.focused is not None, "the dialog's focus")
        assert pilot.app.focused is not None and pilot.app.focused.screen is dialog
        await steady_screenshot(pilot)
        cut = [str(b.label) for b in dialog.query(Button) if not dialog.can_view_entire(b)]
        assert not cut, f"buttons cut off at 80×24: {cut}"
        pilot.app.clear_notifications()  # a save's note would lie over the buttons
        _still(pilot)
        await steady_screenshot(pilot)

    assert snap_compare(app, terminal_size=SMALL, run_before=run_before)


@pytest.mark.parametrize("lang", ["en", "uk"])
@pytest.mark.parametrize("step", ["document", "review"])
def test_narrow(snap_compare: SnapCompare, step: str, lang: str) -> None:
    app = _open(lang, step)

    async def run_before(pilot: Pilot[Any]) -> None:
        screen = await at_step(pilot, step)
        _still(pilot)
        await steady_screenshot(pilot)
        footer = screen.query_one(CatalogueFooter)
        assert "quit" in [key.action for key in footer.layout_now().keys]
        if step == "review":
            tabs = screen.query_one(Tabs)
            shown = [tab for tab in tabs.query(Tab) if tabs.can_view_entire(tab)]
            assert len(shown) == len(tabs.query(Tab)), "a tab of the review is cut off"

    assert snap_compare(app, terminal_size=NARROW, run_before=run_before)
