"""Reading policy files: the unreadable corpus, encodings, newline styles, lean imports."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import pytest

from exports.store import PolicyReadError, read_policy

ROOT = Path(__file__).parents[2]
BROKEN = ROOT / "tests" / "fixtures" / "broken"
PRESERVE = ROOT / "tests" / "fixtures" / "preserve"


@pytest.mark.parametrize(
    ("name", "line", "column", "words"),
    [
        ("unclosed-string.toml", 4, 21, "line ends inside a string"),
        ("bad-key.toml", 4, 9, "expected '=' after a key"),
        ("duplicate-key.toml", 5, 1, "key company is defined twice"),
        ("duplicate-table.toml", 6, 1, "table [document] is defined twice"),
        ("unterminated-multiline.toml", 6, 1, "string is never closed"),
        ("bom-syntax-error.toml", 3, 13, "TOML syntax"),
        ("crlf-cyrillic-error.toml", 3, 18, "TOML syntax"),
        ("latin1.toml", 5, 19, "not UTF-8 text (byte 0xE9)"),
        ("binary.png", 1, 1, "not UTF-8 text (byte 0x89)"),
        ("utf16.toml", 1, 1, "UTF-16"),
        ("newer-version.toml", 2, 18, "schema_version 2 is newer than"),
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
        "schema_version 2 is newer than this program understands (1); upgrade presence"
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
