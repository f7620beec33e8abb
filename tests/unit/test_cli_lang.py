"""The command line in the interface language: `--lang en|uk` on every command, the
locale's language by default; level words and key paths English in any language;
`--format json` with each problem's `code` and `params`."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.unit.conftest import Run
from wizard.cli.program import build_parser

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "cli"
DRAFT = ROOT / "tests" / "fixtures" / "draft-policy.toml"
EXAMPLE = ROOT / "wizard" / "data" / "example-policy.toml"

LINE = re.compile(r"^[^:]+(?::\d+:\d+)?: (error|missing|warning): ")


@pytest.fixture
def run(cli: Run, monkeypatch: pytest.MonkeyPatch) -> Run:
    monkeypatch.chdir(FIXTURES)
    return cli


@pytest.mark.parametrize("command", ["validate", "export", "schema", "diff", "new", "edit"])
def test_every_command_takes_lang(command: str) -> None:
    parser = build_parser(command)
    needed = {"validate": ["x"], "export": ["x"], "diff": ["a", "b"], "edit": ["x"]}
    args = parser.parse_args([command, *needed.get(command, []), "--lang", "uk"])
    assert args.lang == "uk"


def test_validate_in_ukrainian_keeps_level_words_and_key_paths(run: Run) -> None:
    code, out, err = run("validate", "--lang", "uk", "spec-messages.toml")
    assert code == 1
    assert out.splitlines() == [
        "spec-messages.toml: missing: mission.statement",
        "spec-messages.toml:37:10: warning: platforms[0].access: "
        "схоже на пароль: напишіть, де він зберігається, а не сам пароль",
        "spec-messages.toml:61:27: error: communication.response_time.first_reply_avg_minutes: "
        "45 більше за найдовше очікування першої відповіді (30)",
    ]
    assert err == "spec-messages.toml: 1 помилка, 1 пункт не визначено, 1 попередження\n"


def test_every_rule_in_ukrainian_has_no_english_message(run: Run) -> None:
    """Each message after the key path is Ukrainian: it holds Cyrillic words."""
    code, out, _ = run("validate", "--lang", "uk", "every-rule.toml", "wrong-types.toml")
    assert code == 1
    lines = [line for line in out.splitlines() if ": missing: " not in line]
    assert len(lines) > 25
    for line in lines:
        assert LINE.match(line), line
        message = line.split(": ", 3)[-1]
        assert re.search("[а-яіїєґ]{3}", message), line
    assert "очікується ціле число, а записано рядок" in out


def test_the_locale_chooses_the_language(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LC_ALL", "uk_UA.UTF-8")
    code, _, err = run("validate", "no-such-file.toml")
    assert (code, err) == (2, "no-such-file.toml: error: такого файлу немає\n")
    code, _, err = run("validate", "--lang", "en", "no-such-file.toml")
    assert (code, err) == (2, "no-such-file.toml: error: no such file\n")


@pytest.mark.parametrize(
    ("name", "english", "ukrainian"),
    [
        ("syntax-error.toml", "TOML syntax: line ends inside a string", "синтаксис TOML: "),
        ("latin1.toml", "not UTF-8 text (byte 0xE9)", "це не текст UTF-8 (байт 0xE9)"),
        ("utf16.toml", "the file is UTF-16, not UTF-8", "файл у кодуванні UTF-16"),
        ("newer.toml", "is newer than this program understands", "новіша, ніж розуміє"),
    ],
)
def test_unreadable_files_in_both_languages(
    run: Run, name: str, english: str, ukrainian: str
) -> None:
    _, _, err = run("validate", "--lang", "en", name)
    assert english in err
    _, _, err = run("validate", "--lang", "uk", name)
    assert ukrainian in err and ": error: " in err


def test_json_carries_code_and_params_in_any_language(run: Run) -> None:
    _, english, _ = run("validate", "--format", "json", "--lang", "en", "every-rule.toml")
    _, ukrainian, _ = run("validate", "--format", "json", "--lang", "uk", "every-rule.toml")
    en, uk = json.loads(english), json.loads(ukrainian)
    assert [(i["code"], i["params"], i["path"], i["level"]) for i in en] == [
        (i["code"], i["params"], i["path"], i["level"]) for i in uk
    ]
    assert all(i["code"] for i in en)
    assert [i["message"] for i in en] != [i["message"] for i in uk]
    duplicate = next(i for i in uk if i["code"] == "duplicate_name")
    assert duplicate["params"] == {"name": "Honesty", "first": "mission.values[0].name"}
    _, broken, _ = run("validate", "--format", "json", "--lang", "uk", "syntax-error.toml")
    (item,) = json.loads(broken)
    assert (item["code"], item["params"]) == ("toml.newline_in_string", {})


def test_export_speaks_ukrainian(run: Run, tmp_path: Path) -> None:
    out = tmp_path / "draft.md"
    code, _, err = run("export", "--lang", "uk", str(DRAFT), "-o", str(out))
    assert code == 0
    assert re.fullmatch(
        rf".*: експортовано чернетку \(\d+ (частина ще не визначена|частини ще не визначені"
        rf"|частин ще не визначено)\) в {re.escape(str(out))}\n",
        err,
    ), err
    code, _, err = run("export", "--lang", "uk", "every-rule.toml", "-o", str(out))
    assert code == 1
    assert err.endswith("every-rule.toml: не експортовано: 27 помилок\n")
    code, _, err = run("export", "--lang", "uk", str(EXAMPLE), "-o", str(tmp_path / "no") + "/")
    assert code == 2
    assert ": error: не вдається записати: такої теки немає" in err


def test_draft_counts_in_english_are_plurals(run: Run, tmp_path: Path) -> None:
    _, _, err = run("export", str(DRAFT), "-o", str(tmp_path / "d.md"))
    count = int(re.search(r"\((\d+) parts? not defined yet\)", err).group(1))  # type: ignore[union-attr]
    assert ("1 part not" in err) == (count == 1)


def test_diff_and_schema_speak_ukrainian(run: Run, tmp_path: Path) -> None:
    changed = tmp_path / "changed.toml"
    changed.write_text(EXAMPLE.read_text(encoding="utf-8").replace("= 30", "= 60"), "utf-8")
    code, out, _ = run("diff", "--lang", "uk", str(EXAMPLE), str(changed), "--format", "md")
    assert code == 1
    assert out.startswith("# Зміни від ")
    assert "| ключ | запис | зміна | було | стало |" in out
    code, _, err = run("diff", "--lang", "uk", str(EXAMPLE), str(EXAMPLE))
    assert (code, err) == (0, f"{EXAMPLE} і {EXAMPLE}: відмінностей немає\n")
    code, _, err = run("schema", "--lang", "uk", "-o", "")
    assert (code, err) == (
        2,
        "presence schema: error: після -o потрібна назва файлу ('-' — стандартний вивід)\n",
    )
