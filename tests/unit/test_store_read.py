"""Reading policy files: the unreadable corpus, encodings, newline styles, lean imports."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import pytest

from exports.store import PolicyReadError, parse_policy, read_policy

ROOT = Path(__file__).parents[2]
BROKEN = ROOT / "tests" / "fixtures" / "broken"
PRESERVE = ROOT / "tests" / "fixtures" / "preserve"


@pytest.mark.parametrize(
    ("name", "line", "column", "words"),
    [
        ("unclosed-string.toml", 4, 21, "line ends inside a string"),
        ("bad-key.toml", 4, 9, "expected '=' after a key"),
        ("duplicate-key.toml", 5, 1, "key document.company is defined twice (first at line 4)"),
        ("duplicate-table.toml", 6, 1, "table [document] is defined twice (first at line 3)"),
        ("unterminated-multiline.toml", 6, 1, "string is never closed"),
        ("bom-syntax-error.toml", 3, 13, "TOML syntax"),
        ("crlf-cyrillic-error.toml", 3, 18, "TOML syntax"),
        ("latin1.toml", 5, 19, "not UTF-8 text (byte 0xE9)"),
        ("binary.png", 1, 1, "not UTF-8 text (byte 0x89)"),
        ("utf16.toml", 1, 1, "UTF-16"),
        ("newer-version.toml", 2, 18, "schema_version 3 is newer than"),
    ],
)
def test_unreadable_files_say_where_and_why(name: str, line: int, column: int, words: str) -> None:
    path = BROKEN / name
    with pytest.raises(PolicyReadError) as caught:
        read_policy(path)
    error = caught.value
    assert (error.line, error.column) == (line, column)
    assert words in error.message
    assert str(error) == f"{path}:{line}:{column}: error: {error.message}"
    assert "(at line" not in error.message


@pytest.mark.parametrize(
    ("text", "line", "column", "message"),
    [
        pytest.param(
            '[document]\ncompany = """\nA\n"""\ncompany = """\nB\nC\n"""\n',
            5,
            1,
            "key document.company is defined twice (first at line 2)",
            id="basic multi-line string",
        ),
        pytest.param(
            "[document]\ncompany = 'A'\n  company = '''\nB\n'''  # again\n",
            3,
            3,
            "key document.company is defined twice (first at line 2)",
            id="literal multi-line string",
        ),
        pytest.param(
            '[mission]\nobjectives = [\n  "a",\n]\nobjectives = [\n  "b",\n  "c",\n]\n',
            5,
            1,
            "key mission.objectives is defined twice (first at line 2)",
            id="multi-line array",
        ),
        pytest.param(
            "[document]\nextra = { a = 1 }\nextra = { b = [\n2,\n] }\n",
            3,
            1,
            "key document.extra is defined twice (first at line 2)",
            id="inline table",
        ),
        pytest.param(
            'x = { a = """\n1\n""", a = 2 }\n',
            3,
            6,
            "key x.a is defined twice (first at line 1)",
            id="inside an inline table",
        ),
        pytest.param(
            '[communication]\nresponse_time.first = 1\nresponse_time.first = """\n2\n"""\n',
            3,
            1,
            "key communication.response_time.first is defined twice (first at line 2)",
            id="dotted key",
        ),
        pytest.param(
            '[[platforms]]\nname = "A"\n[[platforms]]\nname = "B"\nname = """\nC\n"""\n',
            5,
            1,
            "key platforms[1].name is defined twice (first at line 4)",
            id="array of tables",
        ),
        pytest.param(
            'note = """\n1\n"""\n[document]\n[ document ]  # again\n',
            5,
            1,
            "table [document] is defined twice (first at line 4)",
            id="table",
        ),
        pytest.param(
            "[mission]\nvalues = [\n1,\n]\n[[mission.values]]\n",
            5,
            1,
            "table [[mission.values]] is defined twice (first at line 2)",
            id="array of tables over an array",
        ),
        pytest.param(
            '[document]\ncompany = """\nA\n"""\ncompany.name = 2\n',
            5,
            1,
            "key document.company.name redefines document.company (defined at line 2)",
            id="a table over a value",
        ),
        pytest.param(
            '[document]\r\n"a.b" = """\r\n1\r\n"""\r\n"a.b" = """\r\n2\r\n"""\r\n',
            5,
            1,
            'key document."a.b" is defined twice (first at line 2)',
            id="quoted key, CRLF",
        ),
    ],
)
def test_a_key_defined_twice_is_named_at_its_second_definition(
    text: str, line: int, column: int, message: str
) -> None:
    """tomllib points after the second value (lines below it when the value spans lines);
    the message names the key path and points at the key written again."""
    with pytest.raises(PolicyReadError) as caught:
        parse_policy(Path("p.toml"), text.encode("utf-8"))
    error = caught.value
    assert error.message == f"TOML syntax: {message}"
    assert (error.line, error.column) == (line, column)


@pytest.mark.parametrize(
    ("encoding", "named"),
    [
        ("utf-16", "UTF-16"),
        ("utf-16-le", "UTF-16"),
        ("utf-16-be", "UTF-16"),
        ("utf-32", "UTF-32"),
        ("utf-32-le", "UTF-32"),
        ("utf-32-be", "UTF-32"),
    ],
)
def test_a_wide_encoding_is_named_with_or_without_its_mark(
    tmp_path: Path, encoding: str, named: str
) -> None:
    path = tmp_path / "p.toml"
    path.write_bytes('schema_version = 1\n[document]\ncompany = "Acme"\n'.encode(encoding))
    with pytest.raises(PolicyReadError) as caught:
        read_policy(path)
    assert caught.value.message == f"the file is {named}, not UTF-8; save it as UTF-8"


def test_newer_version_names_both_versions() -> None:
    with pytest.raises(PolicyReadError) as caught:
        read_policy(BROKEN / "newer-version.toml")
    assert caught.value.message == (
        "schema_version 3 is newer than this program understands (2); upgrade presence"
    )


def test_empty_file_is_readable() -> None:
    source = read_policy(BROKEN / "empty.toml")
    assert source.data == {}
    assert source.text == ""
    assert source.newline == "\n"


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "nowhere.toml"
    with pytest.raises(PolicyReadError) as caught:
        read_policy(path)
    assert caught.value.line is None
    assert str(caught.value) == f"{path}: error: no such file"


def test_directory(tmp_path: Path) -> None:
    with pytest.raises(PolicyReadError) as caught:
        read_policy(tmp_path)
    assert "is a directory" in caught.value.message
    assert caught.value.line is None and caught.value.column is None


def test_permission_denied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "p.toml"
    path.write_text("schema_version = 1\n")

    def deny(self: Path, *args: object, **kwargs: object) -> object:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "open", deny)  # the tests may run as root: chmod would not do
    with pytest.raises(PolicyReadError) as caught:
        read_policy(path)
    assert caught.value.message == "permission denied"


def test_bom_crlf_file_is_read_and_remembered() -> None:
    path = PRESERVE / "07-bom-crlf.toml"
    raw = path.read_bytes()
    source = read_policy(path)
    assert source.bom
    assert source.newline == "\r\n"
    assert source.raw == raw
    assert source.digest == hashlib.sha256(raw).hexdigest()
    assert not source.text.startswith("\ufeff")
    assert source.data["communication"]["voice"].startswith("Warm, plain")
    assert "\r" not in source.data["communication"]["voice"]


def test_lf_file_newline() -> None:
    source = read_policy(PRESERVE / "01-example.toml")
    assert not source.bom
    assert source.newline == "\n"


def test_reading_does_not_import_tomlkit() -> None:
    code = (
        "import sys; from pathlib import Path; from exports.store import read_policy; "
        f"s = read_policy(Path({str(PRESERVE / '02-comments-everywhere.toml')!r})); "
        "s.value_position('platforms[1]'); "
        "print('tomlkit' in sys.modules, 'exports.rewrite' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == ["False", "False"]
