"""TOML text of values and new files (`exports.tomlrender`): it reads back as the data
for any data TOML can hold, in the style the files and the diff rely on.

docs/ARCHITECTURE.md ("TOML text: why not tomlkit") says why this text is written here
rather than by tomlkit; the last test keeps the differences measured there true.
"""

from __future__ import annotations

import datetime as dt
import os
import tomllib
from typing import Any

import pytest
import tomlkit
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from exports.rewrite import same
from exports.tomlrender import (
    MAX_LINE,
    render_key,
    render_key_value,
    render_new_policy,
    render_value,
)

SETTINGS = settings(
    max_examples=int(os.environ.get("PRESENCE_RENDER_EXAMPLES", "150")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
"""150 examples each by default; set PRESENCE_RENDER_EXAMPLES for a longer run."""

ANY_CHAR = st.characters(exclude_categories=["Cs"])
"""Every Unicode character a UTF-8 file can hold (all but the lone surrogates)."""

SPECIAL = [
    *'"\\\n\r\t\x00\x08\x0b\x0c\x1b\x1f\x7f\x85\u2028\u2029\ufeff#=[]{}.,',
    '"""',
    "'''",
    '""',
    "\r\n",
    "\\n",
    "\\u0041",
    "🇺🇦",
    "👩‍👩‍👧",
    "Київ",
]
"""Characters and pieces that escaping gets wrong most easily, drawn more often than
chance alone would draw them."""

TEXT = st.lists(st.one_of(st.sampled_from(SPECIAL), st.text(ANY_CHAR, max_size=6)), max_size=8).map(
    "".join
)
KEYS = st.one_of(st.from_regex(r"[A-Za-z0-9_-]{1,8}", fullmatch=True), TEXT)
OFFSETS = st.integers(min_value=-(23 * 60 + 59), max_value=23 * 60 + 59).map(
    lambda minutes: dt.timezone(dt.timedelta(minutes=minutes))
)
SCALARS = st.one_of(
    TEXT,
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.dates(),
    st.datetimes(timezones=st.one_of(st.none(), OFFSETS)),
    st.times(),
)
"""Every kind of TOML value `tomllib` gives: offsets in whole minutes as TOML writes them."""

VALUES = st.recursive(
    SCALARS,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(KEYS, inner, max_size=4)),
    max_leaves=16,
)
"""Scalars, arrays (of anything, arrays of tables too) and tables, nested."""

DOCUMENTS = st.dictionaries(KEYS, VALUES, max_size=6).flatmap(
    lambda data: st.fixed_dictionaries(
        {}, optional={"document": st.fixed_dictionaries({"company": TEXT})}
    ).map(lambda extra: {**data, **extra})
)
"""Whole files: any keys, tables, arrays of tables; sometimes a company for the header
comment, which is made of the author's text too."""


def _read(text: str) -> dict[str, Any]:
    return tomllib.loads(text)


@SETTINGS
@given(VALUES)
def test_any_value_reads_back(value: Any) -> None:
    assert same(_read(f"v = {render_value(value)}")["v"], value)


@SETTINGS
@given(VALUES)
def test_the_one_line_mode_is_one_line_and_reads_back(value: Any) -> None:
    text = render_value(value, one_line=True)
    assert "\n" not in text and "\r" not in text
    assert same(_read(f"v = {text}")["v"], value)


@SETTINGS
@given(KEYS, VALUES)
def test_any_key_and_value_line_reads_back(key: str, value: Any) -> None:
    line = render_key_value(key, value)
    assert line.endswith("\n")
    assert same(_read(line), {key: value})


@SETTINGS
@given(DOCUMENTS)
def test_any_new_file_reads_back_with_either_newline(data: dict[str, Any]) -> None:
    text = render_new_policy(data)
    assert text.endswith("\n")
    assert same(_read(text), data)
    # A CRLF file gets its lines by replacing every "\n": no "\r" may stand raw before.
    assert same(_read(text.replace("\n", "\r\n")), data)


@SETTINGS
@given(DOCUMENTS)
def test_tomlkit_reads_a_new_file_as_tomllib_does(data: dict[str, Any]) -> None:
    text = render_new_policy(data)
    assert same(tomlkit.parse(text).unwrap(), _read(text))


@pytest.mark.parametrize(
    ("value", "text"),
    [
        ('say "hi" \\ now', '"say \\"hi\\" \\\\ now"'),
        ("tab\tbell\x07del\x7f esc\x1b", '"tab\\tbell\\u0007del\\u007F esc\\u001B"'),
        ("Кав'ярня «Зерно» 🇺🇦", '"Кав\'ярня «Зерно» 🇺🇦"'),
        ("two\nlines", '"""\ntwo\nlines"""'),
        ('ends in a quote\n"', '"""\nends in a quote\n\\""""'),
        ('three """ quotes\n', '"""\nthree \\"\\"" quotes\n"""'),
        ("windows\r\nline", '"""\nwindows\\r\nline"""'),
        ("\nleading", '"""\n\nleading"""'),
        ({"a b": 1, "c": "d"}, '{ "a b" = 1, c = "d" }'),
        ({}, "{}"),
        ([1, "a", [2.5, True]], '[1, "a", [2.5, true]]'),
        ([{"k": 1}], "[{ k = 1 }]"),
        (dt.date(2026, 12, 1), "2026-12-01"),
        (float("-inf"), "-inf"),
    ],
)
def test_values_are_written_in_the_files_style(value: Any, text: str) -> None:
    """Basic strings with every needed escape (`\\uXXXX` for other control characters);
    a string with a line break as a `\"\"\"` string that opens with a line break; inline
    tables with spaces inside the braces."""
    assert render_value(value) == text
    assert same(_read(f"v = {text}")["v"], value)


def test_the_one_line_mode_escapes_line_breaks() -> None:
    assert render_value({"k": "a\nb"}, one_line=True) == '{ k = "a\\nb" }'


def test_keys_are_bare_when_they_can_be() -> None:
    assert [render_key(k) for k in ("plain_key-1", "a.b", "", "ключ", "a\x1bb")] == [
        "plain_key-1",
        '"a.b"',
        '""',
        '"ключ"',
        '"a\\u001Bb"',
    ]


def test_a_long_array_is_one_item_a_line() -> None:
    short = ["#bread", "#bakery"]
    assert render_key_value("hashtags", short) == 'hashtags = ["#bread", "#bakery"]\n'
    long = [f"item number {i}" for i in range(10)]
    assert len(f"x = {render_value(long)}") > MAX_LINE
    assert render_key_value("x", long) == (
        "x = [\n" + "".join(f'  "item number {i}",\n' for i in range(10)) + "]\n"
    )


def test_a_new_file_keeps_the_models_key_order_and_ends_in_a_newline() -> None:
    data = {
        "zz_unknown": 1,
        "mission": {"values": [{"meaning": "m", "name": "n"}], "statement": "s"},
        "schema_version": 1,
        "document": {"language": "en", "company": "Co", "title": "T"},
    }
    assert render_new_policy(data) == (
        "# Brand presence policy of Co.\n"
        "# Hand edits are welcome: comments and key order survive when the wizard saves.\n"
        "schema_version = 1\n"
        "zz_unknown = 1\n"
        "\n"
        "[document]\n"
        'company = "Co"\n'
        'title = "T"\n'
        'language = "en"\n'
        "\n"
        "[mission]\n"
        'statement = "s"\n'
        "\n"
        "[[mission.values]]\n"
        'name = "n"\n'
        'meaning = "m"\n'
    )


def _tomlkit_string(text: str) -> str:
    return str(tomlkit.string(text, multiline="\n" in text).as_string())


def test_the_documented_tomlkit_differences_still_hold() -> None:
    """The measurements of docs/ARCHITECTURE.md ("TOML text: why not tomlkit"). When this
    fails, tomlkit has changed: measure again and update the document (tomlkit may then
    be able to write these files)."""
    # A string with a line break: no line break after the opening quotes.
    assert _tomlkit_string("two\nlines") == '"""two\nlines"""'
    # A CRLF inside a value is written raw and read back as LF: the value changes ...
    crlf = _tomlkit_string("windows\r\nline")
    assert crlf == '"""windows\r\nline"""'
    assert _read(f"v = {crlf}")["v"] == "windows\nline"
    # ... and once the file's newlines become CRLF, the text is no TOML at all.
    with pytest.raises(tomllib.TOMLDecodeError):
        _read(f"v = {crlf}".replace("\n", "\r\n"))
    # Inline tables without spaces inside the braces; a control character in lower case.
    table = tomlkit.inline_table()
    table.update({"a b": 1, "c": "d"})
    assert table.as_string() == '{"a b" = 1, c = "d"}'
    assert _tomlkit_string("esc\x1b") == '"esc\\u001b"'
    # A long array: four spaces unless built item by item with `add_line`.
    array = tomlkit.array()
    array.extend(["a", "b"])
    assert array.multiline(True).as_string() == '[\n    "a",\n    "b",\n]'
    # A table that holds only tables gets no header of its own; entries of nested
    # arrays of tables are not set apart by a blank line.
    assert tomlkit.dumps({"a": {"b": {"c": 1}}}) == "[a.b]\nc = 1\n"
    assert tomlkit.dumps({"a": [{"b": [{"c": 1}]}]}) == "[[a]]\n[[a.b]]\nc = 1\n"
