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


@pytest.mark.parametrize(
    "command", ["validate", "export", "schema", "diff", "plan", "merge", "new", "edit"]
)
def test_every_command_takes_lang(command: str) -> None:
    parser = build_parser(command)
    needed = {
        "validate": ["x"],
        "export": ["x"],
        "diff": ["a", "b"],
        "plan": ["x"],
        "merge": ["b", "o", "t"],
        "edit": ["x"],
    }
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


def _merge_files(tmp_path: Path, ours: int, theirs: int) -> list[str]:
    text = EXAMPLE.read_text(encoding="utf-8")
    names = []
    for name, minutes in (("base", 30), ("ours", ours), ("theirs", theirs)):
        path = tmp_path / f"{name}.toml"
        changed = text.replace(
            "first_reply_max_minutes = 30", f"first_reply_max_minutes = {minutes}"
        )
        path.write_text(changed, encoding="utf-8")
        names.append(str(path))
    return names


def test_merge_in_ukrainian_keeps_the_level_word_and_the_key_path(cli: Run, tmp_path: Path) -> None:
    files = _merge_files(tmp_path, 25, 20)
    code, out, err = cli("merge", *files, "brand-policy.toml", "--lang", "uk")
    assert code == 1 and out == ""
    first, summary = err.splitlines()
    assert re.fullmatch(
        r"brand-policy\.toml:\d+:\d+: conflict: "
        r"communication\.response_time\.first_reply_max_minutes: наше 25 / їхнє 20",
        first,
    ), first
    assert summary == (
        "brand-policy.toml: 1 конфлікт; виправте рядки між <<<<<<< ours і >>>>>>> theirs"
    )
    clean = _merge_files(tmp_path, 30, 20)
    assert cli("merge", *clean, "p.toml", "--lang", "uk") == (0, "", "p.toml: об’єднано\n")


def test_merge_of_an_unreadable_version_says_why_in_ukrainian(cli: Run, tmp_path: Path) -> None:
    files = _merge_files(tmp_path, 30, 20)
    Path(files[2]).write_text("a = \n", encoding="utf-8")
    code, _, err = cli("merge", *files, "p.toml", "--lang", "uk")
    assert code == 2
    assert re.fullmatch(
        r"p\.toml:1:\d+: error: не вдається прочитати їхню версію \(THEIRS\): .+\n", err
    )
    assert err.endswith("(THEIRS): синтаксис TOML: недопустиме значення (текст пишуть у лапках)\n")


def test_textconv_in_ukrainian(cli: Run, tmp_path: Path) -> None:
    path = tmp_path / "p.toml"
    path.write_text("<<<<<<< ours\n", encoding="utf-8")
    code, out, err = cli("diff", "--textconv", str(path), "--lang", "uk")
    assert (code, out) == (0, "<<<<<<< ours\n")
    assert err.startswith(f"{path}:1:") and ": error: " in err
    assert err.endswith("; показано як текст\n")
    code, _, err = cli("diff", "--textconv", str(path), str(path), "--lang", "uk")
    assert (code, err) == (2, "presence diff: error: --textconv приймає один FILE, а не OLD NEW\n")
