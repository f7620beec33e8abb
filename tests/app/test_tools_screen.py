"""3. Tools: optional list, every key's field, catalogue names filling the category,
validation at the fields."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.widgets import Input, OptionList, Select, Static, TextArea

from screens.dialogs import ConfirmDialog
from screens.tools import FIELDS, TOOL_NAMES, catalogue_category
from screens.widgets.list_editor import ListEditor
from tests.app.conftest import (
    SIZE,
    SMALL,
    choose,
    click,
    entry_lines,
    field_problem,
    focus,
    highlight,
    on_top,
    open_app,
    send_keys,
    shows,
    state_of,
    type_text,
    wait_for,
)
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
        await wait_for(pilot, lambda: app.query_one("#tools-name", Input).value == "Buffer")
        assert tuple(spec.path for spec in FIELDS) == tuple(f"tools.{k}" for k in KEYS)
        for key in KEYS:
            assert app.query_one(f"#tools-{key}") is not None
        assert isinstance(app.query_one("#tools-category"), Select)
        assert isinstance(app.query_one("#tools-recommendations"), TextArea)
        await click(pilot, "#tools-remove")
        await on_top(pilot, ConfirmDialog)
        await click(pilot, "#dialog-yes")
        state = state_of(app)
        await wait_for(pilot, lambda: state.get("tools") is None)
        # valid without tools (nothing missing), but not done: a reader expects one
        assert state.section_status("tools").state == "thin"
        assert [gap.code for gap in state.gaps("tools")] == ["no_tool"]
        problem = app.query_one("#tools").query_one(".list-problem", Static)
        assert str(problem.render()) == ""
        help_line = app.query_one("#tools").query_one(".list-label", Static)
        assert "Optional" in str(help_line.render())


async def test_add_with_catalogue_category_edit_remove_reorder(tmp_path: Path) -> None:
    app = _app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        state = state_of(app)
        await click(pilot, "#tools-add")
        name = app.query_one("#tools-name", Input)
        await wait_for(pilot, lambda: name.has_focus, "the focus on the new entry's name")
        send_keys(pilot, *"Buff")
        # the suggestion for all that was typed: one shown for a part of it ("Buf") is
        # gone when the last letter goes in, and Right would find none to take
        await wait_for(
            pilot,
            lambda: name.value == "Buff" and shows(name, "Buffer"),
            "the catalogue's suggestion",
        )
        send_keys(pilot, "right")  # takes it
        await wait_for(
            pilot, lambda: state.get("tools[0]") == {"name": "Buffer", "category": "scheduling"}
        )
        assert app.query_one("#tools-category", Select).value == "scheduling"
        await wait_for(pilot, lambda: "Buffer — Scheduling" in entry_lines(app, ENTRIES)[0])
        # a category chosen first is not overwritten by a catalogue name
        await click(pilot, "#tools-add")
        await wait_for(pilot, lambda: len(state.items("tools")) == 2)
        await choose(pilot, "#tools-category", "Design")
        await type_text(pilot, "#tools-name", "Canva")
        await type_text(pilot, "#tools-recommendations", "Brand kit only.\nNo stock photos.")
        # a name outside the catalogue: no category is guessed
        await click(pilot, "#tools-add")
        await wait_for(pilot, lambda: len(state.items("tools")) == 3 and name.has_focus)
        send_keys(pilot, *"Our CRM")
        expected = [
            {"name": "Buffer", "category": "scheduling"},
            {
                "category": "design",
                "name": "Canva",
                "recommendations": "Brand kit only.\nNo stock photos.",
            },
            {"name": "Our CRM"},
        ]
        await wait_for(pilot, lambda: state.get("tools") == expected)

        def names() -> list[str]:
            return [tool["name"] for tool in state.get("tools")]

        # reorder and remove
        await click(pilot, "#tools-up")
        await wait_for(pilot, lambda: names() == ["Buffer", "Our CRM", "Canva"])
        await focus(pilot, "#tools-entries")
        send_keys(pilot, "up", "alt+down")
        await wait_for(pilot, lambda: names() == ["Our CRM", "Buffer", "Canva"])
        send_keys(pilot, "delete")
        await click(pilot, "#dialog-yes")
        await wait_for(pilot, lambda: names() == ["Our CRM", "Canva"])


async def test_filter(tmp_path: Path) -> None:
    tools = [{"name": f"Tool {i}", "category": "other"} for i in range(200)]
    tools[150]["purpose"] = "Weekly report"
    app = _app(tmp_path, {"schema_version": 1, "tools": tools})
    async with app.run_test(size=SIZE) as pilot:
        await type_text(pilot, "#tools-filter", "weekly")
        await wait_for(pilot, lambda: len(entry_lines(app, ENTRIES)) == 1)
        assert app.query_one("#tools", ListEditor).selected == 150
        assert app.query_one("#tools-name", Input).value == "Tool 150"


async def test_bad_url_and_duplicate_name_at_the_fields(tmp_path: Path) -> None:
    data = {"schema_version": 1, "tools": [{"name": "Buffer"}, {"name": "Canva"}]}
    app = _app(tmp_path, data)
    async with app.run_test(size=SIZE) as pilot:
        await type_text(pilot, "#tools-url", "buffer.com")
        await wait_for(pilot, lambda: field_problem(app, "tools-url").has_class("-error"))
        await highlight(pilot, "#tools-entries", 1)
        name = app.query_one("#tools-name", Input)
        await wait_for(pilot, lambda: name.value == "Canva")
        assert not field_problem(app, "tools-url").has_class("-error")
        await type_text(pilot, name, "BUFFER")
        await wait_for(pilot, lambda: field_problem(app, "tools-name").has_class("-error"))
        assert "already used at Tools 1 › Tool" in str(field_problem(app, "tools-name").render())
        assert state_of(app).get("tools[0].name") == "Buffer"


async def test_the_form_follows_the_highlight_in_the_same_step(tmp_path: Path) -> None:
    """Moving in the list loads the entry into the form at once, not by a message handled
    later: a key typed into the form right after the move edits the entry moved to, and
    no late reload of the form puts the entry's old value back over what was typed."""
    data = {"schema_version": 1, "tools": [{"name": "Buffer"}, {"name": "Canva"}]}
    app = _app(tmp_path, data)
    async with app.run_test(size=SIZE) as pilot:
        entries = await focus(pilot, "#tools-entries")
        assert isinstance(entries, OptionList)
        editor = app.query_one("#tools", ListEditor)
        name = app.query_one("#tools-name", Input)
        entries.action_cursor_down()  # what Down runs, in the app's turn
        assert editor.selected == 1 and name.value == "Canva"
        await type_text(pilot, name, "Canva Pro")
        state = state_of(app)
        await wait_for(pilot, lambda: state.get("tools[1].name") == "Canva Pro")
        assert state.get("tools[0]") == {"name": "Buffer"}
        assert name.value == "Canva Pro"


async def test_ukrainian_text_by_paste(tmp_path: Path) -> None:
    app = _app(tmp_path, lang="uk")
    async with app.run_test(size=SMALL) as pilot:
        await click(pilot, "#tools-add")
        name = app.query_one("#tools-name", Input)
        await wait_for(pilot, lambda: name.has_focus, "the focus on the new entry's name")
        send_keys(pilot, *"Canva")
        text = "Лише фірмові шаблони — «Зерно»;\nжодних стокових фото"
        await type_text(pilot, "#tools-recommendations", text)
        state = state_of(app)
        await wait_for(pilot, lambda: state.get("tools[0].recommendations") == text)
        await wait_for(pilot, lambda: "Canva — Дизайн" in entry_lines(app, ENTRIES)[0])
