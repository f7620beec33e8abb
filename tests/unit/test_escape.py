"""The author's text as literal Markdown: every tricky line renders as the same visible text."""

from __future__ import annotations

import string

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from exports.escape import (
    clean_text,
    escape_inline,
    escape_line,
    escape_lines,
    inline_text,
    is_multiline,
    text_lines,
)
from tests.unit.rendered import parser, strip_tags, tokens

TRICKY_LINES = [
    "# Not a heading",
    "## Not a heading ##",
    "===",
    "---",
    "* * *",
    "> not a quote",
    "1. not a list",
    "2) not a list",
    "+ not a list",
    "- not a list",
    "* not a list",
    "~~~",
    "```python",
    "    not code",
    "\tnot code either",
    "[x]: http://a.example",
    "[link](http://a.example)",
    "![image](http://a.example/i.png)",
    "<http://a.example>",
    "&copy; &amp; &#169;",
    "<script>alert(1)</script>",
    "<b>x</b>",
    "*em* _em_ **strong** __strong__ `code`",
    "| a | b |",
    "|---|---|",
    "back\\slash at the end\\",
    "{name} and {baker}",
    "Кав'ярня «Зерно» — ☕ 🇺🇦",
    "trailing spaces  ",
]


def _rendered_text(markdown: str) -> str:
    return strip_tags(parser().render(markdown))


@pytest.mark.parametrize("line", TRICKY_LINES)
def test_a_tricky_line_renders_literally_as_one_paragraph(line: str) -> None:
    markdown = escape_lines(f"Before\n{line}\nafter")
    kinds = [t.type for t in tokens(markdown)]
    assert kinds.count("paragraph_open") == 1
    assert set(kinds) <= {"paragraph_open", "paragraph_close", "inline", "text", "hardbreak"}
    assert _rendered_text(markdown) == f"Before\n{line}\nafter\n"


@pytest.mark.parametrize("line", TRICKY_LINES)
def test_a_tricky_line_stays_in_its_table_cell(line: str) -> None:
    markdown = f"| a | b |\n|---|---|\n| {escape_inline(line)} | z |\n"
    stream = tokens(markdown)
    cells = [t for t in stream if t.type == "td_open"]
    assert len(cells) == 2
    assert {t.type for t in stream} <= {
        "table_open",
        "table_close",
        "thead_open",
        "thead_close",
        "tbody_open",
        "tbody_close",
        "tr_open",
        "tr_close",
        "th_open",
        "th_close",
        "td_open",
        "td_close",
        "inline",
        "text",
    }
    assert line.strip(" \t") in _rendered_text(markdown)


@pytest.mark.parametrize(
    "text",
    [
        "Остап Гнатишин, засновник",
        "ostap@zerno-i-dym.ua",
        "1.0",
        "https://www.instagram.com/zerno_kava/",
        "snake_case_name and 5 * 3 = 15",
        "50% off (today only): #1 choice; a+b=c, 'quoted' \"too\" {name}!",
        "#hashtag #another",
        "Q&A, R&D, AT&T",
        "x < y > z",
        "C:\\Users\\file.txt",
    ],
)
def test_ordinary_text_is_written_as_typed(text: str) -> None:
    assert escape_lines(text) == text
    assert escape_inline(text) == text


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("# not a heading", "\\# not a heading"),
        ("> not a quote", "\\> not a quote"),
        ("- not a list", "\\- not a list"),
        ("+ not a list", "\\+ not a list"),
        ("1. not a list", "1\\. not a list"),
        ("2) not a list", "2\\) not a list"),
        ("---", "\\---"),
        ("===", "\\==="),
        ("*em* and _em_", "\\*em\\* and \\_em\\_"),
        ("**strong**", "\\*\\*strong\\*\\*"),
        ("`code`", "\\`code\\`"),
        ("[link](http://a.example)", "[link\\](http://a.example)"),
        ("[x]: http://a.example", "[x\\]: http://a.example"),
        ("<b>x</b> <http://a>", "\\<b>x\\</b> \\<http://a>"),
        ("&copy; & &#169;", "\\&copy; & \\&#169;"),
        ("a | b", "a \\| b"),
        ("ends in a backslash\\", "ends in a backslash\\\\"),
        ("\\*", "\\\\\\*"),
    ],
)
def test_a_character_is_escaped_only_where_it_would_start_markup(text: str, escaped: str) -> None:
    assert escape_lines(text) == escaped


def test_a_heading_keeps_its_closing_hashes() -> None:
    assert escape_inline("We are #1 #", heading=True) == "We are #1 \\#"
    assert escape_inline("# x") == "# x"  # not at the start of a line


def test_the_markdown_of_the_issues_examples_has_no_backslash() -> None:
    for text in ("Остап Гнатишин, засновник", "ostap@zerno-i-dym.ua", "1.0"):
        assert "\\" not in escape_lines(text)


def test_leading_and_trailing_spaces_become_character_references() -> None:
    assert escape_line("  x\t") == "&#32;&#32;x&#9;"
    assert escape_line("\u00a0x\u3000") == "&#160;x&#12288;"
    assert _rendered_text(escape_lines("    four spaces")) == "    four spaces\n"


def test_line_breaks_become_hard_breaks_and_empty_lines_stay_inside() -> None:
    markdown = escape_lines("one\n\ntwo\r\nthree\rfour")
    assert markdown == "one\\\n\\\ntwo\\\nthree\\\nfour"
    html = parser().render(markdown)
    assert html.count("<br />") == 4
    assert html.count("<p>") == 1


def test_list_item_indentation_keeps_the_value_inside_the_item() -> None:
    markdown = "- " + escape_lines("first\n\n- second\n# third", indent="  ") + "\n- next\n"
    kinds = [t.type for t in tokens(markdown)]
    assert kinds.count("list_item_open") == 2
    assert "heading_open" not in kinds


def test_blank_lines_at_either_end_are_dropped() -> None:
    assert text_lines("\n\n  \nvoice\nline\n\n") == ["voice", "line"]
    assert text_lines("   ") == []
    assert not is_multiline("one line\n")
    assert is_multiline("one\ntwo")


def test_control_characters_show_as_escapes_but_tabs_and_newlines_stay() -> None:
    assert clean_text("a\x00b\x07c\x1bd\x7fe\x85f\tg\x9bh\u202ei") == (
        "a\\u0000b\\u0007c\\u001bd\\u007fe\nf\tg\\u009bh\\u202ei"
    )
    markdown = escape_lines("nul\x00here \x1b]52;c;cHduZWQ=\x07 \u202eevil")
    assert "\x00" not in markdown and "\x1b" not in markdown and "\u202e" not in markdown
    assert _rendered_text(markdown) == "nul\\u0000here \\u001b]52;c;cHduZWQ=\\u0007 \\u202eevil\n"


def test_inline_escape_joins_lines_with_spaces() -> None:
    assert escape_inline("a\n  b  \nc") == "a b c"
    assert "\n" not in escape_inline("x\ny\n\nz")


# Property: for any text, markdown-it renders the author's text back exactly, in every
# place the document puts it (control characters as their visible escapes).

_MARKUP_PIECES = [
    *string.punctuation,
    " ",
    "\t",
    "\n",
    "\r\n",
    "\u00a0",
    "\u3000",
    "\x1b",
    "\u202e",
    "\x85",
    "&amp;",
    "&#32;",
    "&#x41;",
    "<a>",
    "</a>",
    "<!--",
    "<?",
    "<http://a>",
    "<a@b.c>",
    "](",
    "][",
    "]:",
    "1. ",
    "1) ",
    "- ",
    "+ ",
    "* ",
    "***",
    "___",
    "~~~",
    "```",
    "---",
    "===",
    "    ",
    "\\",
    "a",
    "Ж",
    "1",
    "_a_",
    "*a*",
]
_AUTHOR_TEXT = st.lists(
    st.one_of(st.characters(codec=None), st.sampled_from(_MARKUP_PIECES)), max_size=30
).map("".join)


def _shown(markdown: str) -> list[str]:
    """The text of each inline run as markdown-it reads it: its text, line breaks as
    newlines, a label's bold as NUL marks; anything else (emphasis, a link, code,
    HTML) fails the test."""
    found = []
    for token in parser().parse(markdown):
        if token.type != "inline":
            continue
        parts = []
        for child in token.children or []:
            if child.type == "text":
                parts.append(child.content)
            elif child.type in ("hardbreak", "softbreak"):
                parts.append("\n")
            elif child.type in ("strong_open", "strong_close"):
                parts.append("\0")
            else:
                raise AssertionError(f"{child.type} in {markdown!r}")
        found.append("".join(parts))
    return found


@settings(max_examples=800, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=_AUTHOR_TEXT)
def test_any_text_renders_back_exactly_wherever_it_stands(text: str) -> None:
    lines = text_lines(text)
    if not lines:
        return
    shown = "\n".join(lines)
    assert "\x1b" not in shown and "\u202e" not in shown  # controls: visible escapes
    assert _shown(escape_lines(text)) == [shown]  # a paragraph
    item = "- " + escape_lines(text, indent="  ") + "\n- next\n"
    assert _shown(item) == [shown, "next"]  # a list item
    labelled = "- **L:** " + escape_lines(text, indent="  ", at_start=False) + "\n"
    assert _shown(labelled) == ["\0L:\0 " + shown]  # after a label
    assert _shown("> " + escape_lines(text, indent="> ")) == [shown]  # a quote
    one = inline_text(text)
    cell = "| a | b |\n|---|---|\n| " + escape_inline(text) + " | z |\n"
    assert _shown(cell) == ["a", "b", one, "z"]  # a table cell
    assert _shown("#### " + escape_inline(text, heading=True)) == [one]  # a heading
