"""Format version 2 in the exported document: the approval's position and date, the
scope, the optional sections numbered on from 6 (only those included, with exactly the
format's headings), the acknowledgement sheet's recorded rows, the voice, the cadence."""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any

import pytest

from exports.document import build_document
from exports.html import export_html
from exports.markdown import export_markdown
from exports.pdf import export_pdf
from schemas.sections import HEADED, heading
from tests.unit.documents import page_texts
from tests.unit.rendered import UK_POLICY, example_path, headings, load, visible_text

OPTIONAL = {
    "en": [
        "Account security and access",
        "Roles and approvals",
        "Crisis and incidents",
        "Legal rules and disclosure",
        "Accessibility",
        "Measuring results",
    ],
    "uk": [
        "Безпека акаунтів і доступи",
        "Ролі та погодження",
        "Кризові ситуації та інциденти",
        "Правові вимоги та маркування",
        "Доступність",
        "Вимірювання результатів",
    ],
}
"""The spec's headings table, word for word."""
TAIL = {
    "en": ["Revision history", "Acknowledgement sheet"],
    "uk": ["Історія змін", "Аркуш ознайомлення"],
}
SECTIONS = ("security", "roles", "crisis", "legal", "accessibility", "results")


def version_2(path: Any = None) -> dict[str, Any]:
    data = copy.deepcopy(load(path or example_path()))
    data["schema_version"] = 2
    document = data["document"]
    document["approved_by"] = "Jane Doe"
    document["approver_title"] = "Director"
    document["approved_on"] = dt.date(2026, 11, 30)
    document["scope"] = "Staff, agencies and freelancers"
    data["platforms"][0]["admins"] = ["Jane Doe", "SMM manager"]
    data["platforms"][0]["account_email"] = "social@northwind.example"
    data["communication"]["traits"] = [
        {"is": "Warm", "is_not": "Gushing", "example": "Glad you liked it!"}
    ]
    data["communication"]["tones"] = [{"situation": "A complaint", "tone": "Calm, sorry"}]
    data["content"]["rubrics"][0].update(
        {"times": 2, "per": "week", "days": ["tue", "fri"], "time": dt.time(10, 0)}
    )
    data["content"]["rubrics"][1].update({"times": 3, "per": "day", "time": dt.time(8, 0)})
    data["security"] = {
        "password_manager": "1Password, vault Social",
        "two_factor_required": True,
        "min_admins": 2,
        "access_review_every_months": 6,
        "last_access_review": dt.date(2026, 10, 1),
        "offboarding": ["Remove their admin rights", "Change shared passwords"],
        "hacked_account": ["Call the platform's support"],
        "recovery_contact": "it@northwind.example",
    }
    data["roles"] = {
        "people": [
            {"name": "Jane Doe", "role": "Director", "contact": "+380 44 000 0000"},
            {"name": "Ann Lee", "role": "SMM manager", "backup": "Jane Doe"},
        ],
        "approvals": [{"content": "Paid posts", "approver": "Jane Doe", "within_hours": 24}],
        "without_approval": ["Daily bakes"],
    }
    data["crisis"] = {
        "levels": [
            {
                "name": "Red",
                "examples": "Food poisoning",
                "decides": "Jane Doe",
                "respond_within_minutes": 60,
                "actions": ["Pause scheduled posts"],
            }
        ],
        "first_steps": ["Inform the director"],
        "statements": [{"title": "Holding", "text": "We are looking into it, {name}."}],
        "contacts": [{"name": "Jane Doe", "contact": "jane@northwind.example", "hours": "24/7"}],
    }
    data["legal"] = {"ad_label": "#ad on every paid post", "consequences": "A written warning."}
    data["accessibility"] = {"alt_text": True, "captions": True, "max_emoji": 3, "notes": "Plain."}
    data["results"] = {
        "metrics": [{"name": "Class sign-ups", "goal": "sales", "target": "40 a month"}],
        "report_to": "Jane Doe",
        "report_every": "monthly",
    }
    data["acknowledgements"] = [
        {
            "name": "Ann Lee",
            "organisation": "Northwind",
            "date": dt.date(2026, 12, 2),
            "version": "1.1",
        },
        {"name": "Bo Agency", "date": dt.date(2026, 12, 3), "version": "1.0"},
    ]
    return data


def _h2(lang: str, included: list[str]) -> list[str]:
    numbered = [
        f"{number}. {OPTIONAL[lang][SECTIONS.index(name)]}"
        for number, name in enumerate([s for s in SECTIONS if s in included], 6)
    ]
    return [*(heading(s, lang) for s in HEADED), *numbered, *TAIL[lang]]


def test_every_optional_section_is_numbered_on_from_six() -> None:
    data = version_2()
    assert headings(export_markdown(data), 2) == _h2("en", list(SECTIONS))


@pytest.mark.parametrize("left_out", [["security"], ["roles", "legal"], list(SECTIONS)])
def test_the_numbers_close_up_when_a_section_is_left_out(left_out: list[str]) -> None:
    data = version_2()
    for name in left_out:
        del data[name]
    included = [s for s in SECTIONS if s not in left_out]
    assert headings(export_markdown(data), 2) == _h2("en", included)


def test_an_included_empty_section_reads_not_defined_yet() -> None:
    data = version_2()
    data["legal"] = {}
    text = visible_text(export_markdown(data))
    after = text.rsplit("9. Legal rules and disclosure", 1)[1].lstrip()
    assert after.startswith("not defined yet")


def test_ukrainian_headings_of_the_optional_sections() -> None:
    data = version_2(UK_POLICY)
    markdown = export_markdown(data)
    assert headings(markdown, 2) == _h2("uk", list(SECTIONS))
    text = visible_text(markdown)
    assert "Обов’язкова для: Staff, agencies and freelancers" in text
    assert "ЗАТВЕРДЖУЮ\nDirector\nПідпис" in text
    assert "30.11.2026" in text  # the requisite's date, ДСТУ 4163:2020
    assert "двічі на тиждень: вт, пт о 10:00" in text
    assert "3 рази на день: 08:00, 11:00, 14:00" in text


def test_the_approval_prints_position_name_and_date() -> None:
    data = version_2()
    text = visible_text(export_markdown(data))
    assert "Approved by\nDirector\nJane Doe\nSignature ....." in text
    assert "Date 30 November 2026" in text
    assert "Applies to: Staff, agencies and freelancers" in text
    html = export_html(data)
    assert "<p>Director</p>\n<p>Jane Doe</p>" in html
    first = page_texts(export_pdf(data))[0]
    assert "Director" in first and "30 November 2026" in first


def test_the_acknowledgement_sheet_lists_the_recorded_rows_then_blank_ones() -> None:
    data = version_2()
    markdown = export_markdown(data)
    sheet = markdown.split("## Acknowledgement sheet", 1)[1]
    rows = [line for line in sheet.splitlines() if line.startswith("| ")][1:]
    assert rows[0] == "| 1 | Ann Lee | Northwind | 1.1 | 2 December 2026 |  |"
    assert rows[1] == "| 2 | Bo Agency |  | 1.0 | 3 December 2026 |  |"
    assert rows[2] == "| 3 |  |  |  |  |  |"
    assert len(rows) == 2 + 8
    last = page_texts(export_pdf(data))[-1]
    assert "Ann Lee" in last and "Bo Agency" in last


def test_the_sections_show_what_they_hold() -> None:
    text = visible_text(export_markdown(version_2()))
    for phrase in (
        "Logins are kept in: 1Password, vault Social",
        "Two-factor authentication: required on every account",
        "Access review: every 6 months",
        "When a person or an agency leaves",
        "Remove their admin rights",
        "If an account is hacked",
        "Account recovery contact: it@northwind.example",
        "People and roles",
        "Ann Lee",
        "Paid posts",
        "1 day",
        "Posted without approval",
        "Severity levels",
        "Red — Actions",
        "Pause scheduled posts",
        "First steps",
        "Holding statements",
        "We are looking into it, {name}.",
        "Crisis contacts",
        "Labelling paid and partner posts",
        "#ad on every paid post",
        "Every image gets a description (alternative text).",
        "At most 3 emoji per post.",
        "Class sign-ups",
        "Report to: Jane Doe",
        "We are",
        "Gushing",
        "Tone by situation",
        "Admins: Jane Doe, SMM manager",
        "Account registered to: social@northwind.example",
        "twice a week: Tue, Fri at 10:00",
        "3 times a day: 08:00, 11:00, 14:00",
    ):
        assert phrase in text, phrase


def test_missing_parts_of_an_optional_section_are_named_at_the_top() -> None:
    from schemas.problems import Problem

    data = version_2()
    data["security"] = {}
    problems = [Problem("security.password_manager", "missing", "required")]
    document = build_document(data, problems=problems)
    markdown = export_markdown(data, problems=problems)
    assert document.draft
    assert "> - 6\\. Account security and access: Logins are kept in" in markdown
    assert "6. Account security and access: Logins are kept in" in visible_text(markdown)
