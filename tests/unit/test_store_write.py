"""Saving policies: hand edits survive, only what changed changes, new files read well."""

from __future__ import annotations

import copy
import datetime as dt
import difflib
import tomllib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import tomlkit

from exports.rewrite import same, update_text
from exports.store import (
    PolicyReadError,
    PolicySource,
    parse_policy,
    read_policy,
    render_policy,
    save_policy,
)

ROOT = Path(__file__).parents[2]
PRESERVE = ROOT / "tests" / "fixtures" / "preserve"
CORPUS = sorted(PRESERVE.glob("*.toml"))
EXAMPLE = PRESERVE / "01-example.toml"

Path_ = tuple[str | int, ...]


def load(name: str | Path) -> PolicySource:
    path = name if isinstance(name, Path) else PRESERVE / name
    return parse_policy(path, path.read_bytes())


def leaves(value: Any, path: Path_ = ()) -> Iterator[tuple[Path_, Any]]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield from leaves(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from leaves(item, (*path, index))
    else:
        yield path, value


def get(data: Any, path: Path_) -> Any:
    for part in path:
        data = data[part]
    return data


def changed(value: Any) -> Any:
    if isinstance(value, bool):
        return not value
    if isinstance(value, int):
        return value + 1
    if isinstance(value, str):
        return value.replace("\n", " ") + " — змінено"
    if isinstance(value, dt.date):
        return value + dt.timedelta(days=1)
    raise AssertionError(value)


def edited(source: PolicySource, change: Callable[[dict[str, Any]], object]) -> str:
    """The text after `change` is applied to a copy of the data, checked to hold that data."""
    data = copy.deepcopy(source.data)
    change(data)
    text = update_text(source.text, source.data, data, source.newline)
    assert same(tomllib.loads(text), data)
    return text


def edited_at(source: PolicySource, where: Path_, method: str, *args: Any) -> str:
    """The text after calling `method(*args)` on the table or array at `where` of the data."""
    data = copy.deepcopy(source.data)
    getattr(get(data, where), method)(*args)
    text = update_text(source.text, source.data, data, source.newline)
    assert same(tomllib.loads(text), data), (where, method, args)
    return text


def changed_lines(before: str, after: str) -> list[str]:
    """Removed lines as "- line" and added ones as "+ line", in order."""
    old, new = before.splitlines(True), after.splitlines(True)
    out: list[str] = []
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "equal":
            out += ["- " + line for line in old[i1:i2]] + ["+ " + line for line in new[j1:j2]]
    return out


# -- the corpus ----------------------------------------------------------------------------


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.name)
def test_unchanged_save_is_byte_identical(path: Path, tmp_path: Path) -> None:
    source = load(path)
    assert update_text(source.text, source.data, copy.deepcopy(source.data), source.newline) == (
        source.text
    )
    target = tmp_path / path.name
    target.write_bytes(source.raw)
    again = save_policy(target, copy.deepcopy(source.data), read_policy(target))
    assert target.read_bytes() == path.read_bytes()
    assert again.digest == source.digest


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.name)
def test_changing_one_scalar_changes_exactly_its_line(path: Path) -> None:
    source = load(path)
    tried = 0
    for leaf, value in leaves(source.data):
        entry = source.positions.get(leaf)
        assert entry is not None, leaf
        if "\n" in source.text[entry.value_start : entry.value_end]:
            continue
        text = edited_at(source, leaf[:-1], "__setitem__", leaf[-1], changed(value))
        diff = changed_lines(source.text, text)
        assert len(diff) == 2, (leaf, diff)
        line = source.positions.line_of(entry.value_start)
        assert diff[0][2:] == source.text.splitlines(True)[line - 1]
        tried += 1
    assert tried >= 3


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.name)
def test_every_key_can_be_deleted_and_every_list_reshaped(path: Path) -> None:
    source = load(path)
    for leaf, _ in leaves(source.data):
        parent, last = leaf[:-1], leaf[-1]
        edited_at(source, parent, "pop", last)
        if isinstance(last, int):
            edited_at(source, parent, "append", "new")
            edited_at(source, parent, "insert", last, "n")


def table_paths(value: Any, path: Path_ = ()) -> Iterator[tuple[Path_, Any]]:
    if isinstance(value, dict):
        if path:
            yield path, value
        for key, item in value.items():
            yield from table_paths(item, (*path, key))
    elif isinstance(value, list) and value and all(isinstance(item, dict) for item in value):
        yield path, value
        for index, item in enumerate(value):
            yield from table_paths(item, (*path, index))


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.name)
def test_tables_and_arrays_of_tables_reshape(path: Path) -> None:
    source = load(path)
    for where, value in table_paths(source.data):
        if isinstance(value, list):
            edited_at(source, where, "reverse")
            edited_at(source, where, "pop", 0)
            edited_at(source, where, "pop")
            edited_at(source, where, "append", {"name": "New"})
            edited_at(source, where, "insert", 0, {"name": "N"})
            edited_at(source, where, "clear")
        else:
            edited_at(source, where, "update", {"zz_added": "v"})
            without = edited_at(source, where[:-1], "pop", where[-1])
            # and back again: the table is written anew where the model puts it
            reduced = parse_policy(source.path, without.encode())
            back = update_text(
                reduced.text, reduced.data, copy.deepcopy(source.data), source.newline
            )
            assert same(tomllib.loads(back), source.data), where


# -- comments stay where they belong -----------------------------------------------------------


def comment_above(text: str, name: str) -> str:
    """The comment line directly above the `[[platforms]]` header of the named platform."""
    lines = text.splitlines()
    index = lines.index(f'name = "{name}"')
    assert lines[index - 1] == "[[platforms]]"
    return lines[index - 2]


COMMENTS = {
    "Instagram": "# Owned by the SMM manager since 2025.",
    "Telegram": "# Telegram: planned for spring.",
    "Facebook": "# Facebook: paused, kept for the reviews.",
}


@pytest.mark.parametrize(
    "change",
    [
        lambda platforms: platforms.reverse(),
        lambda platforms: platforms.pop(0),
        lambda platforms: platforms.pop(1),
        lambda platforms: platforms.insert(1, platforms.pop(2)),
        lambda platforms: platforms.insert(0, {"name": "TikTok"}),
        lambda platforms: platforms.sort(key=lambda p: p["name"]),
    ],
)
def test_comment_above_an_entry_moves_with_it(change: Callable[[list[Any]], object]) -> None:
    source = load("02-comments-everywhere.toml")
    text = edited(source, lambda data: change(data["platforms"]))
    names = [p["name"] for p in tomllib.loads(text)["platforms"]]
    for name in names:
        if name in COMMENTS:
            assert comment_above(text, name) == COMMENTS[name]
    assert text.count("# Instagram: the main channel.") == ("Instagram" in names)
    assert "# === 2. Platforms ===\n" in text
    assert "# === 3. Tools ===\n[[tools]]" in text


def test_reordered_and_edited_entry_keeps_its_comment_and_inner_comments() -> None:
    source = load("02-comments-everywhere.toml")

    def change(data: dict[str, Any]) -> None:
        platforms = data["platforms"]
        platforms.reverse()
        platforms[2]["owner"] = "Shift lead"

    text = edited(source, change)
    data = copy.deepcopy(source.data)
    change(data)
    assert render_policy(data, source) == text
    assert comment_above(text, "Instagram") == COMMENTS["Instagram"]
    assert 'owner = "Shift lead"   # not the intern\n# two-factor checked in November\n' in text


SECTIONED = """\
schema_version = 1

# Platforms: every channel we are on.
[[platforms]]
name = "Instagram"
status = "active"

# Telegram is new.
[[platforms]]
name = "Telegram"
status = "planned"
# owner = "to be decided"

# === Tools ===

[[tools]]
name = "Canva"
# end of file
"""


def _sectioned(change: Callable[[dict[str, Any]], object]) -> str:
    source = parse_policy(Path("p.toml"), SECTIONED.encode())
    return edited(source, change)


def test_the_comment_introducing_a_list_stays_when_its_first_entry_goes() -> None:
    text = _sectioned(lambda data: data["platforms"].pop(0))
    assert text.startswith(
        "schema_version = 1\n\n# Platforms: every channel we are on.\n\n# Telegram is new.\n"
        "[[platforms]]\n"
    )


def test_the_comment_introducing_a_list_stays_on_top_when_entries_move() -> None:
    text = _sectioned(lambda data: data["platforms"].reverse())
    assert text == (
        "schema_version = 1\n\n# Platforms: every channel we are on.\n\n"
        '# Telegram is new.\n[[platforms]]\nname = "Telegram"\nstatus = "planned"\n'
        '# owner = "to be decided"\n\n'
        '[[platforms]]\nname = "Instagram"\nstatus = "active"\n\n'
        '# === Tools ===\n\n[[tools]]\nname = "Canva"\n# end of file\n'
    )


def test_a_comment_naming_the_first_entry_is_its_own() -> None:
    named = SECTIONED.replace("# Platforms: every channel we are on.", "# Instagram: the main one.")
    source = parse_policy(Path("p.toml"), named.encode())
    text = edited(source, lambda data: data["platforms"].reverse())
    assert '\n# Instagram: the main one.\n[[platforms]]\nname = "Instagram"' in text
    assert text.startswith("schema_version = 1\n\n# Telegram is new.\n[[platforms]]\n")
    text = edited(source, lambda data: data["platforms"].pop(0))
    assert "Instagram" not in text


def test_a_comment_naming_several_entries_introduces_the_list() -> None:
    both = SECTIONED.replace("# Platforms: every channel we are on.", "# Instagram and Telegram.")
    source = parse_policy(Path("p.toml"), both.encode())
    text = edited(source, lambda data: data["platforms"].pop(0))
    assert text.startswith("schema_version = 1\n\n# Instagram and Telegram.\n")


def test_the_comment_introducing_the_next_section_stays_in_place() -> None:
    appended = _sectioned(lambda data: data["platforms"].append({"name": "X"}))
    assert '[[platforms]]\nname = "X"\n\n# === Tools ===\n\n[[tools]]' in appended
    removed = _sectioned(lambda data: data.pop("platforms"))
    assert removed == (
        'schema_version = 1\n\n# === Tools ===\n\n[[tools]]\nname = "Canva"\n# end of file\n'
    )


def test_comments_directly_below_an_entry_move_and_go_with_it() -> None:
    moved = _sectioned(lambda data: data["platforms"].reverse())
    assert 'status = "planned"\n# owner = "to be decided"\n\n[[platforms]]' in moved
    removed = _sectioned(lambda data: data["platforms"].pop(1))
    assert "to be decided" not in removed and "# === Tools ===" in removed


def test_the_comment_at_the_end_of_the_file_stays_at_the_end() -> None:
    def add_tool(data: dict[str, Any]) -> None:
        data["tools"].insert(0, {"name": "Buffer"})

    text = _sectioned(add_tool)
    assert text.endswith('[[tools]]\nname = "Canva"\n# end of file\n')
    text = _sectioned(lambda data: data["tools"][0].update(name="Figma"))
    assert text.endswith('name = "Figma"\n# end of file\n')


def test_a_sub_table_added_where_another_is_removed() -> None:
    text = "schema_version = 1\n\n[communication]\n\n[communication.negative]\n\n[content]\n"
    source = parse_policy(Path("p.toml"), text.encode())
    after = {"schema_version": 1, "communication": {"response_time": {}}}
    result = update_text(source.text, source.data, after, "\n")
    assert result == "schema_version = 1\n\n[communication]\n\n[communication.response_time]\n"


def test_trailing_comment_survives_a_change() -> None:
    source = load(EXAMPLE)
    text = edited(source, lambda data: data["document"].update(language="uk"))
    assert 'language = "uk"                      # language of the exported document' in text


def test_added_content_goes_before_revisions() -> None:
    source = load("08-draft.toml")
    content = {"hashtags": ["#Bread"], "rubrics": [{"name": "Fresh today", "goal": "sales"}]}
    text = edited(source, lambda data: data.update(content=content))
    assert text.index("[content]") < text.index("[[content.rubrics]]") < text.index("[[revisions]]")
    assert "# Log\n[[revisions]]" in text
    assert text.startswith(source.text[: source.text.index("# Log")])


def test_new_sub_tables_follow_the_model_order() -> None:
    source = load(EXAMPLE)

    def drop(data: dict[str, Any]) -> None:
        del data["communication"]["response_time"]
        del data["communication"]["templates"]

    reduced = parse_policy(EXAMPLE, edited(source, drop).encode())
    text = edited(reduced, lambda data: data.update(copy.deepcopy(source.data)))
    order = [
        text.index("[communication]"),
        text.index("[communication.response_time]"),
        text.index("[[communication.templates]]"),
        text.index("[communication.negative]"),
    ]
    assert order == sorted(order)


def test_added_key_goes_after_the_previous_key_of_the_model() -> None:
    source = load(EXAMPLE)
    reduced = parse_policy(
        EXAMPLE, edited(source, lambda data: data["document"].pop("version")).encode()
    )
    text = edited(reduced, lambda data: data["document"].update(version="2.0"))
    assert 'approved_by = "Jane Doe, founder and CEO"\nversion = "2.0"\neffective_on' in text
    assert len(changed_lines(reduced.text, text)) == 1


def test_removed_key_loses_only_its_line() -> None:
    source = load("02-comments-everywhere.toml")
    text = edited(
        source, lambda data: data["communication"]["response_time"].pop("first_reply_avg_minutes")
    )
    assert changed_lines(source.text, text) == ["- first_reply_avg_minutes = 15   # aim\n"]


def test_multiline_array_items_are_added_and_removed_by_line() -> None:
    source = load("02-comments-everywhere.toml")
    text = edited(source, lambda data: data["mission"]["objectives"].append("Open a shop"))
    assert changed_lines(source.text, text) == ['+   "Open a shop",\n']
    text = edited(source, lambda data: data["mission"]["objectives"].pop(0))
    assert changed_lines(source.text, text) == [
        '-   "Be the first bakery people think of",   # measurable by survey\n'
    ]
    assert "  # the big one\n" in text and '  # "Open a second shop",\n' in text


def test_one_line_array_stays_on_one_line() -> None:
    source = load(EXAMPLE)
    text = edited(source, lambda data: data["communication"]["avoided_words"].remove("cheap"))
    assert changed_lines(source.text, text) == [
        '- avoided_words = ["product", "customer base", "cheap"]\n',
        '+ avoided_words = ["product", "customer base"]\n',
    ]


def test_multiline_value_is_a_triple_quoted_string() -> None:
    source = load(EXAMPLE)
    voice = 'Say "hi".\nNever \\ escape """ this.'
    text = edited(source, lambda data: data["communication"].update(voice=voice))
    assert 'voice = """\nSay "hi".\nNever \\\\ escape' in text
    assert tomllib.loads(text)["communication"]["voice"] == voice


def test_inline_and_dotted_tables_are_extended_in_their_own_style() -> None:
    source = load("03-odd-formatting.toml")
    text = edited(
        source, lambda data: data["communication"]["response_time"].update(timezone="Europe/Kyiv")
    )
    assert changed_lines(source.text, text)[1] == (
        "+ response_time = { first_reply_max_minutes = 30, first_reply_avg_minutes = 15, "
        'timezone = "Europe/Kyiv" }\n'
    )
    source = load("11-dotted.toml")
    text = edited(source, lambda data: data["document"].update(contact="jane@example.com"))
    assert changed_lines(source.text, text) == ['+ document.contact = "jane@example.com"\n']


# -- newline style and byte-order mark ----------------------------------------------------------


@pytest.mark.parametrize("name", ["05-crlf.toml", "07-bom-crlf.toml"])
def test_crlf_files_get_crlf_lines(name: str, tmp_path: Path) -> None:
    source = load(name)

    def change(data: dict[str, Any]) -> None:
        data["document"]["contact"] = "new contact"
        data["document"]["company"] = "Changed"
        data["platforms"].reverse()
        data["platforms"].append({"name": "TikTok", "purpose": "Short\nvideos\n"})
        data["communication"]["voice"] = "Multi\nline\n"
        data["mission"]["objectives"].append("Another")
        data.pop("tools")
        data["content"] = data.get("content", {"hashtags": ["#a"]})

    text = edited(source, change)
    assert text.replace("\r\n", "").count("\n") == 0
    target = tmp_path / name
    target.write_bytes(source.raw)
    data = copy.deepcopy(source.data)
    change(data)
    saved = save_policy(target, data, read_policy(target))
    assert target.read_bytes().startswith(b"\xef\xbb\xbf") == source.bom
    assert saved.newline == "\r\n"
    assert saved.data == tomllib.loads(text)


def test_bom_is_kept(tmp_path: Path) -> None:
    target = tmp_path / "bom.toml"
    target.write_bytes((PRESERVE / "06-bom.toml").read_bytes())
    source = read_policy(target)
    data = copy.deepcopy(source.data)
    data["document"]["company"] = "Кав'ярня «Нове Зерно»"
    saved = save_policy(target, data, source)
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and not raw.startswith(b"\xef\xbb\xbf" * 2)
    assert saved.bom
    assert len(changed_lines(source.text, saved.text)) == 2


def test_save_returns_a_source_for_the_next_save(tmp_path: Path) -> None:
    target = tmp_path / "p.toml"
    target.write_bytes(EXAMPLE.read_bytes())
    source = read_policy(target)
    data = copy.deepcopy(source.data)
    data["document"]["version"] = "1.2"
    first = save_policy(target, data, source)
    data["document"]["version"] = "1.3"
    second = save_policy(target, data, first)
    assert second.text == EXAMPLE.read_text().replace('version = "1.1"', 'version = "1.3"')
    assert read_policy(target).digest == second.digest


def test_none_means_absent() -> None:
    source = load(EXAMPLE)
    data = copy.deepcopy(source.data)
    data["document"]["contact"] = None
    data["platforms"][1]["handle"] = None
    text = render_policy(data, source)
    assert changed_lines(source.text, text) == ['- contact = "jane@northwind.example"\n']


def test_unsupported_layout_still_saves_the_right_data() -> None:
    # A table written as an inline table that becomes a scalar: rewritten, data intact.
    source = load("03-odd-formatting.toml")
    data = copy.deepcopy(source.data)
    data["communication"]["response_time"] = "soon"
    data["mission"] = 5
    text = render_policy(data, source)
    assert same(tomllib.loads(text), data)


# -- new files -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("document", "first_line"),
    [
        (
            {"company": "Пекарня «Норд»", "language": "uk"},
            "# Політика представленості бренду: Пекарня «Норд».",
        ),
        ({"language": "uk"}, "# Політика представленості бренду."),
        ({"company": "Acme\n Ltd"}, "# Brand presence policy of Acme Ltd."),
        ({"company": "Acme", "language": "fr"}, "# Brand presence policy of Acme."),
        ({}, "# Brand presence policy."),
    ],
)
def test_new_file_header_speaks_the_document_language(
    document: dict[str, str], first_line: str
) -> None:
    text = render_policy({"schema_version": 1, "document": document})
    lines = text.splitlines()
    assert lines[0] == first_line
    assert lines[1].startswith(
        "# Файл можна правити вручну" if document.get("language") == "uk" else "# Hand"
    )
    assert tomllib.loads(text)["document"] == document


def test_new_file_reads_like_the_example() -> None:
    source = load(EXAMPLE)
    text = render_policy(source.data)
    assert same(tomllib.loads(text), source.data)
    lines = text.splitlines()
    assert lines[:3] == [
        "# Brand presence policy of Northwind Bakery.",
        "# Hand edits are welcome: comments and key order survive when the wizard saves.",
        "schema_version = 1",
    ]
    headers = [line for line in lines if line.startswith("[")]
    expected = [line for line in source.text.splitlines() if line.startswith("[")]
    assert headers == expected
    for index, line in enumerate(lines):
        if line.startswith("[") and index > 3:
            assert lines[index - 1] == "", line
    ratio = difflib.SequenceMatcher(a=source.text.splitlines(), b=lines).ratio()
    assert ratio > 0.9
    assert text.endswith('note = "First-reply target lowered from 60 to 30 minutes."\n')


def test_new_file_orders_tables_as_the_format_says() -> None:
    data = {
        "revisions": [{"date": dt.date(2026, 1, 2), "sections": ["content"]}],
        "content": {"rubrics": [{"name": "R"}], "hashtags": ["#a"]},
        "communication": {
            "negative": {"approach": "calm"},
            "templates": [{"title": "T", "text": "a\nb\n"}],
            "response_time": {"first_reply_max_minutes": 5},
            "style": "direct",
        },
        "platforms": [{"name": "X", "status": "active"}],
        "document": {"company": "Co"},
        "schema_version": 1,
    }
    text = render_policy(data)
    order = [
        "schema_version = 1",
        "[document]",
        "[[platforms]]",
        "[communication]",
        'style = "direct"',
        "[communication.response_time]",
        "[[communication.templates]]",
        "[communication.negative]",
        "[content]",
        'hashtags = ["#a"]',
        "[[content.rubrics]]",
        "[[revisions]]",
    ]
    places = [text.index(item) for item in order]
    assert places == sorted(places)
    assert 'text = """\na\nb\n"""' in text
    assert same(tomllib.loads(text), data)


def test_new_file_without_company() -> None:
    text = render_policy({"schema_version": 1})
    assert text.splitlines()[0] == "# Brand presence policy."
    assert tomllib.loads(text) == {"schema_version": 1}


def test_a_newer_file_is_never_overwritten(tmp_path: Path) -> None:
    target = tmp_path / "future.toml"
    raw = (ROOT / "tests" / "fixtures" / "broken" / "newer-version.toml").read_bytes()
    target.write_bytes(raw)
    with pytest.raises(PolicyReadError):
        save_policy(target, {"schema_version": 1})
    assert target.read_bytes() == raw
    broken = tmp_path / "broken.toml"
    broken.write_text("not = [toml\n")
    save_policy(broken, {"schema_version": 1})
    assert tomllib.loads(broken.read_text()) == {"schema_version": 1}


@pytest.mark.parametrize("name", ["06-bom.toml", "07-bom-crlf.toml", "03-odd-formatting.toml"])
def test_the_text_without_bom_stays_readable_by_tomlkit(name: str) -> None:
    source = load(name)
    document = tomlkit.parse(source.text)
    assert document.as_string() == source.text
    if source.newline == "\r\n":
        # tomlkit keeps CRLF inside multi-line strings where tomllib gives LF.
        voice = document.unwrap()["communication"]["voice"]
        assert voice.replace("\r\n", "\n") == source.data["communication"]["voice"]
    else:
        assert document.unwrap() == source.data
