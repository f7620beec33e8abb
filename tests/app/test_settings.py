"""The wizard's timings and clock come from the `Settings` it is built with."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, OptionList

from tests.app.conftest import SIZE, field_problem, open_app, state_of
from wizard.core.drafts import read_draft
from wizard.core.settings import Settings
from wizard.tui.app import build_app

ORIGINAL = 'schema_version = 1\n\n[document]\ncompany = "Acme"\napproved_by = "Jane"\n'


class FakeClock:
    """A clock that moves only when told to."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


async def test_typing_that_goes_on_writes_the_draft_after_the_longest_wait(
    tmp_path: Path,
) -> None:
    policy = tmp_path / "brand-policy.toml"
    policy.write_text(ORIGINAL, encoding="utf-8")
    clock = FakeClock()
    # The quiet time never comes: only the longest wait writes the draft.
    settings = Settings(autosave_delay=3600.0, autosave_max_wait=5.0, clock=clock)
    app = build_app(
        path=policy, section="document", lang="en", new=False, from_=None, settings=settings
    )
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        state = state_of(app)
        state.set("document.company", "Acme 1")
        clock.now += 4.0
        state.set("document.company", "Acme 2")
        await pilot.pause()
        assert read_draft(policy) is None  # 4 s of typing: not yet
        clock.now += 1.0
        state.set("document.company", "Acme 3")
        await pilot.pause()
        draft = read_draft(policy)
        assert draft is not None and draft.data["document"]["company"] == "Acme 3"


def _sidebar_lines(app: object) -> list[str]:
    sidebar = app.screen.query_one("#sidebar", OptionList)  # type: ignore[attr-defined]
    return [str(sidebar.get_option_at_index(i).prompt) for i in range(sidebar.option_count)]


async def test_the_sidebar_follows_after_the_settings_quiet_time(tmp_path: Path) -> None:
    data = {"schema_version": 1, "document": {"company": "Acme", "approved_by": "Jane"}}
    # Two wizards, each over a policy of its own (the first leaves a draft behind).
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    app = open_app(first, data, section="document", settings=Settings(sidebar_delay=3600.0))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        before = _sidebar_lines(app)
        app.screen.query_one("#document-company", Input).value = ""
        for _ in range(100):
            await pilot.pause()
            if field_problem(app, "document-company").display:
                break
        assert str(field_problem(app, "document-company").render()) == "Required"
        assert _sidebar_lines(app) == before  # the sidebar waits for the quiet time

    app = open_app(second, data, section="document", settings=Settings(sidebar_delay=0.01))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        before = _sidebar_lines(app)
        app.screen.query_one("#document-company", Input).value = ""
        for _ in range(100):
            await pilot.pause()
            if _sidebar_lines(app) != before:
                break
        assert _sidebar_lines(app) != before
