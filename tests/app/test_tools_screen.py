"""3. Tools: optional list, every key's field, catalogue names filling the category,
validation at the fields."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual import events
from textual.widgets import Input, OptionList, Select, Static, TextArea

from screens.tools import FIELDS, TOOL_NAMES, catalogue_category
from screens.widgets.list_editor import ListEditor
from tests.app.conftest import SIZE, SMALL, click, entry_lines, field_problem, open_app, state_of
from wizard.tui.app import PresenceApp

KEYS = ("name", "category", "url", "purpose", "recommendations", "owner", "access")

ENTRIES = "tools-entries"
"""The id of the list editor's entries."""


def _app(tmp_path: Path, data: dict[str, Any] | None = None, lang: str = "en") -> PresenceApp:
    return open_app(tmp_path, data, section="tools", lang=lang)


def test_catalogue() -> None:
    assert catalogue_category("buffer") == "scheduling"
    assert catalogue_category(" Canva ") == "design"
    assert catalogue_category("YouScan") == "monitoring"
    assert catalogue_category("Our own CRM") is None
    assert len(set(TOOL_NAMES)) == len(TOOL_NAMES)


async def test_empty_list_is_fine_and_every_key_has_its_field(tmp_path: Path) -> None:
    app = _app(tmp_path, {"schema_version": 1, "tools": [{"name": "Buffer"}]})
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()  # let the screen finish mounting
        assert tuple(spec.path for spec in FIELDS) == tuple(f"tools.{k}" for k in KEYS)
        for key in KEYS:
            assert app.query_one(f"#tools-{key}") is not None
        assert isinstance(app.query_one("#tools-category"), Select)
        assert isinstance(app.query_one("#tools-recommendations"), TextArea)
        await click(pilot, "#tools-remove")
        await pilot.click("#dialog-yes")
        await pilot.pause()
        state = state_of(app)
        assert state.get("tools") is None
        assert state.section_status("tools").state == "done"
        problem = app.query_one("#tools").query_one(".list-problem", Static)
        assert str(problem.render()) == ""
        help_line = app.query_one("#tools").query_one(".list-help", Static)
        assert "Optional" in str(help_line.render())


async def test_add_with_catalogue_category_edit_remove_reorder(tmp_path: Path) -> None:
    app = _app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()  # let the screen finish mounting
        state = state_of(app)
        await click(pilot, "#tools-add")
        assert app.query_one("#tools-name", Input).has_focus
        await pilot.press(*"Buff", "right")
        assert state.get("tools[0]") == {"name": "Buffer", "category": "scheduling"}
        assert app.query_one("#tools-category", Select).value == "scheduling"
        assert "Buffer — Scheduling" in entry_lines(app, ENTRIES)[0]
        # a category chosen first is not overwritten by a catalogue name
        await click(pilot, "#tools-add")
        app.query_one("#tools-category", Select).value = "design"
        await pilot.pause()
        app.query_one("#tools-name", Input).focus()
        await pilot.press(*"Canva")
        app.query_one("#tools-recommendations", TextArea).text = "Brand kit only.\nNo stock photos."
        await pilot.pause()
        # a name outside the catalogue: no category is guessed
        await click(pilot, "#tools-add")
        await pilot.press(*"Our CRM")
        assert state.get("tools") == [
            {"name": "Buffer", "category": "scheduling"},
            {
                "category": "design",
                "name": "Canva",
                "recommendations": "Brand kit only.\nNo stock photos.",
            },
            {"name": "Our CRM"},
        ]
        # reorder and remove
        await click(pilot, "#tools-up")
        assert [tool["name"] for tool in state.get("tools")] == ["Buffer", "Our CRM", "Canva"]
        entries = app.query_one("#tools-entries", OptionList)
        entries.focus()
        await pilot.press("up", "alt+down")
        assert [tool["name"] for tool in state.get("tools")] == ["Our CRM", "Buffer", "Canva"]
        await pilot.press("delete")
        await pilot.click("#dialog-yes")
        await pilot.pause()
        assert [tool["name"] for tool in state.get("tools")] == ["Our CRM", "Canva"]


async def test_filter(tmp_path: Path) -> None:
    tools = [{"name": f"Tool {i}", "category": "other"} for i in range(200)]
    tools[150]["purpose"] = "Weekly report"
    app = _app(tmp_path, {"schema_version": 1, "tools": tools})
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()  # let the screen finish mounting
        await click(pilot, "#tools-filter")
        await pilot.press(*"weekly")
        assert len(entry_lines(app, ENTRIES)) == 1
        assert app.query_one("#tools", ListEditor).selected == 150
        assert app.query_one("#tools-name", Input).value == "Tool 150"


async def test_bad_url_and_duplicate_name_at_the_fields(tmp_path: Path) -> None:
    data = {"schema_version": 1, "tools": [{"name": "Buffer"}, {"name": "Canva"}]}
    app = _app(tmp_path, data)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()  # let the screen finish mounting
        app.query_one("#tools-url", Input).value = "buffer.com"
        await pilot.pause()
        assert field_problem(app, "tools-url").has_class("-error")
        app.query_one("#tools-entries", OptionList).highlighted = 1
        await pilot.pause()
        assert not field_problem(app, "tools-url").has_class("-error")
        app.query_one("#tools-name", Input).value = "BUFFER"
        await pilot.pause()
        assert field_problem(app, "tools-name").has_class("-error")
        assert "already used at tools[0].name" in str(field_problem(app, "tools-name").render())


async def test_ukrainian_text_by_paste(tmp_path: Path) -> None:
    app = _app(tmp_path, lang="uk")
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()  # let the screen finish mounting
        await click(pilot, "#tools-add")
        await pilot.press(*"Canva")
        area = app.query_one("#tools-recommendations", TextArea)
        area.focus()
        app.post_message(events.Paste("Лише фірмові шаблони — «Зерно»;\nжодних стокових фото"))
        await pilot.pause()
        state = state_of(app)
        assert state.get("tools[0].recommendations") == (
            "Лише фірмові шаблони — «Зерно»;\nжодних стокових фото"
        )
        assert "Canva — Дизайн" in entry_lines(app, ENTRIES)[0]
