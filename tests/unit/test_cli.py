"""The `presence` command line, driven in-process: validate, arguments, the wizard hand-off."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tomllib
import types
from pathlib import Path
from typing import Any

import pytest

from schemas.sections import SECTIONS
from tests.unit.conftest import Run
from wizard.cli.program import detect_language

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "cli"
EXAMPLE = ROOT / "tests" / "fixtures" / "rules" / "example-policy.toml"
"""The complete example of format version 1 (the built-in one is of version 2)."""
SHARED_UK = ROOT / "tests" / "fixtures" / "uk-policy.toml"


@pytest.fixture
def run(cli: Run, monkeypatch: pytest.MonkeyPatch) -> Run:
    """`main(args)` from the fixture folder: (exit code, stdout, stderr)."""
    monkeypatch.chdir(FIXTURES)
    return cli


# --- the language -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({}, "en"),
        ({"LANG": "uk_UA.UTF-8"}, "uk"),
        ({"LANG": "en_US.UTF-8"}, "en"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({"LC_ALL": "uk_UA.UTF-8", "LANG": "en_US.UTF-8"}, "uk"),
        ({"LC_ALL": "en_GB.UTF-8", "LANG": "uk_UA.UTF-8"}, "en"),
        ({"LC_MESSAGES": "uk_UA", "LANG": "en_US"}, "uk"),
        ({"LC_ALL": "", "LC_MESSAGES": "", "LANG": "uk"}, "uk"),
        ({"LANG": "UK_ua"}, "uk"),
    ],
)
def test_detect_language(environ: dict[str, str], expected: str) -> None:
    assert detect_language(environ) == expected


# --- arguments ----------------------------------------------------------------------


def test_version(run: Run) -> None:
    code, out, _ = run("--version")
    assert code == 0
    # The installed distribution is brand-presence: its version, not "unknown".
    pyproject = Path(__file__).resolve().parents[2] / "pyproject.toml"
    version = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]["version"]
    assert out.strip() == f"presence {version}"


@pytest.mark.parametrize(
    "command", ["validate", "export", "schema", "diff", "plan", "merge", "new", "edit"]
)
def test_every_command_has_help_with_examples(run: Run, command: str) -> None:
    code, out, _ = run(command, "--help")
    assert code == 0
    assert f"presence {command}" in out
    assert "examples:" in out


def test_a_bad_section_lists_the_valid_names(run: Run) -> None:
    code, _, err = run("edit", "policy.toml", "--section", "platform")
    assert code == 2
    assert "platform" in err
    for name in SECTIONS:
        assert name in err


def test_a_bad_language_or_command_is_a_usage_error(run: Run) -> None:
    assert run("new", "--lang", "de")[0] == 2
    code, _, err = run("validat", "x.toml")
    assert code == 2
    assert "validate" in err


# --- the wizard hand-off ------------------------------------------------------------


@pytest.fixture
def wizard_calls(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """Stand in for `wizard.tui.app` and record how it would have been started."""
    calls: list[dict[str, Any]] = []

    def run_wizard(**kwargs: Any) -> int:
        calls.append(kwargs)
        return 0

    fake = types.ModuleType("wizard.tui.app")
    fake.run_wizard = run_wizard  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "wizard.tui.app", fake)
    for name in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "uk_UA.UTF-8")
    return calls


def test_no_arguments_opens_the_start_screen(run: Run, wizard_calls: list[dict[str, Any]]) -> None:
    assert run()[0] == 0
    assert wizard_calls == [
        {"path": None, "section": None, "lang": "uk", "new": False, "from_": None}
    ]


def test_new_and_edit_pass_their_arguments(run: Run, wizard_calls: list[dict[str, Any]]) -> None:
    assert run("new", "fresh.toml", "--from", "example", "--lang", "en")[0] == 0
    assert run("edit", "policy.toml", "--section", "communication")[0] == 0
    assert run("--lang", "en", "new")[0] == 0
    assert wizard_calls == [
        {
            "path": Path("fresh.toml"),
            "section": None,
            "lang": "en",
            "new": True,
            "from_": "example",
        },
        {
            "path": Path("policy.toml"),
            "section": "communication",
            "lang": "uk",
            "new": False,
            "from_": None,
        },
        {"path": None, "section": None, "lang": "en", "new": True, "from_": None},
    ]


def test_a_missing_wizard_is_a_clear_message(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "wizard.tui.app", None)
    code, _, err = run("new")
    assert code == 2
    assert err.startswith("presence: error:")


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (("new", "fresh.toml"), "the wizard needs a terminal"),
        (("--lang", "uk", "edit", "policy.toml"), "майстрові потрібен термінал"),
        ((), "the wizard needs a terminal"),
    ],
)
def test_without_a_terminal_the_wizard_says_so_and_does_not_start(
    tmp_path: Path, argv: tuple[str, ...], said: str
) -> None:
    """Input and output redirected: the wizard drew into the file and read the input's
    end over and over, a core busy until it was killed."""
    (tmp_path / "policy.toml").write_text("schema_version = 1\n", encoding="utf-8")
    unset = ("TEXTUAL_DRIVER", "LC_ALL", "LC_MESSAGES")  # the language comes from LANG
    env = {k: v for k, v in os.environ.items() if k not in unset}
    done = subprocess.run(
        [sys.executable, "-m", "wizard", *argv],
        cwd=tmp_path,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        env={**env, "PRESENCE_STATE_DIR": str(tmp_path / "state"), "LANG": "en_GB.UTF-8"},
        timeout=120,  # a guard against the old hang, not a measure
    )
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.startswith(f"presence: error: {said}: ")
    assert not (tmp_path / "fresh.toml").exists()


# --- validate -----------------------------------------------------------------------


def test_the_example_is_valid(run: Run) -> None:
    code, out, err = run("validate", str(EXAMPLE))
    assert (code, out) == (0, "")
    assert err == f"{EXAMPLE}: valid\n"


def test_a_ukrainian_policy_is_valid(run: Run) -> None:
    for path in [FIXTURES / "uk-policy.toml", SHARED_UK]:
        if path.exists():
            code, out, err = run("validate", str(path))
            assert (code, out, err) == (0, "", f"{path}: valid\n")


def test_a_bom_and_crlf_are_accepted(run: Run) -> None:
    assert run("validate", "bom-crlf.toml") == (0, "", "bom-crlf.toml: valid\n")


def test_the_three_message_shapes_of_the_format(run: Run) -> None:
    code, out, err = run("validate", "spec-messages.toml")
    assert code == 1
    assert sorted(out.splitlines()) == sorted(
        [
            "spec-messages.toml:61:27: error: communication.response_time."
            "first_reply_avg_minutes: 45 is more than first_reply_max_minutes (30)",
            "spec-messages.toml: missing: mission.statement",
            "spec-messages.toml:37:10: warning: platforms[0].access: looks like a password; "
            "write where it is kept instead",
        ]
    )
    assert err == "spec-messages.toml: 1 error, 1 missing, 1 warning\n"


def test_the_file_is_named_as_it_was_typed(run: Run) -> None:
    code, out, err = run("validate", "./spec-messages.toml")
    assert code == 1
    assert all(line.startswith("./spec-messages.toml") for line in out.splitlines())
    assert err.startswith("./spec-messages.toml: ")


def test_json_output(run: Run) -> None:
    code, out, err = run("validate", "--format", "json", "spec-messages.toml")
    assert code == 1
    items = json.loads(out)
    assert {tuple(sorted(item)) for item in items} == {
        ("code", "column", "file", "level", "line", "message", "params", "path")
    }
    by_path = {item["path"]: item for item in items}
    assert by_path["communication.response_time.first_reply_avg_minutes"] == {
        "file": "spec-messages.toml",
        "line": 61,
        "column": 27,
        "level": "error",
        "path": "communication.response_time.first_reply_avg_minutes",
        "message": "45 is more than first_reply_max_minutes (30)",
        "code": "avg_over_max",
        "params": {"avg": 45, "max": 30},
    }
    missing = by_path["mission.statement"]
    assert (missing["line"], missing["column"], missing["level"]) == (None, None, "missing")
    assert missing["message"]
    assert err == "spec-messages.toml: 1 error, 1 missing, 1 warning\n"


def test_json_output_for_an_unreadable_file(run: Run) -> None:
    code, out, _ = run("validate", "--format", "json", "no-such-file.toml")
    assert code == 2
    (item,) = json.loads(out)
    assert item["file"] == "no-such-file.toml"
    assert (item["level"], item["path"]) == ("error", "")
    assert item["message"]
    assert (item["code"], item["params"]) == ("read.not_found", {})


def test_json_output_of_a_valid_file_is_an_empty_array(run: Run) -> None:
    code, out, _ = run("validate", "--format", "json", str(EXAMPLE))
    assert (code, json.loads(out)) == (0, [])


def test_several_files_exit_with_the_worst_code(run: Run) -> None:
    code, _, err = run("validate", str(EXAMPLE), "spec-messages.toml")
    assert code == 1
    assert err.splitlines() == [
        f"{EXAMPLE}: valid",
        "spec-messages.toml: 1 error, 1 missing, 1 warning",
    ]
    assert run("validate", "spec-messages.toml", "missing.toml", str(EXAMPLE))[0] == 2
    items = json.loads(run("validate", "--format", "json", "spec-messages.toml", "nope.toml")[1])
    assert {item["file"] for item in items} == {"spec-messages.toml", "nope.toml"}


def test_warnings_alone_are_valid(run: Run, tmp_path: Path) -> None:
    policy = tmp_path / "p.toml"
    text = EXAMPLE.read_text(encoding="utf-8")
    # Instagram is active: without an owner it draws a warning, nothing more.
    policy.write_text(
        text.replace('owner = "SMM manager"\naccess = "Password', 'access = "Password', 1),
        encoding="utf-8",
    )
    code, out, err = run("validate", str(policy))
    assert code == 0
    (line,) = out.splitlines()
    assert line.startswith(f"{policy}")
    assert ": warning: platforms[0].owner: " in line
    assert err == f"{policy}: valid, 1 warning\n"


def test_an_unknown_table_is_pointed_at_by_its_name(run: Run, tmp_path: Path) -> None:
    policy = tmp_path / "p.toml"
    text = EXAMPLE.read_text(encoding="utf-8")
    policy.write_text(
        text + "\n[document.extra]\nx = 1\n\n  [[ bogus ]]\ny = 2\n", encoding="utf-8"
    )
    last = len(text.splitlines()) + 1
    code, out, _ = run("validate", str(policy))
    assert code == 1
    assert out.splitlines() == [
        f"{policy}:{last + 1}:11: error: document.extra: unknown key `extra`",
        f"{policy}:{last + 4}:6: error: bogus: unknown key `bogus`",
    ]


def test_values_nested_too_deeply_are_refused_not_a_crash(run: Run, tmp_path: Path) -> None:
    for depth in (70, 2000):
        deep = tmp_path / f"deep{depth}.toml"
        deep.write_text("schema_version = 1\nx = " + "[" * depth + "]" * depth + "\n")
        code, out, err = run("validate", str(deep))
        assert (code, out) == (2, ""), err
        assert (
            err
            == f"{deep}: error: values are nested more than 64 levels deep; a policy needs a few\n"
        )
        assert run("diff", str(deep), str(deep))[0] == 2


def test_an_integer_of_thousands_of_digits_is_out_of_range(run: Run, tmp_path: Path) -> None:
    policy = tmp_path / "p.toml"
    for number in ("9" * 5000, "0x" + "f" * 5000):
        policy.write_text(
            "schema_version = 1\n[communication.response_time]\n"
            f"first_reply_max_minutes = {number}\n"
        )
        code, out, _ = run("validate", str(policy))
        assert code == 1
        assert f"{policy}:3:27: error: communication.response_time.first_reply_max_minutes: " in out


def test_control_characters_in_values_never_reach_the_terminal(run: Run, tmp_path: Path) -> None:
    policy = tmp_path / "p.toml"
    text = EXAMPLE.read_text(encoding="utf-8").replace(
        'url = "https://t.me/northwind_bakery"',
        'url = "ftp://a\\u001b]0;PWNED\\u0007\\nfake.toml:1:1: error: injected"',
    )
    policy.write_text(text, encoding="utf-8")
    code, out, _ = run("validate", str(policy))
    assert code == 1
    (line,) = out.splitlines()
    assert "\x1b" not in line and "\x07" not in line
    assert "\\u001b]0;PWNED\\u0007\\nfake.toml:1:1: error: injected" in line


def test_a_key_with_dots_or_quotes_is_named_and_found_as_toml_quotes_it(
    run: Run, tmp_path: Path
) -> None:
    policy = tmp_path / "p.toml"
    text = EXAMPLE.read_text(encoding="utf-8").replace(
        "schema_version = 1", 'schema_version = 1\n"document.company" = "Evil"', 1
    )
    text = text.replace("[document]\n", '[document]\n"a.b" = 3\n"a\\"b" = 4\n', 1)
    policy.write_text(text, encoding="utf-8")
    code, out, _ = run("validate", str(policy))
    assert code == 1
    lines = out.splitlines()
    assert any(
        line.startswith(f'{policy}:4:1: error: "document.company": unknown key') for line in lines
    )
    document = text.splitlines().index("[document]") + 1
    assert f'{policy}:{document + 1}:1: error: document."a.b": unknown key `a.b`' in lines
    assert f'{policy}:{document + 2}:1: error: document."a\\"b": unknown key `a"b`' in lines


def test_a_key_with_control_characters_is_named_with_toml_escapes(run: Run, tmp_path: Path) -> None:
    policy = tmp_path / "p.toml"
    text = EXAMPLE.read_text(encoding="utf-8")
    text = text.replace("[document]\n", '[document]\n"a\\u001bb" = 1\n"t\\tn" = 2\n', 1)
    policy.write_text(text, encoding="utf-8")
    document = text.splitlines().index("[document]") + 1
    code, out, _ = run("validate", str(policy))
    assert code == 1
    lines = out.splitlines()
    assert any(
        line.startswith(f'{policy}:{document + 1}:1: error: document."a\\u001Bb": ')
        for line in lines
    )
    assert any(
        line.startswith(f'{policy}:{document + 2}:1: error: document."t\\tn": ') for line in lines
    )
    code, out, _ = run("validate", "--format", "json", str(policy))
    paths = [item["path"] for item in json.loads(out)]
    assert 'document."a\\u001Bb"' in paths
    assert 'document."t\\tn"' in paths
