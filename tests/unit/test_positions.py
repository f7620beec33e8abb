"""Positions of key paths in TOML text: every construct the scanner has to follow."""

from __future__ import annotations

import tomllib
import tracemalloc
from pathlib import Path

import pytest

from exports.positions import scan_positions
from exports.store import parse_policy
from schemas.keypath import format_path, parse_path

EXAMPLE = Path(__file__).parents[2] / "tests" / "fixtures" / "preserve" / "01-example.toml"


def at(text: str, marker: str) -> tuple[int, int]:
    """Line and column (1-based, code points) of the only occurrence of `marker`."""
    assert text.count(marker) == 1, marker
    offset = text.index(marker)
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


FIXTURE = (
    "# Top comment [not.a.table] = x\n"  # 1
    "schema_version = 1   # 1\n"  # 2
    '"quoted key" = "q"\n'  # 3
    "'literal.key' = 'L'\n"  # 4
    "a.b.c = 3\n"  # 5
    "\"a x\".'y z' = 4\n"  # 6
    '   spaced   =   "Кав\'ярня «Зерно»"   # Cyrillic before a comment\n'  # 7
    'rt = { max = 30, "avg x" = 15, nested = { deep = "ї" } }\n'  # 8
    "dates = [1979-05-27, 1979-05-27T07:32:00Z, 1979-05-27 07:32:00]\n"  # 9
    "\n"  # 10
    "[mission]\n"  # 11
    'statement = """\n'  # 12
    'He said ""hi"" and \\"""left\\""" # not a comment\n'  # 13
    '[[not.a.header]]"""\n'  # 14
    "literal = '''\n"  # 15
    "C:\\path\\ '' x'''\n"  # 16
    "objectives = [\n"  # 17
    '  # comment, with ] and "\n'  # 18
    '  "first",   # one\n'  # 19
    '  "секунда, ],",\n'  # 20
    "  'third',\n"  # 21
    "]\n"  # 22
    "\n"  # 23
    "[[mission.values]]\n"  # 24
    'name = "Honesty"\n'  # 25
    "\n"  # 26
    "  [[ mission.values ]]  # indented header\n"  # 27
    "  name = 'Warmth'\n"  # 28
    "\n"  # 29
    "[[platforms]]\n"  # 30
    'name = "Instagram"\n'  # 31
    "[[platforms]]\n"  # 32
    'name = "Telegram"\n'  # 33
    'rubrics = [ { name = "A", platforms = ["x", "y"] }, { name = \'B\' } ]\n'  # 34
    "\n"  # 35
    "[communication]\n"  # 36
    "response_time.first_reply_max_minutes = 30\n"  # 37
    "[communication.negative]\n"  # 38
    'approach = "calm"\n'  # 39
    "[[communication.negative.escalation]]\n"  # 40
    'topic = "Safety"\n'  # 41
    "[[communication.negative.escalation]]\n"  # 42
    "topic = 'Press'   \n"  # 43
    "within_minutes = +30\n"  # 44
    "[content]\n"  # 45
    "flag = true\n"  # 46
    "pi = 3.14\n"  # 47
    "[[content.rubrics]]\n"  # 48
    'name = "R1"\n'  # 49
    "platforms = [\n"  # 50
    '  "Instagram",\n'  # 51
    '  "Telegram",  # trailing comma\n'  # 52
    "]\n"  # 53
)


def test_fixture_is_valid_toml() -> None:
    data = tomllib.loads(FIXTURE)
    assert data["mission"]["values"][1]["name"] == "Warmth"
    assert data["content"]["rubrics"][0]["platforms"] == ["Instagram", "Telegram"]


@pytest.mark.parametrize(
    ("path", "key", "value"),
    [
        ("schema_version", (2, 1), (2, 18)),
        ('"quoted key"', (3, 1), (3, 16)),
        ("'literal.key'", (4, 1), (4, 17)),
        ("a.b.c", (5, 5), (5, 9)),
        ("a.b", (5, 3), (5, 3)),
        ('"a x"."y z"', (6, 7), (6, 15)),
        ("spaced", (7, 4), (7, 17)),
        ("rt", (8, 1), (8, 6)),
        ("rt.max", (8, 8), (8, 14)),
        ('rt."avg x"', (8, 18), (8, 28)),
        ("rt.nested.deep", (8, 43), (8, 50)),
        ("dates[0]", (9, 10), (9, 10)),
        ("dates[1]", (9, 22), (9, 22)),
        ("dates[2]", (9, 44), (9, 44)),
        ("mission", (11, 2), (11, 1)),  # a table: its name; its value: the header
        ("mission.statement", (12, 1), (12, 13)),
        ("mission.literal", (15, 1), (15, 11)),
        ("mission.objectives", (17, 1), (17, 14)),
        ("mission.objectives[0]", (19, 3), (19, 3)),
        ("mission.objectives[1]", (20, 3), (20, 3)),
        ("mission.objectives[2]", (21, 3), (21, 3)),
        ("mission.values", (24, 11), (24, 1)),
        ("mission.values[0]", (24, 1), (24, 1)),
        ("mission.values[1]", (27, 3), (27, 3)),
        ("mission.values[1].name", (28, 3), (28, 10)),
        ("platforms[1]", (32, 1), (32, 1)),
        ("platforms[1].name", (33, 1), (33, 8)),
        ("platforms[1].rubrics[0].platforms[1]", (34, 45), (34, 45)),
        ("platforms[1].rubrics[1].name", (34, 55), (34, 62)),
        ("communication.response_time", (37, 1), (37, 1)),
        ("communication.response_time.first_reply_max_minutes", (37, 15), (37, 41)),
        ("communication.negative.approach", (39, 1), (39, 12)),
        ("communication.negative.escalation[1]", (42, 1), (42, 1)),
        ("communication.negative.escalation[1].topic", (43, 1), (43, 9)),
        ("communication.negative.escalation[1].within_minutes", (44, 1), (44, 18)),
        ("content.flag", (46, 1), (46, 8)),
        ("content.pi", (47, 1), (47, 6)),
        ("content.rubrics[0].name", (49, 1), (49, 8)),
        ("content.rubrics[0].platforms", (50, 1), (50, 13)),
        ("content.rubrics[0].platforms[1]", (52, 3), (52, 3)),
    ],
)
def test_positions_of_every_construct(
    path: str, key: tuple[int, int], value: tuple[int, int]
) -> None:
    positions = scan_positions(FIXTURE)
    assert positions.key_position(path) == key
    assert positions.value_position(path) == value


def test_value_ends_are_exact() -> None:
    positions = scan_positions(FIXTURE)

    def value_text(path: str) -> str:
        entry = positions.get(path)
        assert entry is not None
        return FIXTURE[entry.value_start : entry.value_end]

    assert value_text("spaced") == '"Кав\'ярня «Зерно»"'
    assert value_text("mission.statement").endswith('[[not.a.header]]"""')
    assert value_text("mission.literal") == "'''\nC:\\path\\ '' x'''"
    assert value_text("dates[2]") == "1979-05-27 07:32:00"
    assert value_text("communication.negative.escalation[1].topic") == "'Press'"
    assert value_text("rt") == '{ max = 30, "avg x" = 15, nested = { deep = "ї" } }'
    assert value_text("mission.objectives").startswith("[") and value_text(
        "mission.objectives"
    ).endswith("]")


def test_strings_hide_comments_and_headers() -> None:
    positions = scan_positions(FIXTURE)
    assert positions.get("not") is None
    assert [header.path for header in positions.headers][:2] == [
        ("mission",),
        ("mission", "values", 0),
    ]
    assert len(positions.headers) == 11


def test_absent_paths_have_no_position() -> None:
    positions = scan_positions(FIXTURE)
    assert positions.value_position("mission.audience") is None
    assert positions.key_position("communication.style") is None
    assert positions.value_position("tools[0]") is None


def test_array_item_not_seen_points_at_the_array() -> None:
    positions = scan_positions(FIXTURE)
    assert positions.value_position("mission.objectives[7]") == (17, 14)


def test_columns_count_code_points_after_cyrillic() -> None:
    text = 'a = "Кав\'ярня «Зерно» 🇺🇦"\nb = { x = "ї", y = 2 }  # «»\n'
    positions = scan_positions(text)
    assert positions.value_position("b.y") == at(text, "2 }")
    assert positions.value_position("b.y") == (2, 20)


def test_crlf_text() -> None:
    text = FIXTURE.replace("\n", "\r\n")
    positions = scan_positions(text)
    assert positions.value_position("communication.negative.escalation[1].within_minutes") == (
        44,
        18,
    )
    assert positions.value_position("content.rubrics[0].platforms[1]") == (52, 3)
    entry = positions.get("communication.negative.escalation[1].topic")
    assert entry is not None
    assert text[entry.value_start : entry.value_end] == "'Press'"


def test_bom_file_reports_column_one_for_the_first_key(tmp_path: Path) -> None:
    raw = b"\xef\xbb\xbf" + "schema_version = 1\n[document]\ncompany = 'Зерно'\n".encode()
    source = parse_policy(tmp_path / "p.toml", raw)
    assert source.bom
    assert source.key_position("schema_version") == (1, 1)
    assert source.value_position("document.company") == (3, 11)


def test_example_policy_positions() -> None:
    source = parse_policy(EXAMPLE, EXAMPLE.read_bytes())
    # The spec's sample message says 61:27; in example-policy.toml the value is on line 77.
    assert source.value_position("communication.response_time.first_reply_avg_minutes") == (
        77,
        27,
    )
    assert source.key_position("communication.response_time.first_reply_avg_minutes") == (
        77,
        1,
    )
    assert source.value_position("platforms[0].access") == (42, 10)
    assert source.value_position("platforms[1]") == (45, 1)
    assert source.value_position("communication.voice") == (65, 9)
    assert source.value_position("content.rubrics[1].platforms[1]") == (130, 27)
    assert source.position("mission.values[1].name", key=True) == (30, 1)


def test_every_value_in_the_example_is_located() -> None:
    source = parse_policy(EXAMPLE, EXAMPLE.read_bytes())

    def walk(value: object, path: tuple[str | int, ...]) -> None:
        if path:
            assert source.value_position(path) is not None, path
        if isinstance(value, dict):
            for key, item in value.items():
                walk(item, (*path, key))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                walk(item, (*path, index))

    walk(source.data, ())


def test_parse_path() -> None:
    assert parse_path("content.rubrics[0].platforms[1]") == (
        "content",
        "rubrics",
        0,
        "platforms",
        1,
    )
    assert parse_path("a.\"b.c\"[2].'d e'") == ("a", "b.c", 2, "d e")
    assert parse_path("schema_version") == ("schema_version",)


@pytest.mark.parametrize(
    ("key", "shown"),
    [
        ("a\x1bb", '"a\\u001Bb"'),
        ("a\x00\x7f", '"a\\u0000\\u007F"'),
        ("t\tn\nr\rb\bf\f", '"t\\tn\\nr\\rb\\bf\\f"'),
        ('q"s\\', '"q\\"s\\\\"'),
        ("\x9b\u202e\u2066", '"\\u009B\\u202E\\u2066"'),
        ("a.b", '"a.b"'),
        ("Кирило", '"Кирило"'),
        ("plain_key-1", "plain_key-1"),
    ],
)
def test_key_paths_quote_keys_as_toml_does(key: str, shown: str) -> None:
    """A key that is not bare is a TOML basic string: its escapes, `\\uXXXX` for other
    control characters; the path reads back as the same keys and is found in the file."""
    path = format_path(["document", key, 0])
    assert path == f"document.{shown}[0]"
    assert parse_path(path) == ("document", key, 0)
    assert tomllib.loads(f"{shown} = 1") == {key: 1}
    text = f"[document]\n{shown} = [1]\n"
    assert scan_positions(text).value_position(path) == (2, len(shown) + 5)


# --- huge values: time and memory linear in the text --------------------------------

HUGE = 4_000_000
"""Characters of each huge value: a backtracking pattern would keep a frame per
character of it (hundreds of megabytes)."""

_PIECES = {
    # kind: (opening, a piece repeated, closing)
    "single-line": ('"', "x", '"'),
    "escapes": ('"', 'ab\\"c\\\\\\u00e9 ', '"'),
    "multi-line": ('"""\n', 'line "q" ""\\"\\\\ \\\n  more\n', '""""'),
    "literal": ("'", "x\\", "'"),
    "multi-line literal": ("'''", 'x\\ \'\' \\"""\n', "'''''"),
}


def _string(kind: str, size: int) -> str:
    """A TOML string of `kind` about `size` characters long."""
    opening, piece, closing = _PIECES[kind]
    return opening + piece * max(1, size // len(piece)) + closing


@pytest.mark.parametrize("kind", list(_PIECES))
def test_a_huge_string_is_followed_in_linear_memory(kind: str) -> None:
    value = _string(kind, HUGE)
    head = "[mission]\nstatement = "
    text = f"{head}{value}  # after\nnext = 1\n"
    tracemalloc.start()
    try:
        positions = scan_positions(text)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    entry = positions.get(("mission", "statement"))
    assert entry is not None
    assert (entry.value_start, entry.value_end) == (len(head), len(head) + len(value))
    assert positions.value_position(("mission", "next")) == at(text, "1\n")
    assert peak < len(text)  # the index of line starts, not a frame per character


@pytest.mark.parametrize("kind", list(_PIECES))
def test_the_end_of_each_kind_of_string_is_where_toml_ends_it(kind: str) -> None:
    value = _string(kind, 300)
    text = f"a = {value}\nb = 1\n"
    entry = scan_positions(text).get(("a",))
    assert entry is not None
    assert (
        tomllib.loads(f"v = {text[entry.value_start : entry.value_end]}")["v"]
        == (tomllib.loads(text)["a"])
    )


def test_a_huge_quoted_key_and_comments_in_an_array() -> None:
    key = 'k\\u00e9\\"' * 50_000
    comments = "# a comment\n" * 50_000
    text = f'"{key}" = 1\narr = [\n{comments}  1, # one\n{comments}  2,\n]\nz = 3\n'
    tracemalloc.start()
    try:
        positions = scan_positions(text)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    (name, *_) = tomllib.loads(text)
    assert positions.key_position((name,)) == (1, 1)
    assert parse_path(f'"{key}"') == (name,)
    assert positions.value_position(("arr", 1)) == at(text, "2,\n")
    assert positions.value_position(("z",)) == at(text, "3\n")
    assert peak < 2 * len(text)  # the key unescaped, and the line starts
