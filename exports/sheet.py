"""The moderator's one-page sheet: what a person answering comments needs at hand.

`build_sheet` takes the policy data and makes a short `exports.blocks.Document` for
any format: the reply times with the working hours and the after-hours rule, the
escalation contacts, what the moderator answers alone, the "never" list, the answer
templates with their `{placeholders}` highlighted, the hashtags separated by spaces
(ready to paste), the words to use and to avoid. Typeset tight, it fits one A4 page
for an ordinary policy; `exports.pdf.page_count` tells when it does not.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from typing import Any

from exports.blocks import Document, Heading, Inline, Paragraph, Quote, Span
from exports.doc_parts import Doc, Field, entries, table_of, write_entries
from exports.document import (
    document_language,
    footer_of,
    missing_paths,
    reply_sentences,
)
from exports.escape import inline_text, text_lines
from exports.wording import format_date
from schemas import check_policy
from schemas.problems import Problem
from schemas.sections import default_title

_PLACEHOLDER = re.compile(r"\{[^{}\n]+\}")


def placeholders(text: str) -> Inline:
    """A template's text with each `{placeholder}` as its own highlighted span."""
    spans: list[Span] = []
    position = 0
    for match in _PLACEHOLDER.finditer(text):
        if match.start() > position:
            spans.append(Span(text[position : match.start()]))
        spans.append(Span(match.group(), "placeholder"))
        position = match.end()
    if position < len(text):
        spans.append(Span(text[position:]))
    return tuple(spans)


def all_hashtags(doc: Doc, content: Mapping[str, Any]) -> list[str]:
    """The brand's hashtags, then the rubrics' that are not among them, each once."""
    tags = doc.texts(content.get("hashtags"))
    for _, rubric in entries(content.get("rubrics")):
        tags += doc.texts(rubric.get("hashtags"))
    return list(dict.fromkeys(inline_text(tag) for tag in tags))


def build_sheet(data: Mapping[str, Any], *, problems: Sequence[Problem] | None = None) -> Document:
    """The moderator's sheet of the policy `data`, in the document's language."""
    data = table_of(data)
    if problems is None:
        problems = check_policy(data)
    doc = Doc(document_language(data), missing_paths(problems), include_access=False)
    words = doc.words
    document = table_of(data.get("document"))
    company = doc.plain(document.get("company"))
    company_text = inline_text(company) if company else words["undefined"]
    title = f"{words['sheet_title']} — {company_text}"
    draft = bool(doc.missing)
    if draft:
        title = doc.word("draft_title", title=title)
    doc.add(Heading(1, (Span(title),)))
    doc.paragraph(_source_line(doc, document))

    comm = table_of(data.get("communication"))
    times = table_of(comm.get("response_time"))
    doc.heading(2, words["sheet_replies"])
    for sentence in reply_sentences(doc, times):
        doc.paragraph(sentence)
    doc.fields(times, "communication.response_time", [Field("after_hours", "after_hours")])

    negative = table_of(comm.get("negative"))
    path = "communication.negative"
    doc.heading(2, words["sheet_alone"])
    doc.fields(
        negative,
        path,
        [
            Field("moderator_autonomy", "autonomy", kind="autonomy", required=True),
            Field("approach", "approach", required=True),
            Field("removal", "removal"),
        ],
    )
    if doc.texts(negative.get("never")):
        doc.heading(2, words["never"])
        doc.items(negative.get("never"), f"{path}.never")

    doc.heading(2, words["escalation"])
    contacts = entries(negative.get("escalation"))
    if contacts:
        write_entries(
            doc,
            contacts,
            f"{path}.escalation",
            name_key="topic",
            name_label="topic",
            columns=[
                Field("contact", "escalation_contact", kind="contact", required=True),
                Field("within_minutes", "within", kind="within_minutes"),
            ],
            details=[],
            level=3,
        )
    else:
        doc.undefined_block()

    _write_templates(doc, comm.get("templates"))

    tags = all_hashtags(doc, table_of(data.get("content")))
    if tags:
        doc.heading(2, words["sheet_paste"])
        doc.paragraph(" ".join(tags))
    lists = [
        (words[key], (Span(joined),))
        for key in ("preferred_words", "avoided_words")
        if (joined := doc.joined(comm.get(key))) is not None
    ]
    if lists:
        doc.heading(2, words["sheet_words"])
        doc.add_fields(lists)
    plain_company = inline_text(company) if company else ""
    return Document(
        lang=doc.lang,
        title=title,
        company=plain_company,
        draft=draft,
        draft_word=words["draft_mark"],
        footer=footer_of(doc, data, words["sheet_title"]),
        blocks=doc.blocks,
        kind="sheet",
    )


def _source_line(doc: Doc, document: Mapping[str, Any]) -> Inline:
    """Which policy the sheet comes from: its title, version and effective date."""
    words = doc.words
    title = doc.plain(document.get("title"))
    parts = [inline_text(title) if title else default_title(doc.lang)]
    version = doc.plain(document.get("version"))
    if version:
        parts.append(f"{words['version'].lower()} {inline_text(version)}")
    effective = document.get("effective_on")
    if isinstance(effective, dt.date):
        parts.append(f"{words['effective_on'].lower()} {format_date(effective, doc.lang)}")
    return (Span(", ".join(parts) + "."),)


def _write_templates(doc: Doc, value: object) -> None:
    words = doc.words
    templates = entries(value)
    if not templates:
        return
    doc.heading(2, words["templates"])
    for index, template in templates:
        name = doc.entry_name(template, index, "title", "template")
        situation = doc.plain(template.get("situation"))
        line: Inline = (Span(name[0].text, "strong"), *name[1:])
        if situation:
            line = (*line, Span(f" — {inline_text(situation)}"))
        doc.add(Paragraph(line))
        text = doc.plain(template.get("text"))
        if text:
            doc.add(Quote(placeholders("\n".join(text_lines(text)))))
        else:
            doc.undefined_block()
