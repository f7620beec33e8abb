"""A whole policy written through the wizard from an empty start, in English and in
Ukrainian: every section and key through the widgets, then save, compare the file
with the target policy (all but [[revisions]]), export and read the document."""

from __future__ import annotations

import html
import re
import tomllib
from pathlib import Path
from typing import Any

import pytest
from markdown_it import MarkdownIt

from schemas import check_policy
from schemas.sections import CORE_SECTIONS
from screens.export_dialog import ExportDialog
from tests.app.conftest import SIZE, SMALL, on_top, send_keys
from tests.app.fill import Author, covered_paths, data_paths, write_policy
from wizard.core.service import EXAMPLE_PATH
from wizard.core.state import PolicyState
from wizard.tui.app import PresenceApp

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SPEC_EXAMPLE = FIXTURES / "spec" / "example-policy.toml"
"""The example policy of the format's specification (version 1), as the spec ships it."""
EXAMPLE_FILE = FIXTURES / "rules" / "example-policy.toml"
"""The complete example of version 1 that the English test writes."""
UK_FILE = FIXTURES / "uk-policy.toml"

HEADINGS = {
    "en": [
        "1. Mission, objectives and values",
        "2. Social media platforms",
        "3. Tools",
        "4. Communication principles",
        "5. Content types",
    ],
    "uk": [
        "1. Місія, завдання і цінності компанії",
        "2. Майданчики в соцмережах",
        "3. Використовувані інструменти",
        "4. Принципи спілкування",
        "5. Типи контенту",
    ],
}
"""The exported document's section headings, as the spec fixes them."""


def _target(path: Path) -> dict[str, Any]:
    """The policy to write: the file's data without [[revisions]] (the wizard writes those)."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    data.pop("revisions", None)
    return data


def _plain_text(markdown: str) -> str:
    """The rendered document's text, whitespace collapsed (escapes and markup gone)."""
    page = MarkdownIt("commonmark", {"html": False}).enable("table").render(markdown)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


def _shown_values(data: dict[str, Any]) -> list[str]:
    """Values the exported document must show (access data is left out by default)."""
    document, mission = data["document"], data["mission"]
    communication = data["communication"]
    values = [
        document["company"],
        document["approved_by"],
        mission["statement"],
        *mission["objectives"],
        *(value["name"] for value in mission["values"]),
        *(value["meaning"] for value in mission["values"]),
        *(platform["name"] for platform in data["platforms"]),
        *(platform["purpose"] for platform in data["platforms"] if "purpose" in platform),
        *(tool["name"] for tool in data["tools"]),
        *communication["preferred_words"],
        communication["response_time"]["working_hours"],
        *(template["title"] for template in communication["templates"]),
        *(line for template in communication["templates"] for line in template["text"].split("\n")),
        communication["negative"]["approach"],
        *(contact["topic"] for contact in communication["negative"]["escalation"]),
        *(rubric["name"] for rubric in data["content"]["rubrics"]),
        *data["content"]["hashtags"],
    ]
    return [" ".join(value.split()) for value in values if value.strip()]


def test_the_steps_cover_every_key_of_both_policies() -> None:
    for path in (EXAMPLE_FILE, UK_FILE):
        missing = data_paths(_target(path)) - covered_paths() - {"schema_version"}
        assert missing == set(), f"{path.name}: no widget is driven for {sorted(missing)}"


def test_the_example_is_the_spec_example() -> None:
    """The example the English test writes is the spec's; the wizard's built-in example
    is the same policy grown by the keys of version 2."""
    assert _target(EXAMPLE_FILE) == _target(SPEC_EXAMPLE)
    built_in = _target(EXAMPLE_PATH)
    assert built_in["mission"] == _target(SPEC_EXAMPLE)["mission"]
    assert [p["name"] for p in built_in["platforms"]] == ["Instagram", "Telegram"]


@pytest.mark.parametrize(
    ("lang", "source", "size", "keys", "buttons"),
    [
        pytest.param("en", EXAMPLE_FILE, SMALL, True, False, id="english"),
        pytest.param("uk", UK_FILE, SIZE, False, True, id="ukrainian"),
    ],
)
async def test_write_the_whole_policy_save_and_export(
    tmp_path: Path, lang: str, source: Path, size: tuple[int, int], keys: bool, buttons: bool
) -> None:
    """English at 80x24: dates and minutes typed key by key, ctrl+n to move on;
    Ukrainian at 100x30: everything pasted (« » — ’ and emoji arrive intact), the
    Next button. Text is pasted into the field that has the focus, as a terminal does."""
    target = _target(source)
    policy = tmp_path / "brand-policy.toml"
    app = PresenceApp(PolicyState(path=policy), lang=lang)
    async with app.run_test(size=size) as pilot:
        author = Author(pilot, lang=lang, keys=keys, buttons=buttons)
        await write_policy(author, target)
        state = app.state
        assert state is not None
        assert state.data == {"schema_version": 1, **target}
        for step in ("document", "mission", "platforms", "tools", "communication", "content"):
            assert state.section_status(step).state == "done", step

        send_keys(pilot, "ctrl+s")
        await author.until(lambda: policy.exists() and not state.is_dirty, "the save")
        assert app.title == str(policy) and app.sub_title == ""

        text = policy.read_text(encoding="utf-8")
        saved = tomllib.loads(text)
        assert saved == {"schema_version": 1, **target}
        assert "revisions" not in saved  # no entry on the first save of a new policy
        assert [p for p in check_policy(saved) if p.level != "warning"] == []
        # multi-line text as TOML multi-line strings; tables in the format's order
        assert '"""' in text and "\\n" not in text
        headers = re.findall(r"^\[+([a-z_.]+)\]+$", text, flags=re.MULTILINE)
        tops = list(dict.fromkeys(header.split(".")[0] for header in headers))
        assert tops == list(CORE_SECTIONS)

        # export from the review
        send_keys(pilot, "ctrl+r")
        await author.at_step("review")
        await author.click("review-export")
        await on_top(pilot, ExportDialog)
        assert not app.screen.query_one("#export-draft").display
        await author.click("export-ok")
        exported = tmp_path / "brand-policy.md"
        await author.until(exported.exists, "the exported document")
        await author.until(lambda: app.current_step == "review" and app.screen.is_active)

    markdown = exported.read_text(encoding="utf-8")
    lines = markdown.splitlines()
    assert lines[0].startswith("# ") and target["document"]["company"] in _plain_text(lines[0])
    sections = [line[3:] for line in lines if line.startswith("## ")]
    assert sections[:5] == HEADINGS[lang]
    assert "draft" not in markdown.lower() and "чернетка" not in markdown.lower()
    document = _plain_text(markdown)
    for value in _shown_values(target):
        assert value in document, value
    for platform in target["platforms"]:
        if "access" in platform:
            assert " ".join(platform["access"].split()) not in document
