"""The author's text as literal Markdown: every tricky line renders as the same visible text."""

from __future__ import annotations

import string

import pytest

from exports.escape import (
    clean_text,
    escape_inline,
    escape_line,
    escape_lines,
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


def test_every_ascii_punctuation_character_is_escaped() -> None:
    assert escape_line(string.punctuation) == "".join("\\" + c for c in string.punctuation)
    assert escape_line("abc АБВ 123") == "abc АБВ 123"


def test_leading_and_trailing_spaces_become_character_references() -> None:
    assert escape_line("  x\t") == "&#32;&#32;x&#9;"
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
