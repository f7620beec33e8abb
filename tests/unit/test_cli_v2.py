"""The command line with format version 2: the built-in examples, `validate --fail-on`,
the positions of the new problems, `diff` of the new sections, `schema`."""

from __future__ import annotations

import copy
import datetime as dt
import json
import tomllib
from pathlib import Path
from typing import Any

import pytest

from exports.diff import diff_policies, format_text
from tests.unit.conftest import Run

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "wizard" / "data" / "example-policy.toml"
EXAMPLE_UK = ROOT / "wizard" / "data" / "example-policy-uk.toml"
V1 = ROOT / "tests" / "fixtures" / "rules" / "example-policy.toml"
DRAFT = ROOT / "tests" / "fixtures" / "draft-policy.toml"


def load(path: Path) -> dict[str, Any]:
    return tomllib.loads(path.read_text(encoding="utf-8"))


def write_policy(folder: Path, text: str, name: str = "brand-policy.toml") -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("path", [EXAMPLE, EXAMPLE_UK, V1])
def test_the_examples_are_valid(cli: Run, path: Path) -> None:
    for fail_on in ("error", "missing", "warning"):
        assert cli("validate", "--fail-on", fail_on, str(path)) == (0, "", f"{path}: valid\n")


def test_the_examples_keep_their_comments() -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    assert "# where the login lives, never the password" in text
    assert "# full | routine | none" in text
    assert "# The voice as pairs" in text
    uk = EXAMPLE_UK.read_text(encoding="utf-8")
    assert uk.startswith("# Політика представленості бренду: Кав'ярня «Зерно».\n")
    assert "# Хто ознайомився з політикою і з якою версією." in uk


def test_the_examples_hold_every_key_of_version_2() -> None:
    for path in (EXAMPLE, EXAMPLE_UK):
        data = load(path)
        assert {"scope", "approver_title", "approved_on"} <= set(data["document"])
        assert {"admins", "account_email"} <= set(data["platforms"][0])
        assert data["communication"]["traits"] and data["communication"]["tones"]
        assert any({"times", "per", "days", "time"} <= set(r) for r in data["content"]["rubrics"])
        for section in ("security", "roles", "crisis", "legal", "accessibility", "results"):
            assert data[section], section
        assert data["acknowledgements"]


def test_fail_on_error_lets_a_draft_pass(cli: Run) -> None:
    code, out, err = cli("validate", "--fail-on", "error", str(DRAFT))
    assert code == 0
    assert out.count(": missing: ") == 11
    assert err == f"{DRAFT}: a draft, 11 missing\n"
    assert cli("validate", str(DRAFT))[0] == 1  # the default: missing parts fail
    assert cli("validate", "--fail-on", "missing", str(DRAFT))[2] == f"{DRAFT}: 11 missing\n"


def test_fail_on_warning_fails_on_an_overdue_access_review(cli: Run, tmp_path: Path) -> None:
    text = EXAMPLE.read_text(encoding="utf-8").replace(
        "last_access_review = 2026-12-01", "last_access_review = 2020-01-01"
    )
    policy = write_policy(tmp_path, text)
    line = text.splitlines().index("last_access_review = 2020-01-01") + 1
    code, out, err = cli("validate", "--fail-on", "warning", str(policy))
    assert code == 1
    assert out == (
        f"{policy}:{line}:22: warning: security.last_access_review: the last access review "
        "(2020-01-01) is more than 6 months ago: access is due for review\n"
    )
    assert err == f"{policy}: 1 warning (--fail-on warning)\n"
    assert cli("validate", str(policy))[0] == 0
    assert cli("validate", "--fail-on", "error", str(policy))[2] == f"{policy}: valid, 1 warning\n"


def test_fail_on_with_several_files_and_json(cli: Run, tmp_path: Path) -> None:
    code, out, _ = cli("validate", "--fail-on", "error", "--format", "json", str(DRAFT), str(V1))
    assert code == 0
    assert {item["level"] for item in json.loads(out)} == {"missing"}


def test_fail_on_takes_the_three_levels_only(cli: Run) -> None:
    code, _, err = cli("validate", "--fail-on", "missing-parts", str(V1))
    assert code == 2
    assert "choose from 'error', 'missing', 'warning'" in err


def test_a_version_2_key_under_version_1_is_pointed_at(cli: Run, tmp_path: Path) -> None:
    text = V1.read_text(encoding="utf-8")
    text = text.replace('approved_by = "Jane Doe, founder and CEO"\n', 'approved_by = "Jane Doe"\n')
    text = text.replace("[document]\n", '[document]\nscope = "Staff"\n') + "\n[legal]\n"
    policy = write_policy(tmp_path, text)
    lines = text.splitlines()
    scope = lines.index('scope = "Staff"') + 1
    legal = lines.index("[legal]") + 1
    code, out, err = cli("validate", str(policy))
    assert code == 1
    assert out.splitlines() == [
        f"{policy}:{scope}:9: error: document.scope: needs schema_version = 2",
        f"{policy}:{legal}:1: error: legal: needs schema_version = 2",
        f"{policy}:{legal}:1: missing: legal",
    ]
    assert err == f"{policy}: 2 errors, 1 missing\n"


def test_the_problems_of_the_new_sections_have_their_lines(cli: Run, tmp_path: Path) -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    text = text.replace('backup = "Jane Doe"\n', 'backup = "Jane Do"\n', 1)
    text = text.replace('days = ["tue", "fri"]', 'days = ["tue"]')
    text = text.replace(
        'account_email = "social@northwind.example"', 'account_email = "nw@ukr.net"'
    )
    policy = write_policy(tmp_path, text)
    lines = text.splitlines()

    def line_of(start: str) -> int:
        return next(n for n, line in enumerate(lines, 1) if line.startswith(start))

    code, out, _ = cli("validate", str(policy))
    assert code == 1
    assert out.splitlines() == [
        f"{policy}:{line_of('account_email')}:17: warning: platforms[0].account_email: "
        "ukr.net is a public mailbox: the account leaves with its owner; register it to the "
        "organisation's mail",
        f"{policy}:{line_of('days =')}:8: error: content.rubrics[0].days: "
        "1 day for times = 2: list one day for each post",
        f"{policy}:{line_of('backup = ' + chr(34) + 'Jane Do')}:10: error: roles.people[0].backup: "
        '"Jane Do" is not the name of any [[roles.people]] entry; did you mean "Jane Doe"?',
    ]


def test_diff_matches_the_entries_of_the_new_lists(cli: Run, tmp_path: Path) -> None:
    old = load(EXAMPLE)
    new = copy.deepcopy(old)
    new["communication"]["traits"].reverse()
    new["communication"]["tones"][0]["tone"] = "Calm"
    new["roles"]["people"].reverse()
    new["roles"]["people"][0]["role"] = "Owner"
    new["crisis"]["levels"][1]["respond_within_minutes"] = 15
    new["crisis"]["statements"][0]["text"] = "We know.\n"
    new["results"]["metrics"].reverse()
    new["acknowledgements"].append({"name": "Oksana Melnyk", "date": dt.date(2026, 12, 7)})
    assert format_text(diff_policies(old, new)).splitlines() == [
        "[communication]",
        "communication.traits[0]: moved from communication.traits[1]  (Direct)",
        'communication.tones[0].tone: "Calm and factual, no jokes" → "Calm"  (A complaint)',
        "[roles]",
        "roles.people[0]: moved from roles.people[1]  (Jane Doe)",
        'roles.people[0].role: "Founder and CEO" → "Owner"  (Jane Doe)',
        "[crisis]",
        "crisis.levels[1].respond_within_minutes: 30 → 15  (High)",
        "crisis.statements[0].text: "
        '"We know about {issue} and are finding out what happened.\\nWe will post an update by '
        '{time}. Thank you for your patience.\\n" → "We know.\\n"  (We are looking into it)',
        "[results]",
        "results.metrics[0]: moved from results.metrics[1]  (Reply time)",
        "[acknowledgements]",
        'acknowledgements[1].name: added "Oksana Melnyk"  (Oksana Melnyk, 2026-12-07)',
        "acknowledgements[1].date: added 2026-12-07  (Oksana Melnyk, 2026-12-07)",
    ]


def test_an_acknowledgement_is_told_apart_by_its_date() -> None:
    old = load(EXAMPLE)
    new = copy.deepcopy(old)
    new["acknowledgements"].insert(
        0, {"name": "Oksana Melnyk", "date": dt.date(2026, 12, 7), "version": "1.2"}
    )
    changes = diff_policies(old, new)
    assert {c.path for c in changes} == {
        "acknowledgements[0].name",
        "acknowledgements[0].date",
        "acknowledgements[0].version",
    }
    assert {c.kind for c in changes} == {"added"}


def test_diff_lists_revisions_then_acknowledgements_last(cli: Run, tmp_path: Path) -> None:
    old = write_policy(tmp_path, EXAMPLE.read_text(encoding="utf-8"), "old.toml")
    text = EXAMPLE.read_text(encoding="utf-8")
    text = text.replace('version = "1.1"\n', 'version = "1.2"\n', 1)
    text = text.replace(
        "[[acknowledgements]]",
        '[[revisions]]\ndate = 2026-12-07\nsections = ["document"]\n\n[[acknowledgements]]',
    )
    text = text.replace('ad_label = "Paid', 'ad_label = "Ads and paid', 1)
    text = text.replace('organisation = "Northwind Bakery"', 'organisation = "Northwind Ltd"')
    new = write_policy(tmp_path, text, "new.toml")
    code, out, _ = cli("diff", str(old), str(new))
    assert code == 1
    sections = [line for line in out.splitlines() if line.startswith("[")]
    assert sections == ["[document]", "[legal]", "[revisions]", "[acknowledgements]"]


def test_the_schema_takes_both_versions(cli: Run) -> None:
    code, out, _ = cli("schema")
    assert code == 0
    schema = json.loads(out)
    assert schema["properties"]["schema_version"]["enum"] == [1, 2]
    assert set(schema["properties"]) >= {"security", "legal", "acknowledgements"}
