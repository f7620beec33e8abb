"""Key paths: one module (`schemas.keypath`) that every layer reads and writes them with."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from exports.store import parse_policy
from schemas import check_policy
from schemas.keypath import KeyPath, format_path, is_under, parse_path, quote_key, unescape
from schemas.text import is_blank, is_empty
from wizard.core.state import PolicyState

KEYS = st.text(min_size=0, max_size=12)
PATHS = st.lists(st.one_of(KEYS, st.integers(min_value=0, max_value=10_000)), max_size=6)


@given(PATHS)
def test_parse_path_reads_back_what_format_path_writes(parts: list[str | int]) -> None:
    assert parse_path(format_path(parts)) == tuple(parts)


@given(KEYS)
def test_a_quoted_key_is_a_toml_key(key: str) -> None:
    """What `quote_key` writes, TOML reads as the same key."""
    assert tomllib.loads(f"{quote_key(key)} = 1") == {key: 1}


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("content.rubrics[0].platforms[1]", ("content", "rubrics", 0, "platforms", 1)),
        ("schema_version", ("schema_version",)),
        ('document."a.b"', ("document", "a.b")),
        ('document."a.b"[2].c', ("document", "a.b", 2, "c")),
        ('document."a\\u001Bb"', ("document", "a\x1bb")),
        ('document."t\\tn\\n"', ("document", "t\tn\n")),
        ('document."q\\"s\\\\"', ("document", 'q"s\\')),
        ('document."\\U0001F600"', ("document", "\U0001f600")),
        ("a.'d e'", ("a", "d e")),
        ("a.'b.c\\n'", ("a", "b.c\\n")),  # a literal string has no escapes
        ("a . b", ("a", "b")),  # spaces around a dot, as in a TOML dotted key
        ('"Кирило"', ("Кирило",)),
        ("[3]", (3,)),
        ("[3].a", (3, "a")),
        ("a[0][1]", ("a", 0, 1)),
        ("", ()),
    ],
)
def test_parse_path(text: str, parts: KeyPath) -> None:
    assert parse_path(text) == parts


@pytest.mark.parametrize(
    "text",
    ["a..b", "a.", ".a", "a[x]", "a[0]b", '"a', "a b", "a.[0]", "a[-1]", "Кирило", "a.'b", "a]"],
)
def test_what_is_not_a_key_path_is_refused(text: str) -> None:
    with pytest.raises(ValueError, match="bad key path"):
        parse_path(text)


@pytest.mark.parametrize(
    ("parts", "text"),
    [
        (["document", "a.b"], 'document."a.b"'),
        (["document", "a\x1bb", 0], 'document."a\\u001Bb"[0]'),
        (["document", "\u202e"], 'document."\\u202E"'),
        (["a", ""], 'a.""'),
        ([], ""),
    ],
)
def test_format_path_quotes_what_toml_would(parts: list[str | int], text: str) -> None:
    assert format_path(parts) == text


def test_unescape_resolves_toml_escapes() -> None:
    assert unescape('a\\tb\\u0041\\U0001F600\\"\\\\') == 'a\tbA\U0001f600"\\'


def test_is_under() -> None:
    assert is_under("platforms[0].name", "platforms")
    assert is_under("platforms[0].name", "platforms[0]")
    assert is_under("platforms", "platforms")
    assert not is_under("platforms_old", "platforms")
    assert is_under('document."a.b"', "document")
    assert not is_under('document."a.b"', "document.a")


def test_problems_of_a_quoted_key_are_found_in_the_state_and_the_file() -> None:
    """A problem's path names a key with a dot; the state and the file find that key."""
    text = '[document]\n"a.b" = "x"\n'
    source = parse_policy(Path("p.toml"), text.encode())
    problem = next(p for p in check_policy(source.data) if p.code.startswith("unknown_key"))
    assert problem.path == 'document."a.b"'
    state = PolicyState(source.data, source=source)
    assert state.get(problem.path) == "x"
    assert source.key_position(problem.path) == (2, 1)
    assert state.set(problem.path, "") is True
    assert state.data == {}


def test_the_state_refuses_the_empty_path() -> None:
    with pytest.raises(ValueError):
        PolicyState().set("", "x")


@pytest.mark.parametrize(
    ("value", "blank", "empty"),
    [
        (None, True, True),
        ("", True, True),
        (" \t\n\u3000", True, True),
        ([], False, True),
        ({}, False, True),
        ([""], False, False),
        ({"a": None}, False, False),
        (0, False, False),
        (False, False, False),
        ("x", False, False),
    ],
)
def test_blank_and_empty(value: object, blank: bool, empty: bool) -> None:
    """Blank is the format's absent value; empty adds arrays and tables with nothing in
    them, which the wizard removes rather than writes."""
    assert is_blank(value) is blank
    assert is_empty(value) is empty
