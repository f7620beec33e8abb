"""The page header shows the title as Textual's does, in one widget: ≡ opens the
command palette, a title change redraws the line only when its text changes, and a
header being taken down ignores one."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.app import App, ComposeResult
from textual.widgets import Input

from screens.widgets.header import PageHeader
from tests.app.conftest import focus, send_keys, settle, wait_for
from wizard.core.i18n import t
from wizard.core.state import PolicyState
from wizard.tui.app import PresenceApp


class _HeaderApp(App[None]):
    def compose(self) -> ComposeResult:
        yield PageHeader()


def _title_text(app: App[Any]) -> str:
    return str(app.screen.query_one(PageHeader).render()).strip()


async def test_the_header_follows_the_title_and_sub_title() -> None:
    app = _HeaderApp()
    async with app.run_test(size=(60, 5)) as pilot:
        await wait_for(pilot, lambda: app.screen.query(PageHeader), "the header")
        app.title = "brand-policy.toml"
        app.sub_title = "modified"
        await wait_for(pilot, lambda: "modified" in _title_text(app), "the sub-title shown")
        assert "brand-policy.toml" in _title_text(app)
        app.sub_title = ""
        await wait_for(pilot, lambda: "modified" not in _title_text(app), "the sub-title gone")


async def test_the_title_is_centred_between_the_icon_and_the_clocks_place() -> None:
    app = _HeaderApp()
    async with app.run_test(size=(60, 5)) as pilot:
        header = await _header(pilot, app)
        app.title = "brand-policy.toml"
        await wait_for(pilot, lambda: "brand" in _title_text(app), "the title")
        line = str(header.render())
        assert len(line) == 60 and line.startswith(" ≡ ")
        start = line.index("brand")
        end = start + len("brand-policy.toml")
        assert abs((start - 8) - (60 - 10 - end)) <= 1  # centred in its 42 cells
        # A path too long for its 42 cells loses its start, never "modified".
        app.title = "/home/olena/policies/northwind/2027/brand-policy.toml"
        app.sub_title = "modified"
        await wait_for(pilot, lambda: "…" in str(header.render()), "the ellipsis")
        line = str(header.render())
        assert len(line) == 60
        shown = line[8:50].strip()
        assert shown.startswith("…") and shown.endswith("brand-policy.toml — modified")


async def test_a_click_on_the_icon_opens_the_command_palette() -> None:
    from textual.command import CommandPalette

    app = _HeaderApp()
    async with app.run_test(size=(60, 5)) as pilot:
        await _header(pilot, app)
        await pilot.click(PageHeader, offset=(20, 0))  # the title: nothing
        await pilot.pause()
        assert not isinstance(app.screen, CommandPalette)
        await pilot.click(PageHeader, offset=(1, 0))
        await wait_for(pilot, lambda: isinstance(app.screen, CommandPalette), "the palette")


async def test_a_title_change_reaching_a_header_being_taken_down_is_ignored() -> None:
    app = _HeaderApp()
    async with app.run_test(size=(60, 5)) as pilot:
        header = await _header(pilot, app)
        await header.remove()
        app.title = "another.toml"
        await settle(pilot)
        assert app.is_running and not app.screen.query(PageHeader)


async def test_a_title_change_redraws_the_title_only_when_its_text_changes() -> None:
    app = _HeaderApp()
    async with app.run_test(size=(60, 5)) as pilot:
        header = await _header(pilot, app)
        refreshes: list[dict[str, Any]] = []
        refresh = header.refresh

        def counted(*regions: Any, **options: Any) -> Any:
            refreshes.append(options)
            return refresh(*regions, **options)

        setattr(header, "refresh", counted)  # noqa: B010 - this widget only
        app.sub_title = "modified"
        await pilot.pause()
        app.title = app.title  # the same text: nothing to redraw
        app.screen.sub_title = None
        await pilot.pause()
        assert refreshes == [{}]  # one line, whatever the text: no layout of the screen
        assert "modified" in _title_text(app)


async def _header(pilot: Any, app: App[Any]) -> PageHeader:
    await wait_for(pilot, lambda: app.screen.query(PageHeader), "the header")
    header = app.screen.query_one(PageHeader)
    await wait_for(pilot, lambda: header.size.width > 0, "the header laid out")
    return header


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
        await wait_for(pilot, lambda: field.value == "Acmex", "the x typed")
        assert app.state is not None and app.state.is_dirty
        await wait_for(pilot, lambda: _title_text(app).endswith(modified), "'modified' shown")
        send_keys(pilot, "backspace")
        await wait_for(pilot, lambda: not _title_text(app).endswith(modified), "'modified' gone")
        assert field.value == "Acme"
        assert whole == []
