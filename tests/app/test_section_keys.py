"""The key map: alt+0 the document details, alt+1 … alt+9 the sections of those numbers,
ctrl+r the review; a key of a section that does not exist says so and types nothing;
alt+r (alt+к in a Ukrainian layout) reverts the focused field. The same keys through a
real terminal: tests/app/test_terminal_keys.py."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from textual.widgets import Input, Static

from schemas.sections import SECTIONS
from screens.help import HelpScreen
from screens.start import StartScreen
from tests.app.conftest import (
    SIZE,
    Notes,
    at_step,
    focus,
    on_top,
    open_app,
    send_keys,
    settle,
    state_of,
    type_text,
    wait_for,
)
from wizard.core.flow import get_step
from wizard.core.i18n import t
from wizard.tui.app import PresenceApp


def _title(app: PresenceApp) -> str:
    return str(app.screen.query_one("#section-title", Static).render())


@pytest.mark.parametrize("lang", ["en", "uk"])
async def test_alt_digit_goes_to_the_section_of_that_number(tmp_path: Path, lang: str) -> None:
    app = open_app(tmp_path, {"document": {"company": "Acme"}}, section="review", lang=lang)
    async with app.run_test(size=SIZE) as pilot:
        await at_step(pilot, "review")
        for number, section in enumerate(SECTIONS[:10]):  # 10 and 11: sidebar, palette
            send_keys(pilot, f"alt+{number}")
            await at_step(pilot, get_step(section).name)
            assert _title(app).startswith(t(f"section.{section}.title"))
        send_keys(pilot, "ctrl+r")
        await at_step(pilot, "review")
        send_keys(pilot, "alt+2")
        await at_step(pilot, "platforms")
        expected = {"en": "2. Social media platforms", "uk": "2. Майданчики в соцмережах"}
        assert _title(app).startswith(expected[lang])


@pytest.mark.parametrize("lang", ["en", "uk"])
async def test_a_section_key_in_a_field_types_nothing(tmp_path: Path, lang: str) -> None:
    """Every digit has a section now (0–9 of 0–11): a section key pressed in a field
    goes to the section and leaves the field and the policy as they were."""
    app = open_app(tmp_path, {"document": {"company": "Acme"}}, section="document", lang=lang)
    async with app.run_test(size=SIZE) as pilot:
        await at_step(pilot, "document")
        field = await focus(pilot, "#document-company")
        assert isinstance(field, Input)
        before = copy.deepcopy(state_of(app).data)
        send_keys(pilot, "alt+9")
        await at_step(pilot, "legal")
        assert _title(app).startswith(t("section.legal.title"))
        await settle(pilot)
        assert field.value == "Acme" and state_of(app).data == before


async def test_section_keys_do_nothing_over_a_dialog_or_without_a_policy(tmp_path: Path) -> None:
    app = open_app(tmp_path, section="document")
    async with app.run_test(size=SIZE) as pilot:
        await at_step(pilot, "document")
        send_keys(pilot, "f1")
        await on_top(pilot, HelpScreen)
        send_keys(pilot, "alt+2")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen) and app.current_step == "document"
    start = PresenceApp(lang="en")
    async with start.run_test(size=SIZE) as pilot:
        await on_top(pilot, StartScreen)
        send_keys(pilot, "alt+2", "alt+0")
        await settle(pilot)
        assert isinstance(start.screen, StartScreen) and start.state is None


@pytest.mark.parametrize("key", ["alt+r", "alt+к"])
async def test_alt_r_reverts_the_field_in_either_keyboard_layout(
    tmp_path: Path, notes: Notes, key: str
) -> None:
    app = open_app(tmp_path, {"document": {"company": "Acme"}}, section="document")
    async with app.run_test(size=SIZE) as pilot:
        app.notify = notes  # type: ignore[method-assign]
        await type_text(pilot, "#document-company", "Changed")
        state = state_of(app)
        await wait_for(pilot, lambda: state.get("document.company") == "Changed")
        send_keys(pilot, key)
        await wait_for(pilot, lambda: state.get("document.company") is None, "the revert")
        assert notes.messages == [t("revert.done")]
