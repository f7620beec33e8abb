"""The exported Markdown document: structure, the author's text kept as text, drafts, languages."""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from exports.doc_parts import Words
from exports.markdown import document_language, escape_text, export_markdown
from exports.texts import DOCUMENT
from exports.wording import format_date, format_minutes, word
from schemas import check_policy
from schemas.sections import HEADED, default_title, heading
from schemas.texts import Message, Plural, check_domain, domain
from tests.unit.rendered import (
    DRAFT_POLICY,
    ENUM_KEYS,
    UK_POLICY,
    example_path,
    flatten,
    headings,
    headings_of,
    lines_not_in,
    load,
    missing_lines,
    one_line,
    parser,
    strip_tags,
    tokens,
    visible_text,
)

REVISIONS = {"en": "Revision history", "uk": "Історія змін"}
ACKNOWLEDGEMENTS = {"en": "Acknowledgement sheet", "uk": "Аркуш ознайомлення"}
POLICIES = [pytest.param(example_path(), id="example-en"), pytest.param(UK_POLICY, id="uk")]


def _expected_h2(lang: str) -> list[str]:
    return [
        *(heading(section, lang) for section in HEADED),
        REVISIONS[lang],
        ACKNOWLEDGEMENTS[lang],
    ]


@pytest.mark.parametrize("path", POLICIES)
def test_the_fixtures_are_valid_and_complete(path: Path) -> None:
    assert [p for p in check_policy(load(path)) if p.level != "warning"] == []


@pytest.mark.parametrize("path", POLICIES)
def test_five_section_headings_then_the_revision_history_and_the_acknowledgements(
    path: Path,
) -> None:
    data = load(path)
    lang = document_language(data)
    markdown = export_markdown(data)
    assert headings(markdown, 2) == _expected_h2(lang)


@pytest.mark.parametrize("path", POLICIES)
def test_the_first_line_is_the_title_with_the_company(path: Path) -> None:
    data = load(path)
    markdown = export_markdown(data)
    first = markdown.splitlines()[0]
    assert first.startswith("# ")
    assert headings(markdown, 1) == [f"{data['document']['title']} — {data['document']['company']}"]


@pytest.mark.parametrize("path", POLICIES)
def test_a_finished_policy_is_not_marked_as_a_draft(path: Path) -> None:
    text = visible_text(export_markdown(load(path)))
    assert "not defined yet" not in text
    assert "ще не визначено" not in text
    assert "DRAFT" not in text and "draft" not in text
    assert "ЧЕРНЕТКА" not in text and "чернетка" not in text


@pytest.mark.parametrize("path", POLICIES)
@pytest.mark.parametrize("include_access", [False, True])
def test_every_value_of_the_author_appears_literally(path: Path, include_access: bool) -> None:
    data = load(path)
    markdown = export_markdown(data, include_access=include_access)
    assert missing_lines(data, markdown, include_access=include_access) == []


@pytest.mark.parametrize("path", POLICIES)
def test_access_appears_only_when_asked_for(path: Path) -> None:
    data = load(path)
    accesses = [p["access"] for p in data["platforms"] if "access" in p]
    accesses += [t["access"] for t in data["tools"] if "access" in t]
    assert accesses
    label = word("access", document_language(data))
    hidden = visible_text(export_markdown(data))
    shown = visible_text(export_markdown(data, include_access=True))
    assert label not in hidden
    assert label in shown
    for access in accesses:
        assert access not in hidden
        assert access in shown


def test_the_english_document_reads_naturally() -> None:
    data = load(example_path())
    text = visible_text(export_markdown(data))
    assert "Approved by\nJane Doe, founder and CEO\nSignature ......" in text
    assert "Effective from: 1 December 2026" in text
    reply = (
        "During working hours (Every day 07:00-20:00, Kyiv time), every message and comment"
        " gets a first reply within 30 minutes; 15 minutes on average."
    )
    assert reply in text
    assert "Time zone" not in text and "Europe/Kyiv" not in text
    assert "Brand trust" in text
    assert "Sales" in text and "Direct sales" not in text
    assert "In routine cases only; anything else is passed on (see Escalation)." in text
    assert "#NorthwindBakery #BakedAtDawn" in text  # ready to paste: no commas
    assert "Conversational — " in text
    assert "Scheduling" in text
    # Newest revision first is trivially true with one revision; the date reads as words.
    assert "28 November 2026" in text


def test_the_ukrainian_document_uses_its_own_words() -> None:
    data = load(UK_POLICY)
    markdown = export_markdown(data)
    text = visible_text(markdown)
    for phrase in (
        "ЗАТВЕРДЖУЮ\nПідпис ...",
        "Олена Коваль, власниця і директорка",
        "Діє з: 1 березня 2026",
        "Переглянути до: 1 березня 2027",
        "З питань політики: Олена Коваль, olena@zerno.example",
        "У робочий час (Пн–Пт 08:00–21:00, Сб–Нд 09:00–22:00 за київським часом) перша"
        " відповідь на кожне повідомлення й коментар — не пізніше ніж за 1 годину;"
        " у середньому — за 20 хвилин.",
        "Цілі комунікації",
        "Довіра до бренду",
        "Інформування",
        "Розмовний — ",
        "на «ти»",
        "Статус",
        "Активний",
        "Запланований",
        "Планування публікацій",
        "Переконання і принципи бізнесу",
        "Лише в типових випадках; решту передає далі (див. «Ескалація»).",
        "Заборонено",
        "1 дня",  # under «Протягом»: протягом 1 дня
        "#КавярняЗерно #СвіжеОбсмаження #ZernoKyiv",
    ):
        assert phrase in text, phrase
    for stumble in (
        "Вірування",
        "Безпосередні продажі",
        "З питань щодо",
        "Мета комунікації",
        "Ніколи не робимо",
        "реакції",
        "Часовий пояс",
        "Europe/Kyiv",
        "Затвердив",
        "Стан:",
        ": діє",
    ):
        assert stumble not in text, stumble
    assert "Brand" not in text


def test_the_documents_own_ukrainian_words_use_one_apostrophe() -> None:
    catalogue = domain(DOCUMENT).catalogue("uk")
    texts = [text for message in catalogue.values() for text in _templates(message)]
    assert not [text for text in texts if "'" in text]
    assert any("’" in text for text in texts)


def test_revision_history_is_newest_first() -> None:
    data = load(UK_POLICY)
    text = visible_text(export_markdown(data))
    assert text.index("24 лютого 2026") < text.index("10 лютого 2026")


def test_revisions_of_the_same_day_show_the_later_first_odd_dates_last() -> None:
    data = load(example_path())
    data["revisions"] = [
        {"date": dt.date(2026, 1, 1), "sections": ["mission"], "note": "note-A"},
        {"date": dt.date(2026, 1, 1), "sections": ["tools"], "note": "note-B"},
        {"date": "yesterday", "sections": ["tools"], "note": "note-C"},
        {"date": dt.date(2026, 5, 1), "sections": ["content"], "note": "note-N"},
    ]
    text = visible_text(export_markdown(data))
    # newest first; on the same day the later entry (entries are appended) first
    positions = [text.index(note) for note in ("note-N", "note-B", "note-A", "note-C")]
    assert positions == sorted(positions)


def test_multi_line_values_keep_their_line_breaks() -> None:
    data = load(example_path())
    html = tokens_html(export_markdown(data))
    assert "Warm, plain and a little playful.<br />\nLike this:" in html
    assert "{name}, we're sorry" in html.replace("&quot;", '"').replace("&#x27;", "'")


def tokens_html(markdown: str) -> str:
    """The document rendered to HTML by the reading parser."""
    return str(parser().render(markdown))


def _tables(markdown: str) -> int:
    return sum(t.type == "table_open" for t in tokens(markdown))


def test_multi_line_values_keep_the_tables_their_lines_joined() -> None:
    data = load(example_path())
    before = _tables(export_markdown(data))
    data["mission"]["values"][0]["meaning"] = "Line one\nline two"
    data["platforms"][0]["owner"] = "Ann\nBob"
    data["communication"]["negative"]["escalation"][0]["contact"] = "Jane\n+380"
    data["content"]["rubrics"][0]["format"] = "Reel\nor story"
    markdown = export_markdown(data)
    assert _tables(markdown) == before
    assert "| Ann Bob |" in markdown
    assert missing_lines(data, markdown, include_access=False) == []
    assert headings(markdown, 2) == _expected_h2("en")


@pytest.mark.parametrize(
    "grow",
    [
        lambda d: d["mission"]["values"][1].__setitem__("meaning", "word " * 60),
        lambda d: d["platforms"][0].__setitem__(
            "url", "https://www.youtube.com/channel/UC" + "x" * 120 + "?view_as=subscriber"
        ),
        lambda d: d["revisions"][0].__setitem__("note", "A long note. " * 30),
        lambda d: d["platforms"][0].__setitem__("owner", "Sales & Marketing | Social " * 8),
    ],
)
def test_the_layout_never_changes_because_one_value_grew(
    grow: Callable[[dict[str, Any]], None],
) -> None:
    data = load(example_path())
    shape = [(h, _tables(export_markdown(data))) for h in headings(export_markdown(data), 3)]
    grow(data)
    markdown = export_markdown(data)
    assert [(h, _tables(markdown)) for h in headings(markdown, 3)] == shape
    assert headings(markdown, 4) == headings(export_markdown(load(example_path())), 4)


def test_separator_rows_are_proportional_to_the_columns() -> None:
    markdown = export_markdown(load(example_path()))
    lines = markdown.splitlines()
    header = lines.index("| Topic | Pass to | Within |")
    widths = [len(part) for part in lines[header + 1].strip("|").split("|")]
    assert widths[0] > widths[2] and widths[1] > widths[2]
    assert 60 <= sum(widths) <= 80
    assert all(width >= 3 for width in widths)


def test_links_show_their_address_as_an_autolink() -> None:
    markdown = export_markdown(load(example_path()))
    assert "<https://www.instagram.com/northwind.bakery>" in markdown
    assert "<https://buffer.com>" in markdown
    assert "](" not in markdown


def test_the_examples_markdown_is_text_with_few_backslashes() -> None:
    """The issue counted 106 backslashes in the English example and 141 in a
    Ukrainian one; now they are only the hard breaks of multi-line values."""
    for path in (example_path(), UK_POLICY):
        markdown = export_markdown(load(path))
        escapes = markdown.count("\\") - markdown.count("\\\n")
        assert escapes == 0, [line for line in markdown.splitlines() if "\\" in line[:-1]]


def test_no_tools_reads_as_a_sentence_not_as_missing() -> None:
    data = load(example_path())
    del data["tools"]
    text = visible_text(export_markdown(data))
    assert "No tools are listed." in text
    assert "not defined yet" not in text


def _draft(lang: str) -> dict[str, Any]:
    data = load(DRAFT_POLICY)
    data["document"]["language"] = lang
    return data


@pytest.mark.parametrize("lang", ["en", "uk"])
def test_a_draft_is_marked_and_each_missing_part_says_not_defined_yet(lang: str) -> None:
    data = _draft(lang)
    missing = [p for p in check_policy(data) if p.level == "missing"]
    assert len(missing) >= 8
    markdown = export_markdown(data)
    text = visible_text(markdown)
    undefined = word("undefined", lang).strip("*")
    draft_word = word("draft_mark", lang)
    lines = markdown.splitlines()
    assert lines[0] == f"# {draft_word}: " + default_title(lang) + " — Harbour Books"
    assert lines[2] == f"> **{word('draft', lang)}**"
    assert headings(markdown, 2) == _expected_h2(lang)
    # The missing parts are listed at the top, one a line, in the notice.
    notice = [line for line in lines if line.startswith("> - ")]
    assert len(notice) == len(missing)
    # One "not defined yet" per missing part, at least, in italics.
    assert markdown.count(f"*{undefined}*") >= len(missing)
    words = Words(lang)
    for label in ("style", "approach", "autonomy"):
        assert f"{words[label]}: {undefined}" in text, label
    assert f"{words['to_be_approved']}: {undefined}" in text
    first_page = text.split(heading("mission", lang))[0]
    assert words["signature"] not in first_page  # a draft has nothing to sign
    assert "...." not in first_page
    for part in ("objectives", "values", "escalation", "rubrics"):
        after = text.split("\n" + words[part] + "\n", 1)[1].lstrip("\n")
        assert after.startswith(undefined), part
    assert words["first_reply_undefined"] + undefined in text
    assert f"{words['template_text']}: {undefined}" in text
    assert f"{word('platform_n', lang, n=2)}: {undefined}" in text


@pytest.mark.parametrize(
    ("lang", "first_line"),
    [
        ("en", "# DRAFT: Brand presence policy — *not defined yet*"),
        ("uk", "# ЧЕРНЕТКА: Політика представленості бренду — *ще не визначено*"),
    ],
)
def test_a_draft_without_a_company_says_so_in_the_title(lang: str, first_line: str) -> None:
    data = _draft(lang)
    del data["document"]["company"]
    markdown = export_markdown(data)
    assert markdown.splitlines()[0] == first_line
    assert headings(markdown, 1) == [first_line[2:].replace("*", "")]
    assert word("draft", lang) in markdown


def test_an_empty_policy_renders_every_part_as_not_defined_yet() -> None:
    for data in ({}, {"schema_version": 1}, {"schema_version": 1, "document": {"language": "uk"}}):
        markdown = export_markdown(data)
        lang = document_language(data)
        assert headings(markdown, 2) == _expected_h2(lang)
        assert word("draft", lang) in markdown


def test_problems_passed_in_decide_the_draft() -> None:
    data = load(example_path())
    assert "# DRAFT" not in export_markdown(data, problems=[])
    flagged = [*check_policy(_draft("en"))]
    assert "# DRAFT" in export_markdown(data, problems=flagged)


WRONG_TYPES: list[Callable[[dict[str, Any]], None]] = [
    lambda d: d.__setitem__("document", "not a table"),
    lambda d: d["document"].__setitem__("company", 42),
    lambda d: d["document"].__setitem__("title", ["a", "b"]),
    lambda d: d["document"].__setitem__("effective_on", "2026-01-01"),
    lambda d: d["document"].__setitem__("language", "de"),
    lambda d: d["mission"].__setitem__("objectives", "one objective"),
    lambda d: d["mission"].__setitem__("values", [{"name": 1, "meaning": None}, "oops", 3]),
    lambda d: d.__setitem__("platforms", {"name": "Instagram"}),
    lambda d: d["platforms"][0].__setitem__("status", "sleeping"),
    lambda d: d["platforms"][0].__setitem__("two_factor", "yes"),
    lambda d: d["platforms"][0].__setitem__("url", "javascript:alert(1)"),
    lambda d: d.__setitem__("tools", [{"category": 5}]),
    lambda d: d["communication"].__setitem__("goals", ["sales", 3, "fame", ["x"]]),
    lambda d: d["communication"].__setitem__("style", True),
    lambda d: d["communication"]["response_time"].__setitem__("first_reply_max_minutes", "30"),
    lambda d: d["communication"]["response_time"].__setitem__("first_reply_avg_minutes", 0),
    lambda d: d["communication"].__setitem__("templates", [{"title": {"a": 1}, "text": 7}]),
    lambda d: d["communication"]["negative"].__setitem__("escalation", [{"within_minutes": 2.5}]),
    lambda d: d["content"].__setitem__("hashtags", "#One"),
    lambda d: d["content"]["rubrics"][0].__setitem__("platforms", "Instagram"),
    lambda d: d.__setitem__("revisions", [{"date": dt.time(10, 0), "sections": "mission"}]),
    lambda d: d.__setitem__("content", None),
]


@pytest.mark.parametrize("break_it", WRONG_TYPES)
def test_data_of_the_wrong_type_renders_without_crashing(
    break_it: Callable[[dict[str, Any]], None],
) -> None:
    data = load(example_path())
    break_it(data)
    markdown = export_markdown(data)
    lang = document_language(data)
    assert headings(markdown, 2) == _expected_h2(lang)
    assert not [t for t in tokens(markdown) if t.type.startswith("html")]


@pytest.mark.parametrize(
    "url",
    [
        "https://buffer.com/a&copy;x&amp;y%20",
        "https://example.com/?a=1&b=2&#35;c",
        "https://example.com/&#x41;&",
        "https://example.com/a|b||c",
    ],
)
@pytest.mark.parametrize("where", ["tools", "platforms"])
def test_a_link_target_is_the_url_as_written(url: str, where: str) -> None:
    data = load(example_path())
    data[where][0]["url"] = url
    markdown = export_markdown(data)
    links = [t.attrGet("href") for t in tokens(markdown) if t.type == "link_open"]
    assert parser().normalizeLink(url) in links  # as read, then percent-encoded as usual
    assert url in visible_text(markdown)
    assert headings(markdown, 2) == _expected_h2("en")


def test_a_url_that_is_not_http_is_text_not_a_link() -> None:
    data = load(example_path())
    data["platforms"][0]["url"] = "javascript:alert(1)"
    markdown = export_markdown(data)
    links = [t.attrGet("href") for t in tokens(markdown) if t.type == "link_open"]
    assert "javascript:alert(1)" not in links
    assert "javascript:alert(1)" in visible_text(markdown)
    assert "https://t.me/northwind_bakery" in links


def test_escape_text_is_the_public_escape() -> None:
    assert escape_text("# a\nb") == "\\# a\\\nb"
    assert escape_text("a, b.") == "a, b."


def test_document_language_defaults_to_english() -> None:
    assert document_language({}) == "en"
    assert document_language({"document": {"language": "uk"}}) == "uk"
    assert document_language({"document": {"language": "fr"}}) == "en"
    assert document_language({"document": "uk"}) == "en"


@pytest.mark.parametrize(
    ("minutes", "en", "nominative", "accusative", "genitive"),
    [
        (1, "1 minute", "1 хвилина", "1 хвилину", "1 хвилини"),
        (2, "2 minutes", "2 хвилини", "2 хвилини", "2 хвилин"),
        (5, "5 minutes", "5 хвилин", "5 хвилин", "5 хвилин"),
        (11, "11 minutes", "11 хвилин", "11 хвилин", "11 хвилин"),
        (21, "21 minutes", "21 хвилина", "21 хвилину", "21 хвилини"),
        (22, "22 minutes", "22 хвилини", "22 хвилини", "22 хвилин"),
        (30, "30 minutes", "30 хвилин", "30 хвилин", "30 хвилин"),
        (60, "1 hour", "1 година", "1 годину", "1 години"),
        (90, "1 hour 30 minutes", "1 година 30 хвилин", "1 годину 30 хвилин", "1 години 30 хвилин"),
        (120, "2 hours", "2 години", "2 години", "2 годин"),
        (300, "5 hours", "5 годин", "5 годин", "5 годин"),
        (1260, "21 hours", "21 година", "21 годину", "21 години"),
        (1440, "1 day", "1 день", "1 день", "1 дня"),
        (
            1530,
            "1 day 1 hour 30 minutes",
            "1 день 1 година 30 хвилин",
            "1 день 1 годину 30 хвилин",
            "1 дня 1 години 30 хвилин",
        ),
        (10080, "7 days", "7 днів", "7 днів", "7 днів"),
    ],
)
def test_minutes_read_humanely(
    minutes: int, en: str, nominative: str, accusative: str, genitive: str
) -> None:
    assert format_minutes(minutes, "en") == en
    assert format_minutes(minutes, "en", "genitive") == en
    assert format_minutes(minutes, "uk") == nominative
    assert format_minutes(minutes, "uk", "accusative") == accusative
    assert format_minutes(minutes, "uk", "genitive") == genitive


@pytest.mark.parametrize(
    ("times", "sentence"),
    [
        (
            {"first_reply_max_minutes": 60, "first_reply_avg_minutes": 21},
            "Перша відповідь на кожне повідомлення й коментар — не пізніше ніж за 1 годину;"
            " у середньому — за 21 хвилину.",
        ),
        (
            {"first_reply_max_minutes": 1},
            "Перша відповідь на кожне повідомлення й коментар — не пізніше ніж за 1 хвилину.",
        ),
        ({"first_reply_avg_minutes": 21}, "Середній час відповіді: 21 хвилина."),
        (
            {"first_reply_max_minutes": 90, "working_hours": "Пн–Пт 9–18"},
            "У робочий час (Пн–Пт 9–18) перша відповідь на кожне повідомлення й коментар —"
            " не пізніше ніж за 1 годину 30 хвилин. На повідомлення, що надійшло поза робочим"
            " часом, перша відповідь — не пізніше ніж за 1 годину 30 хвилин від початку"
            " наступного робочого дня.",
        ),
    ],
)
def test_response_times_read_as_ukrainian_sentences(times: dict[str, int], sentence: str) -> None:
    data = load(UK_POLICY)
    data["communication"]["response_time"] = times
    assert sentence in visible_text(export_markdown(data)).replace("\n", " ")
    assert "реакц" not in visible_text(export_markdown(data))


def test_escalation_within_reads_after_its_heading() -> None:
    data = load(UK_POLICY)
    data["communication"]["negative"]["escalation"][0]["within_minutes"] = 21
    markdown = export_markdown(data)
    assert "21 хвилини" in visible_text(markdown)
    assert "21 хвилину" not in visible_text(markdown)


def test_dates_read_as_words_with_genitive_months() -> None:
    assert format_date(dt.date(2026, 12, 1), "en") == "1 December 2026"
    assert format_date(dt.date(2026, 12, 1), "uk") == "1 грудня 2026"
    assert format_date(dt.date(2027, 5, 31), "uk") == "31 травня 2027"


def test_every_word_exists_in_both_languages() -> None:
    assert check_domain(DOCUMENT) == []


# Property: whatever the author types, the document's structure holds.

_SPECIAL = list("#*_|<>`~[]()!&;=-+.:\\\"'{} ")
_ALPHABET = st.sampled_from(
    [*_SPECIAL, *"abcXYZ019", *"ґїєщЖ", "😀", "🇺🇦", "\t", "\n", "\n", " ", "  "]
)
_TRICKY = [
    "===",
    "---",
    "> x",
    "1. x",
    "+ x",
    "- x",
    "~~~",
    "```",
    "    code",
    "[x]: http://a",
    "[x](http://a)",
    "![i](http://b)",
    "<http://c>",
    "&copy;",
    "<script>alert(1)</script>",
    "<b>x</b>",
    "# h",
    "* * *",
    "| a | b |",
    "|---|---|",
    "\\",
    "**y**",
    "_x_",
    "Кав'ярня «Зерно»",
]
_LINE = st.one_of(st.lists(_ALPHABET, max_size=20).map("".join), st.sampled_from(_TRICKY))
_VALUE = st.lists(_LINE, min_size=1, max_size=3).map("\n".join)


def _text_paths(data: object, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Paths of every string of the author's text (not enumerations, URLs or dates)."""
    found: list[tuple[Any, ...]] = []
    key = next((p for p in reversed(path) if isinstance(p, str)), "")
    if key in ENUM_KEYS or key == "url":
        return found
    if isinstance(data, str):
        found.append(path)
    elif isinstance(data, dict):
        for sub_key, value in data.items():
            found.extend(_text_paths(value, (*path, sub_key)))
    elif isinstance(data, list):
        for index, item in enumerate(data):
            found.extend(_text_paths(item, (*path, index)))
    return found


def _put(data: Any, path: tuple[Any, ...], value: str) -> None:
    for part in path[:-1]:
        data = data[part]
    data[path[-1]] = value


def _unnamed_headings(lang: str) -> set[str]:
    undefined = word("undefined", lang).strip("*")
    return {
        f"{word(key, lang, n=n)}: {undefined}"
        for key in domain(DOCUMENT).catalogue(lang)
        if key.endswith("_n")
        for n in range(1, 20)
    }


def _fixed_texts(lang: str) -> set[str]:
    catalogue = domain(DOCUMENT).catalogue(lang)
    words = {w.replace("*", "") for w in catalogue.values() if isinstance(w, str)}
    return (
        words
        | {heading(section, lang) for section in HEADED}
        | {REVISIONS[lang], ACKNOWLEDGEMENTS[lang]}
    )


_POLICY_DATA = {path: load(path) for path in (example_path(), UK_POLICY)}
_FORBIDDEN_TOKENS = frozenset(
    {
        "html_inline",
        "html_block",
        "code_block",
        "fence",
        "code_inline",
        "image",
        "hr",
        "ordered_list_open",
        "s_open",
    }
)


@pytest.mark.parametrize("path", POLICIES)
@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(values=st.lists(_VALUE, min_size=7, max_size=7))
def test_any_text_of_the_author_stays_text(path: Path, values: list[str]) -> None:
    """Every text field gets one of a few generated values (cheap to draw, all tricky)."""
    policy = _POLICY_DATA[path]
    lang = document_language(policy)
    paths = _text_paths(policy)
    fuzzed = copy.deepcopy(policy)
    for index, text_path in enumerate(paths):
        _put(fuzzed, text_path, values[index % len(values)])
    markdown = export_markdown(fuzzed, include_access=True, problems=check_policy(fuzzed))

    blocks = parser().parse(markdown)
    assert headings_of(blocks, 2) == _expected_h2(lang)
    assert len(headings_of(blocks, 1)) == 1
    stream = flatten(blocks)
    assert not {t.type for t in stream} & _FORBIDDEN_TOKENS
    links = [t.attrGet("href") for t in stream if t.type == "link_open"]
    urls = [str(p["url"]) for p in policy["platforms"] if "url" in p]
    urls += [str(t["url"]) for t in policy.get("tools", []) if "url" in t]
    assert sorted(str(link) for link in links) == sorted(urls)
    templates = [t for t in fuzzed["communication"]["templates"] if one_line(t["text"])]
    draft = any(p.level == "missing" for p in check_policy(fuzzed))
    assert sum(t.type == "blockquote_open" for t in stream) == len(templates) + draft

    values_shown = {one_line(v) for v in values}
    fixed = _fixed_texts(lang) | {format_date(r["date"], lang) for r in fuzzed["revisions"]}
    unnamed = _unnamed_headings(lang)
    for level in (3, 4):
        for shown in headings_of(blocks, level):
            assert shown in fixed or shown in values_shown or shown in unnamed, shown
    bold = [t.content for i, t in enumerate(stream) if i and stream[i - 1].type == "strong_open"]
    for text in bold:
        assert text.rstrip(":") in fixed or text in ("Draft", "Чернетка"), text
    shown = strip_tags(parser().renderer.render(blocks, parser().options, {}))
    assert lines_not_in(fuzzed, shown, include_access=True) == []


def _templates(message: Message) -> tuple[str, ...]:
    return message.templates() if isinstance(message, Plural) else (message,)
