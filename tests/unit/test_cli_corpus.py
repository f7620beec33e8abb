"""`presence validate` on bad input: a clear message with file, key path and line, the right
exit code, and never a traceback."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from wizard.cli import main

FIXTURES = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "cli"


def validate(
    capsys: pytest.CaptureFixture[str], *args: str, fmt: str = "text"
) -> tuple[int, list[str], str]:
    code = main(["validate", "--format", fmt, *args])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out.splitlines(), err


@pytest.fixture(autouse=True)
def _in_fixtures(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(FIXTURES)


# file, pattern of the one line on stderr (the file cannot be read as a policy)
UNREADABLE = [
    ("syntax-error.toml", r"syntax-error\.toml:\d+:\d+: error: \S.*"),
    ("garbage.bin", r"garbage\.bin(:\d+:\d+)?: error: .*UTF-8.*"),
    ("latin1.toml", r"latin1\.toml:4:\d+: error: .*UTF-8.*"),
    ("utf16.toml", r"utf16\.toml(:\d+:\d+)?: error: .*UTF-(8|16).*"),
    ("newer.toml", r"newer\.toml:1:\d+: error: .*\b3\b.*\b2\b.*"),
    ("no-such-file.toml", r"no-such-file\.toml: error: \S.*"),
    (".", r"\.: error: \S.*"),
]


@pytest.mark.parametrize(("file", "pattern"), UNREADABLE, ids=[f for f, _ in UNREADABLE])
def test_a_file_that_is_no_policy_exits_2_with_one_line(
    capsys: pytest.CaptureFixture[str], file: str, pattern: str
) -> None:
    code, out, err = validate(capsys, file)
    assert code == 2
    assert out == []
    (line,) = err.splitlines()
    assert re.fullmatch(pattern, line), line


@pytest.mark.parametrize(("file", "pattern"), UNREADABLE, ids=[f for f, _ in UNREADABLE])
def test_a_file_that_is_no_policy_in_json(
    capsys: pytest.CaptureFixture[str], file: str, pattern: str
) -> None:
    code = main(["validate", "--format", "json", file])
    out, _ = capsys.readouterr()
    assert code == 2
    (item,) = json.loads(out)
    assert (item["file"], item["level"], item["path"]) == (file, "error", "")


def test_a_syntax_error_points_at_its_line(capsys: pytest.CaptureFixture[str]) -> None:
    _, _, err = validate(capsys, "syntax-error.toml")
    assert err.startswith("syntax-error.toml:4:")


# file, exit code, expected lines on stdout (each a regular expression, in any order)
CHECKED = [
    (
        "wrong-types.toml",
        1,
        [
            r"wrong-types\.toml:6:16: error: document\.effective_on: .*date.*",
            r"wrong-types\.toml:11:14: error: platforms\[0\]\.two_factor: .*boolean.*",
            r"wrong-types\.toml:14:27: error: communication\.response_time\."
            r"first_reply_max_minutes: .*integer.*\"30\".*",
            r"wrong-types\.toml:15:27: error: communication\.response_time\."
            r"first_reply_avg_minutes: .*integer.*",
        ],
    ),
    (
        "unknown-key.toml",
        1,
        [r"unknown-key\.toml:4:1: error: document\.compnay: .*`company`.*"],
    ),
    ("empty.toml", 1, [r"empty\.toml: error: schema_version: .*schema_version = 1.*"]),
    ("whitespace.toml", 1, [r"whitespace\.toml: error: schema_version: .*"]),
    ("no-version.toml", 1, [r"no-version\.toml: error: schema_version: .*"]),
    ("version-zero.toml", 1, [r"version-zero\.toml:1:18: error: schema_version: .*1.*0.*"]),
    (
        "uk-errors.toml",
        1,
        [r"uk-errors\.toml:11:62: error: mission\.values\[1\]\.meaning: .*string.*"],
    ),
]


@pytest.mark.parametrize(("file", "code", "expected"), CHECKED, ids=[c[0] for c in CHECKED])
def test_every_problem_has_its_place(
    capsys: pytest.CaptureFixture[str], file: str, code: int, expected: list[str]
) -> None:
    exit_code, out, err = validate(capsys, file)
    assert exit_code == code
    errors = [line for line in out if ": error: " in line]
    for pattern in expected:
        assert any(re.fullmatch(pattern, line) for line in errors), (pattern, errors)
    assert len(errors) == len(expected), errors
    assert err.startswith(f"{file}: ")
    assert "error" in err


def test_an_empty_file_still_lists_what_is_missing(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = validate(capsys, "empty.toml")
    assert "empty.toml: missing: document.company" in out
    assert "empty.toml: missing: platforms" in out


EVERY_RULE = [
    "extra_section",
    "document.language",
    "document.review_by",
    "mission.values[1].name",
    "platforms[0].status",
    "platforms[0].url",
    "platforms[1].name",
    "tools[0].category",
    "tools[0].url",
    "communication.goals[1]",
    "communication.goals[2]",
    "communication.style",
    "communication.address",
    "communication.emoji",
    "communication.avoided_words[0]",
    "communication.response_time.first_reply_max_minutes",
    "communication.response_time.first_reply_avg_minutes",
    "communication.response_time.timezone",
    "communication.templates[1].title",
    "communication.negative.moderator_autonomy",
    "communication.negative.escalation[0].within_minutes",
    "content.hashtags[0]",
    "content.hashtags[2]",
    "content.rubrics[0].goal",
    "content.rubrics[0].platforms[0]",
    "revisions[0].date",
    "revisions[0].sections[0]",
]


def test_every_rule_broken_once_is_reported_with_its_line(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = validate(capsys, "every-rule.toml")
    assert code == 1
    located = {}
    for line in out:
        match = re.fullmatch(r"every-rule\.toml:(\d+):(\d+): error: (\S+): .+", line)
        if match:
            located[match[3]] = int(match[1])
    missing = [path for path in EVERY_RULE if path not in located]
    assert not missing, (missing, out)
    text = (FIXTURES / "every-rule.toml").read_text(encoding="utf-8").splitlines()
    assert text[located["communication.style"] - 1] == 'style = "casual"'
    assert text[located["extra_section"] - 1].startswith("extra_section")


def test_every_rule_in_json_has_lines_and_columns(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["validate", "--format", "json", "every-rule.toml"])
    items = json.loads(capsys.readouterr().out)
    assert code == 1
    errors = [item for item in items if item["level"] == "error"]
    assert len(errors) >= len(EVERY_RULE)
    assert all(isinstance(item["line"], int) and item["column"] >= 1 for item in errors)


def test_no_input_of_the_corpus_gives_a_traceback(capsys: pytest.CaptureFixture[str]) -> None:
    files = sorted(p.name for p in FIXTURES.iterdir())
    for command in (["validate"], ["validate", "--format", "json"], ["export", "-o", "-"]):
        for file in [*files, ".", "no-such-file.toml"]:
            code = main([*command, file])
            out, err = capsys.readouterr()
            assert code in (0, 1, 2), (command, file, err)
            assert "Traceback" not in out + err
            assert "internal error" not in err, (command, file, err)
    for file in files:
        code = main(["diff", file, "every-rule.toml"])
        out, err = capsys.readouterr()
        assert code in (0, 1, 2)
        assert "internal error" not in err, (file, err)
