"""The exported document as Markdown (CommonMark with tables), in the policy's language.

`export_markdown` takes the plain policy data (as `tomllib` reads it) and renders
what is there: a draft is marked under the title and each missing part reads "not
defined yet"; a value of the wrong type is shown as text or skipped, never a crash.
The author's text is always text (see `exports.escape`); short single-line entries go
into tables, anything longer into subsections and lists.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from exports.doc_parts import (
    Doc,
    Field,
    entries,
    listed,
    revisions_newest_first,
    table_of,
    write_entries,
)
from exports.escape import escape_inline, escape_lines, escape_text, text_lines
from exports.mdwriter import join_blocks
from exports.wording import DocLanguage
from schemas import check_policy
from schemas.problems import Problem
from schemas.sections import SECTIONS, default_title, heading, section_name

__all__ = [
    "document_language",
    "document_title",
    "escape_text",
    "export_markdown",
    "markdown_blocks",
]


def document_language(data: Mapping[str, Any]) -> DocLanguage:
    """The language of the exported document: `document.language`, "en" by default."""
    language = table_of(data).get("document")
    value = table_of(language).get("language")
    return "uk" if value == "uk" else "en"


def document_title(data: Mapping[str, Any]) -> str:
    """The plain-text title: the document's title with the company name (for HTML `<title>`)."""
    lang = document_language(data)
    document = table_of(table_of(data).get("document"))
    title = _one_line(document.get("title")) or default_title(lang)
    company = _one_line(document.get("company"))
    return f"{title} — {company}" if company else title


def _one_line(value: object) -> str:
    return " ".join(line.strip() for line in text_lines(value)) if isinstance(value, str) else ""


def export_markdown(
    data: Mapping[str, Any],
    *,
    include_access: bool = False,
    problems: Sequence[Problem] | None = None,
) -> str:
    """The policy as a Markdown document.

    `problems` is `schemas.check_policy(data)` when the caller has it already; any
    `missing` problem makes the document a draft. Errors are not refused here.
    """
    return join_blocks(markdown_blocks(data, include_access=include_access, problems=problems))


def markdown_blocks(
    data: Mapping[str, Any],
    *,
    include_access: bool = False,
    problems: Sequence[Problem] | None = None,
) -> list[str]:
    """The Markdown document of `export_markdown` as its blocks (headings, paragraphs,
    lists, tables, quotes), each of which renders the same on its own."""
    data = table_of(data)
    if problems is None:
        problems = check_policy(data)
    missing = frozenset(p.path for p in problems if p.level == "missing")
    doc = Doc(document_language(data), missing, include_access)
    _write_head(doc, data)
    doc.out.heading(2, heading("mission", doc.lang))
    _write_mission(doc, table_of(data.get("mission")))
    doc.out.heading(2, heading("platforms", doc.lang))
    _write_platforms(doc, data.get("platforms"))
    doc.out.heading(2, heading("tools", doc.lang))
    _write_tools(doc, data.get("tools"))
    doc.out.heading(2, heading("communication", doc.lang))
    _write_communication(doc, table_of(data.get("communication")))
    doc.out.heading(2, heading("content", doc.lang))
    _write_content(doc, table_of(data.get("content")))
    doc.out.heading(2, doc.words["revisions"])
    _write_revisions(doc, data.get("revisions"))
    return doc.out.blocks()


def _write_head(doc: Doc, data: Mapping[str, Any]) -> None:
    document = table_of(data.get("document"))
    title = doc.plain(document.get("title"))
    title_md = escape_inline(title) if title else default_title(doc.lang)
    company = doc.plain(document.get("company"))
    if company:
        doc.out.heading(1, f"{title_md} — {escape_inline(company)}")
    else:  # the company is required: a draft without it says so where its name goes
        doc.out.heading(1, f"{title_md} — {doc.words['undefined']}")
    if doc.missing:
        doc.out.paragraph(doc.words["draft"])
    doc.fields(
        document,
        "document",
        [
            Field("approved_by", "approved_by", required=True),
            Field("version", "version"),
            Field("effective_on", "effective_on"),
            Field("review_by", "review_by"),
            Field("contact", "contact"),
        ],
    )


def _write_mission(doc: Doc, mission: Mapping[str, Any]) -> None:
    out, words = doc.out, doc.words
    out.heading(3, words["statement"])
    doc.block(mission.get("statement"), "mission.statement", required=True)
    out.heading(3, words["objectives"])
    doc.items(mission.get("objectives"), "mission.objectives", required=True)
    out.heading(3, words["values"])
    values = entries(mission.get("values"))
    if not values:
        doc.undefined_block()
    else:
        write_entries(
            doc,
            values,
            "mission.values",
            name_key="name",
            name_label="value",
            columns=[Field("meaning", "meaning")],
            details=[],
            level=4,
        )
    for key in ("positioning", "audience"):
        if doc.plain(mission.get(key)):
            out.heading(3, words[key])
            doc.block(mission.get(key), f"mission.{key}")
    if doc.texts(mission.get("principles")):
        out.heading(3, words["principles"])
        doc.items(mission.get("principles"), "mission.principles")


def _write_platforms(doc: Doc, value: object) -> None:
    platforms = entries(value)
    if not platforms:
        doc.undefined_block()
        return
    details = [
        Field("purpose", "purpose"),
        Field("audience", "audience"),
        Field("two_factor", "two_factor"),
    ]
    if doc.include_access:
        details.append(Field("access", "access"))
    write_entries(
        doc,
        platforms,
        "platforms",
        name_key="name",
        name_label="platform",
        columns=[
            Field("status", "status", kind="status"),
            Field("handle", "handle"),
            Field("url", "link", kind="url"),
            Field("owner", "owner"),
            Field("frequency", "frequency"),
        ],
        details=details,
        level=3,
    )


def _write_tools(doc: Doc, value: object) -> None:
    tools = entries(value)
    if not tools:
        doc.out.paragraph(doc.words["no_tools"])
        return
    details = [Field("purpose", "purpose"), Field("recommendations", "recommendations")]
    if doc.include_access:
        details.append(Field("access", "access"))
    write_entries(
        doc,
        tools,
        "tools",
        name_key="name",
        name_label="tool",
        columns=[
            Field("category", "category", kind="category"),
            Field("url", "tool_link", kind="url"),
            Field("owner", "tool_owner"),
        ],
        details=details,
        level=3,
    )


def _write_communication(doc: Doc, comm: Mapping[str, Any]) -> None:
    out, words = doc.out, doc.words
    out.heading(3, words["goals"])
    goals = listed(comm.get("goals"))
    if goals:
        out.bullets([doc.choice("goal", goal) for goal in goals])
    else:
        doc.undefined_block()
    if doc.plain(comm.get("goals_note")):
        doc.block(comm.get("goals_note"), "communication.goals_note")

    out.heading(3, words["style_voice"])
    doc.fields(
        comm,
        "communication",
        [
            Field("style", "style", kind="style", required=True),
            Field("address", "address", kind="address"),
            Field("emoji", "emoji", kind="emoji"),
        ],
    )
    if doc.plain(comm.get("voice")):
        out.heading(4, words["voice"])
        doc.block(comm.get("voice"), "communication.voice")
    for key in ("preferred_words", "avoided_words"):
        if doc.texts(comm.get(key)):
            out.heading(4, words[key])
            doc.items(comm.get(key), f"communication.{key}")

    _write_response_time(doc, table_of(comm.get("response_time")))
    _write_templates(doc, comm.get("templates"))
    _write_negative(doc, table_of(comm.get("negative")))


def _write_response_time(doc: Doc, times: Mapping[str, Any]) -> None:
    words = doc.words
    doc.out.heading(3, words["response_times"])
    longest = doc.duration(times.get("first_reply_max_minutes"), "genitive")  # «протягом …»
    average = times.get("first_reply_avg_minutes")
    if longest:
        within = doc.duration(average, "accusative")  # «у середньому — за …»
        if within:
            doc.out.paragraph(doc.word("first_reply_avg", max=longest, avg=within))
        else:
            doc.out.paragraph(doc.word("first_reply", max=longest))
    else:
        doc.out.paragraph(words["first_reply_undefined"])
        alone = doc.duration(average)  # «Середній час відповіді: …»
        if alone:
            doc.out.paragraph(doc.word("average_only", avg=alone))
    doc.fields(
        times,
        "communication.response_time",
        [
            Field("working_hours", "working_hours"),
            Field("timezone", "timezone"),
            Field("after_hours", "after_hours"),
        ],
    )


def _write_templates(doc: Doc, value: object) -> None:
    out, words = doc.out, doc.words
    out.heading(3, words["templates"])
    templates = entries(value)
    if not templates:
        out.paragraph(words["no_templates"])
        return
    for index, template in templates:
        path = f"communication.templates[{index}]"
        title = doc.plain(template.get("title"))
        out.heading(
            4,
            escape_inline(title)
            if title
            else f"{doc.word('template_n', n=index + 1)}: {words['undefined']}",
        )
        doc.fields(template, path, [Field("situation", "situation")])
        text = doc.plain(template.get("text"))
        if text:
            out.quote(escape_lines(text))
        else:
            out.paragraph(f"**{words['template_text']}:** {words['undefined']}")


def _write_negative(doc: Doc, negative: Mapping[str, Any]) -> None:
    out, words = doc.out, doc.words
    path = "communication.negative"
    out.heading(3, words["negative"])
    doc.fields(
        negative,
        path,
        [
            Field("approach", "approach", required=True),
            Field("moderator_autonomy", "autonomy", kind="autonomy", required=True),
            Field("removal", "removal"),
        ],
    )
    if doc.texts(negative.get("never")):
        out.heading(4, words["never"])
        doc.items(negative.get("never"), f"{path}.never")
    out.heading(3, words["escalation"])
    contacts = entries(negative.get("escalation"))
    if not contacts:
        doc.undefined_block()
        return
    out.paragraph(words["escalation_intro"])
    write_entries(
        doc,
        contacts,
        f"{path}.escalation",
        name_key="topic",
        name_label="topic",
        columns=[
            Field("contact", "escalation_contact", required=True),
            Field("within_minutes", "within", kind="within_minutes"),
        ],
        details=[],
        level=4,
    )


def _write_content(doc: Doc, content: Mapping[str, Any]) -> None:
    out, words = doc.out, doc.words
    out.heading(3, words["hashtags"])
    tags = doc.inline_list(content.get("hashtags"))
    out.paragraph(tags if tags else words["no_hashtags"])
    out.heading(3, words["rubrics"])
    rubrics = entries(content.get("rubrics"))
    if not rubrics:
        doc.undefined_block()
        return
    write_entries(
        doc,
        rubrics,
        "content.rubrics",
        name_key="name",
        name_label="rubric",
        columns=[
            Field("goal", "goal", kind="goal"),
            Field("format", "format"),
            Field("frequency", "frequency"),
            Field("platforms", "platforms", kind="list"),
        ],
        details=[
            Field("description", "description"),
            Field("hashtags", "hashtags", kind="list"),
            Field("example", "example"),
        ],
        level=4,
    )


def _write_revisions(doc: Doc, value: object) -> None:
    ordered = revisions_newest_first(value)
    if not ordered:
        doc.out.paragraph(doc.words["no_revisions"])
        return
    rows: list[list[str]] = []
    for index, revision in ordered:
        path = f"revisions[{index}]"
        sections = [
            section_name(name, doc.lang) if name in SECTIONS else name
            for name in listed(revision.get("sections"))
        ]
        rows.append(
            [
                doc.cell(revision.get("date"), f"{path}.date", required=True),
                doc.cell(revision.get("by"), f"{path}.by"),
                doc.cell(sections, f"{path}.sections", required=True, kind="list"),
                doc.cell(revision.get("note"), f"{path}.note"),
            ]
        )
    if all(doc.fits_cell(cell) for row in rows for cell in row):
        words = doc.words
        doc.out.table([words["date"], words["by"], words["sections"], words["note"]], rows)
        return
    for (index, revision), row in zip(ordered, rows, strict=True):
        doc.out.heading(4, row[0])
        items = doc.field_items(revision, f"revisions[{index}]", [Field("by", "by")])
        items.append(f"**{doc.words['sections']}:** {row[2]}")
        items += doc.field_items(revision, f"revisions[{index}]", [Field("note", "note")])
        doc.out.bullets(items)
