"""The page header shows the title as Textual's does, and a header that lost its
title widget (being taken down while the app closes) ignores a title change."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.app import App, ComposeResult
from textual.widgets import Input, Static

from screens.widgets.header import PageHeader
from tests.app.conftest import focus, send_keys, settle, wait_for
from wizard.core.i18n import t
from wizard.core.state import PolicyState
from wizard.tui.app import PresenceApp


class _HeaderApp(App[None]):
    def compose(self) -> ComposeResult:
        yield PageHeader()


def _title_text(app: App[Any]) -> str:
    return str(app.screen.query_one("HeaderTitle", Static).render())


async def test_the_header_follows_the_title_and_sub_title() -> None:
    app = _HeaderApp()
    async with app.run_test(size=(60, 5)) as pilot:
        await wait_for(pilot, lambda: app.screen.query("HeaderTitle"), "the header's title")
        app.title = "brand-policy.toml"
        app.sub_title = "modified"
        await wait_for(pilot, lambda: "modified" in _title_text(app), "the sub-title shown")
        assert "brand-policy.toml" in _title_text(app)
        app.sub_title = ""
        await wait_for(pilot, lambda: "modified" not in _title_text(app), "the sub-title gone")


async def test_a_title_change_after_the_title_widget_went_is_ignored() -> None:
    app = _HeaderApp()
    async with app.run_test(size=(60, 5)) as pilot:
        await wait_for(pilot, lambda: app.screen.query("HeaderTitle"), "the header's title")
        await app.screen.query_one("HeaderTitle").remove()
        app.title = "another.toml"  # Textual's Header raised NoMatches here
        await settle(pilot)
        assert app.screen.query_one(PageHeader).is_mounted
        assert not app.screen.query("HeaderTitle")


async def test_a_title_change_redraws_the_title_only_when_its_text_changes() -> None:
    app = _HeaderApp()
    async with app.run_test(size=(60, 5)) as pilot:
        await pilot.pause()
        title = app.screen.query_one("HeaderTitle", Static)
        updates: list[bool] = []
        update = title.update

        def counted(content: Any = "", *, layout: bool = True) -> None:
            updates.append(layout)
            update(content, layout=layout)

        setattr(title, "update", counted)  # noqa: B010 - this widget only
        app.sub_title = "modified"
        await pilot.pause()
        app.title = app.title  # the same text: nothing to redraw
        app.screen.sub_title = None
        await pilot.pause()
        assert updates == [False]  # one line, whatever the text: no layout of the screen
        assert "modified" in _title_text(app)


async def test_the_wizard_says_modified_without_drawing_the_whole_screen_again(
    tmp_path: Path,
) -> None:
    """The first change after opening (or a save) puts "modified" in the header, and
    undoing it takes it out: the header redraws its title; the rest of the screen
    stays as drawn (Textual's own title repainted every widget on each)."""
    data = {"schema_version": 1, "document": {"company": "Acme"}}
    path = tmp_path / "p.toml"
    app = PresenceApp(PolicyState(data, path=path, saved=data), section="document")
    async with app.run_test(size=(100, 30)) as pilot:
        field = await focus(pilot, "#document-company")
        assert isinstance(field, Input)
        whole: list[object] = []
        screen = app.screen
        refresh = screen.refresh

        def counted(*regions: Any, **options: Any) -> Any:
            if not regions and not options.get("layout"):
                whole.append(options)
            return refresh(*regions, **options)

        setattr(screen, "refresh", counted)  # noqa: B010 - this screen only
        modified = t("app.modified")
        send_keys(pilot, "end")
        await wait_for(pilot, lambda: field.selection.is_empty and field.cursor_position == 4)
        send_keys(pilot, "x")
        await wait_for(pilot, lambda: _title_text(app).endswith(modified), "'modified' shown")
        send_keys(pilot, "backspace")
        await wait_for(pilot, lambda: not _title_text(app).endswith(modified), "'modified' gone")
        assert field.value == "Acme"
        assert whole == []
