"""Why a policy cannot be read is a type (`PolicyReadError` subclasses), never its text."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from exports.store import (
    NewerFormatError,
    PolicyEncodingError,
    PolicyFileError,
    PolicyNotFoundError,
    PolicyReadError,
    PolicySyntaxError,
    PolicyValueError,
    parse_policy,
    read_policy,
    save_policy,
)
from wizard.core.service import is_broken

ROOT = Path(__file__).parents[2]
BROKEN = ROOT / "tests" / "fixtures" / "broken"


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("unclosed-string.toml", PolicySyntaxError),
        ("bad-key.toml", PolicySyntaxError),
        ("duplicate-key.toml", PolicySyntaxError),
        ("duplicate-table.toml", PolicySyntaxError),
        ("unterminated-multiline.toml", PolicySyntaxError),
        ("bom-syntax-error.toml", PolicySyntaxError),
        ("latin1.toml", PolicyEncodingError),
        ("binary.png", PolicyEncodingError),
        ("utf16.toml", PolicyEncodingError),
        ("newer-version.toml", NewerFormatError),
    ],
)
def test_each_unreadable_file_has_its_type(name: str, kind: type[PolicyReadError]) -> None:
    with pytest.raises(kind):
        read_policy(BROKEN / name)


def test_a_file_that_is_not_there(tmp_path: Path) -> None:
    with pytest.raises(PolicyNotFoundError):
        read_policy(tmp_path / "nowhere.toml")
    (tmp_path / "file").write_text("")
    with pytest.raises(PolicyNotFoundError) as caught:
        read_policy(tmp_path / "file" / "p.toml")
    assert caught.value.message == "cannot read: not a directory"


def test_a_folder_is_a_file_error_not_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(PolicyFileError) as caught:
        read_policy(tmp_path)
    assert not isinstance(caught.value, PolicyNotFoundError)


@pytest.mark.parametrize(
    "text",
    [
        "a = " + "[" * 70 + "]" * 70 + "\n",
        "a = 1" + "0" * 5000 + "\n",
    ],
    ids=["too deep", "a number Python will not build"],
)
def test_values_the_program_cannot_take(text: str) -> None:
    # Python's default limit on the digits of an int (`presence` itself lifts it, and
    # a test that runs the command in this process before this one leaves it lifted).
    limit = sys.get_int_max_str_digits()
    sys.set_int_max_str_digits(4300)
    try:
        with pytest.raises(PolicyValueError):
            parse_policy(Path("p.toml"), text.encode())
    finally:
        sys.set_int_max_str_digits(limit)


def test_a_newer_format_names_its_version() -> None:
    with pytest.raises(NewerFormatError) as caught:
        read_policy(BROKEN / "newer-version.toml")
    assert (caught.value.version, caught.value.supported) == (3, 2)
    assert (caught.value.line, caught.value.column) == (2, 18)


def test_broken_is_told_by_type_not_by_words() -> None:
    """A syntax error whose text happens to say "newer than this program" is still one
    the author can fix; a newer format is refused whatever its message says."""
    assert is_broken(PolicySyntaxError("p.toml", "newer than this program", 1, 1))
    assert is_broken(PolicyEncodingError("p.toml", "not UTF-8", 1, 1))
    newer = NewerFormatError("p.toml", 3, 1, 1, 1)
    newer.message = "TOML syntax: something else"
    assert not is_broken(newer)
    assert not is_broken(PolicyValueError("p.toml", "too deep"))
    assert not is_broken(PolicyFileError("p.toml", "permission denied"))


def test_saving_over_a_newer_file_is_refused_by_type(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`save_policy` without a source refuses a newer file because of the error's type:
    with other words in the message, it still does; another error with those words
    does not stop it."""
    target = tmp_path / "future.toml"
    raw = (BROKEN / "newer-version.toml").read_bytes()
    target.write_bytes(raw)

    def worded(path: Path) -> None:
        error = NewerFormatError(str(path), 2, 1)
        error.message = "something else entirely"
        raise error

    monkeypatch.setattr("exports.store.read_policy", worded)
    with pytest.raises(NewerFormatError):
        save_policy(target, {"schema_version": 1})
    assert target.read_bytes() == raw

    def misleading(path: Path) -> None:
        raise PolicySyntaxError(str(path), "newer than this program understands", 1, 1)

    monkeypatch.setattr("exports.store.read_policy", misleading)
    save_policy(target, {"schema_version": 1})
    assert target.read_text(encoding="utf-8").endswith("schema_version = 1\n")


def _tomllib_messages() -> list[str]:
    """Every message tomllib's parser can give, from its source: f-strings with a sample
    in place of each expression."""
    import re
    import tomllib

    source = (Path(tomllib.__file__).parent / "_parser.py").read_text(encoding="utf-8")
    found = re.findall(r'suffixed_err\(\s*src,\s*[a-z_]+,\s*(f?)"((?:[^"\\]|\\.)*)"', source)
    messages = []
    for is_f, body in found:
        text = body.encode().decode("unicode_escape")
        if is_f:
            text = re.sub(r"\{[^}]*\}", "'x'", text)
        messages.append(text)
    return messages


def test_every_message_of_tomllib_has_words_in_both_languages() -> None:
    """A new Python's tomllib with a message the catalogue does not know fails here
    (it would show as the plain "TOML syntax" of `toml.other` in Ukrainian)."""
    from exports.store import toml_reason

    messages = _tomllib_messages()
    assert len(messages) >= 20
    unknown = [m for m in messages if toml_reason(m).key == "toml.other"]
    assert unknown == []
    for message in messages:
        reason = toml_reason(message)
        assert reason.text("en").startswith("TOML syntax: ")
        assert reason.text("uk").startswith("синтаксис TOML: ")


@pytest.mark.parametrize(
    ("text", "english", "ukrainian"),
    [
        ('a = "x\nb = 1\n', "line ends inside a string", "рядок файлу закінчується"),
        ("a = 1\na = 2\n", "key a is defined twice (first at line 1)", "ключ a визначено двічі"),
        ("[t]\n[t]\n", "table [t] is defined twice", "таблицю [t] визначено двічі"),
        ('a = "\\q"\n', "unescaped '\\' in a string", "без екранування"),
        ("a = b\n", "invalid value (strings need quotes)", "текст пишуть у лапках"),
    ],
)
def test_syntax_errors_in_both_languages(text: str, english: str, ukrainian: str) -> None:
    from exports.store import PolicySyntaxError, parse_policy

    with pytest.raises(PolicySyntaxError) as raised:
        parse_policy(Path("p.toml"), text.encode())
    assert english in raised.value.message
    assert ukrainian in raised.value.text("uk")


def test_write_reasons_by_errno_in_both_languages() -> None:
    import errno
    import os

    from exports.atomic import write_reason

    said = {
        code: write_reason(OSError(code, os.strerror(code)))
        for code in (errno.ENOSPC, errno.EACCES, errno.EROFS, errno.EDQUOT, errno.ENAMETOOLONG)
    }
    assert [str(reason) for reason in said.values()] == [
        "no space left on device",
        "permission denied",
        "read-only file system",
        "disk quota exceeded",
        "file name too long",
    ]
    assert [reason.text("uk") for reason in said.values()] == [
        "на диску не залишилося місця",
        "доступ заборонено",
        "файлова система лише для читання",
        "перевищено квоту диска",
        "задовга назва файлу",
    ]
    odd = write_reason(OSError(errno.EBADMSG, "Bad message"))
    assert (str(odd), odd.text("uk")) == ("bad message", "системна помилка")
