"""What counts as a control character, its two renderings, and the warning about it."""

from __future__ import annotations

import datetime as dt
import json
import tomllib
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from schemas import check_policy
from schemas.controls import (
    controls_in,
    escape,
    has_controls,
    is_control,
    json_text,
    quoted,
    stand_in,
)
from tests.hostile import PAYLOAD, RAW
from tests.unit.rendered import EXAMPLE

CONTROLS = [chr(c) for c in [*range(0x20), *range(0x7F, 0xA0)]] + list(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
TEXT = st.text(alphabet=st.sampled_from([*CONTROLS, "a", "я", " ", "\\", '"', "🇺", "\u2028"]))


def test_the_controls_are_exactly_those_the_tests_name() -> None:
    for code in range(0x3000):
        char = chr(code)
        assert is_control(char) == (char in CONTROLS), hex(code)
    assert RAW.pattern  # the tests' own list agrees, tab and line feed aside
    assert [c for c in CONTROLS if not RAW.fullmatch(c)] == ["\t", "\n"]


def test_escape_forms() -> None:
    assert escape("a\nb\tc\rd") == "a\\nb\\tc\\rd"
    assert escape("\x1b[2J\x07\x7f\x9b\x9d\u202e\u200f\u061c") == (
        "\\u001b[2J\\u0007\\u007f\\u009b\\u009d\\u202e\\u200f\\u061c"
    )
    assert escape("line\nand\ttab\x1b", keep="\t\n") == "line\nand\ttab\\u001b"
    assert escape("Кав'ярня «Зерно» 🇺🇦\u2028") == "Кав'ярня «Зерно» 🇺🇦\u2028"


@given(TEXT)
def test_escape_leaves_nothing_raw_and_is_idempotent(text: str) -> None:
    shown = escape(text)
    assert not RAW.search(shown) and "\n" not in shown and "\t" not in shown
    assert escape(shown) == shown


@given(TEXT)
def test_stand_in_keeps_the_length_and_leaves_nothing_raw(text: str) -> None:
    shown = stand_in(text)
    assert len(shown) == len(text)
    assert not RAW.search(shown) and "\n" not in shown
    kept = stand_in(text, keep="\t\n")
    assert len(kept) == len(text) and not RAW.search(kept)
    assert [i for i, c in enumerate(kept) if c in "\t\n"] == [
        i for i, c in enumerate(text) if c in "\t\n"
    ]


def test_stand_in_pictures() -> None:
    assert stand_in("\x1b]52;\x07 \x00 \x7f \n\t") == "␛]52;␇ ␀ ␡ ␊␉"
    assert stand_in("\x9b2J \x9d \u202eevil") == "�2J � �evil"
    assert stand_in("a\tb\nc\x1b", keep="\t\n") == "a\tb\nc␛"


@given(TEXT)
def test_quoted_reads_back_as_the_same_string_in_toml_and_json(text: str) -> None:
    shown = quoted(text)
    assert not RAW.search(shown) and "\n" not in shown
    assert tomllib.loads(f"a = {shown}")["a"] == text
    assert json.loads(shown) == text


@given(st.lists(TEXT), st.booleans())
def test_json_text_escapes_what_json_dumps_leaves_raw(items: list[str], ascii: bool) -> None:
    dumped = json_text(json.dumps(items, ensure_ascii=ascii, indent=2))
    assert not RAW.search(dumped)
    assert json.loads(dumped) == items


def test_without_controls() -> None:
    from schemas.controls import without_controls

    assert without_controls("a\x1b]52;\x07\tb\nc\x9b\u202e", keep="\t\n") == "a]52;\tb\nc"
    assert without_controls("a\tb\nc") == "abc"


def test_controls_in_lists_each_once_in_order() -> None:
    assert controls_in(PAYLOAD) == [
        "\x1b",
        "\x07",
        "\x9b",
        "\x9d",
        "\x9c",
        "\u202e",
        "\u202c",
        "\x7f",
    ]
    assert controls_in("a\tb\nc", keep="\t\n") == []
    assert has_controls("a\rb", keep="\t\n")
    assert not has_controls("a\tb\nc", keep="\t\n")


# --- the warning ---------------------------------------------------------------------


def _example() -> dict[str, Any]:
    with EXAMPLE.open("rb") as file:
        return tomllib.load(file)


def _warnings(data: dict[str, Any]) -> dict[str, str]:
    problems = check_policy(data, today=dt.date(2026, 11, 28))
    return {p.path: p.message for p in problems if p.code == "control_characters"}


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("document", "company"), "Northwind \x1b]52;c;cHduZWQ=\x07"),
        (("mission", "objectives", 1), "Fill the classes \u202eevil"),
        (("platforms", 0, "access"), "vault \x9b2J"),
        (("communication", "voice"), "Warm\r\nplain"),
        (("revisions", 0, "note"), "del \x7f"),
    ],
)
def test_a_string_with_controls_is_a_warning(path: tuple[Any, ...], value: str) -> None:
    data = _example()
    target: Any = data
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = value
    found = _warnings(data)
    shown = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in path).lstrip(".")
    assert list(found) == [shown]
    assert found[shown].startswith("holds control characters (\\")
    problems = check_policy(data, today=dt.date(2026, 11, 28))
    assert all(p.level == "warning" for p in problems if p.path == shown)


def test_tabs_and_line_breaks_are_text() -> None:
    data = _example()
    data["communication"]["voice"] = "Warm,\tplain.\nLike this:\n\tquote"
    assert _warnings(data) == {}


def test_no_warning_where_the_value_is_already_an_error() -> None:
    data = _example()
    data["document"]["language"] = "en\x1b[2J"
    data["platforms"][0]["url"] = "https://example.com/\x1b[2J"
    assert _warnings(data) == {}
    levels = {p.path: p.level for p in check_policy(data)}
    assert levels["document.language"] == levels["platforms[0].url"] == "error"


def test_the_warning_names_every_control_found() -> None:
    data = _example()
    data["document"]["company"] = PAYLOAD
    (message,) = _warnings(data).values()
    assert message == (
        "holds control characters (\\u001b, \\u0007, \\u009b, \\u009d, \\u009c, \\u202e,"
        " \\u202c, \\u007f) that a terminal or a reader acts on unseen; remove them"
    )


# --- the wizard's messages -----------------------------------------------------------


def test_message_parameters_show_controls_as_stand_ins() -> None:
    from schemas import Problem
    from wizard.core.i18n import problem_message, set_language, t

    assert (
        t("export.done", path="out\x1b]52;c;cHduZWQ=\x07.md")
        == "Exported to out␛]52;c;cHduZWQ=␇.md"
    )
    problem = Problem("document.x", "error", "unknown_key", {"key": "a\x9bb\u202ec"})
    assert problem_message(problem) == "Unknown key `a�b�c`."
    set_language("uk")
    try:
        warning = Problem("document.company", "warning", "control_characters", {"chars": "\\u001b"})
        assert problem_message(warning).startswith("Містить керівні символи (\\u001b)")
    finally:
        set_language("en")


# --- the file the wizard writes ------------------------------------------------------


def test_a_saved_value_never_holds_a_raw_control(tmp_path: Any) -> None:
    from exports.store import read_policy, render_policy

    path = tmp_path / "p.toml"
    path.write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    source = read_policy(path)
    data = _example()
    data["document"]["company"] = f"Northwind {PAYLOAD}"
    data["mission"]["objectives"].append(f"new {PAYLOAD}")
    data["communication"]["voice"] = f"Warm\n{PAYLOAD}\nplain"
    for text in (render_policy(data, source), render_policy(data)):
        assert not RAW.search(text), [m.group() for m in RAW.finditer(text)]
        assert "\\u009B2J \\u009D52" in text and "\\u202Eevil\\u202C" in text
        assert tomllib.loads(text) == data
    new = render_policy(data)
    assert new.startswith("# Brand presence policy of Northwind ]52;c;cHduZWQ=")  # a comment
