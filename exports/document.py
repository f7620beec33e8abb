"""The policy as a `exports.blocks.Document`, in the policy's language: what every
format (Markdown, HTML, PDF, DOCX) renders.

`build_document` takes the plain policy data (as `tomllib` reads it) and lays out what
is there, in the order the format fixes: the title, a draft's notice with its missing
parts, the document control block and the approval requisite, the table of contents,
sections 1-5, the optional sections of format version 2 that the policy includes
(numbered on from 6), the revision history and the acknowledgement sheet. Those are
the level-2 headings, and the only ones. A draft is marked in its title and each
missing part reads "not defined yet"; a value of the wrong type is shown as text or
skipped, never a crash.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from exports.blocks import (
    Approval,
    Bullets,
    Contents,
    Document,
    Fields,
    Footer,
    Heading,
    Inline,
    Notice,
    Span,
    Table,
)
from exports.doc_parts import (
    Doc,
    Field,
    entries,
    listed,
    revisions_newest_first,
    table_of,
    write_entries,
)
from exports.escape import inline_text
from exports.missing import missing_parts
from exports.optional_sections import write_optional_sections
from exports.wording import (
    DocLanguage,
    format_clock,
    format_requisite_date,
    format_times,
    format_zone,
    weekday,
)
from exports.wording import template as word_template
from schemas import check_policy
from schemas.problems import Problem
from schemas.sections import HEADED, default_title, heading, section_name
from schemas.texts import has

BLANK_ACKNOWLEDGEMENTS = 8
"""Empty rows of the acknowledgement sheet after the recorded acknowledgements."""

ANCHORS: dict[str, str] = {
    "mission": "mission",
    "platforms": "platforms",
    "tools": "tools",
    "communication": "communication",
    "content": "content",
}


def document_language(data: Mapping[str, Any]) -> DocLanguage:
    """The language of the exported document: `document.language`, "en" by default."""
    value = table_of(table_of(data).get("document")).get("language")
    return "uk" if value == "uk" else "en"


def _one_line(value: object) -> str:
    return inline_text(value) if isinstance(value, str) else ""


def plain_title(data: Mapping[str, Any]) -> str:
    """The document's title with the company name, as plain text."""
    lang = document_language(data)
    document = table_of(table_of(data).get("document"))
    title = _one_line(document.get("title")) or default_title(lang)
    company = _one_line(document.get("company"))
    return f"{title} — {company}" if company else title


def missing_paths(problems: Sequence[Problem]) -> frozenset[str]:
    """The key paths of the `missing` problems: a document with any is a draft."""
    return frozenset(p.path for p in problems if p.level == "missing")


def footer_of(doc: Doc, data: Mapping[str, Any], title: str) -> Footer:
    """Each page's footer: company, title and version; "page n of m"."""
    document = table_of(data.get("document"))
    company = _one_line(document.get("company")) or doc.words["undefined"]
    version = _one_line(document.get("version"))
    left = (
        doc.word("footer", company=company, title=title, version=version)
        if version
        else doc.word("footer_no_version", company=company, title=title)
    )
    return Footer(left, word_template("page_of", doc.lang))


def build_document(
    data: Mapping[str, Any],
    *,
    include_access: bool = False,
    problems: Sequence[Problem] | None = None,
) -> Document:
    """The policy as a document.

    `problems` is `schemas.check_policy(data)` when the caller has it already; any
    `missing` problem makes the document a draft. Errors are not refused here.
    """
    data = table_of(data)
    if problems is None:
        problems = check_policy(data)
    doc = Doc(document_language(data), missing_paths(problems), include_access)
    words = doc.words
    document = table_of(data.get("document"))
    title = _one_line(document.get("title")) or default_title(doc.lang)
    draft = bool(doc.missing)
    plain = plain_title(data)
    result = Document(
        lang=doc.lang,
        title=doc.word("draft_title", title=plain) if draft else plain,
        company=_one_line(document.get("company")),
        draft=draft,
        draft_word=words["draft_mark"],
        footer=footer_of(doc, data, title),
    )
    _write_head(doc, data, [p.path for p in problems if p.level == "missing"])
    doc.heading(2, heading("mission", doc.lang), ANCHORS["mission"])
    _write_mission(doc, table_of(data.get("mission")))
    doc.heading(2, heading("platforms", doc.lang), ANCHORS["platforms"])
    _write_platforms(doc, data.get("platforms"))
    doc.heading(2, heading("tools", doc.lang), ANCHORS["tools"])
    _write_tools(doc, data.get("tools"))
    doc.heading(2, heading("communication", doc.lang), ANCHORS["communication"])
    _write_communication(doc, table_of(data.get("communication")))
    doc.heading(2, heading("content", doc.lang), ANCHORS["content"])
    _write_content(doc, table_of(data.get("content")))
    write_optional_sections(doc, data, first_number=len(HEADED) + 1)
    doc.heading(2, words["revisions"], "revisions")
    _write_revisions(doc, data.get("revisions"))
    _write_acknowledgements(doc, data)
    result.blocks = doc.blocks
    return result


def _write_head(doc: Doc, data: Mapping[str, Any], missing: Sequence[str]) -> None:
    words = doc.words
    draft = bool(missing)
    document = table_of(data.get("document"))
    title = doc.plain(document.get("title"))
    title_text = inline_text(title) if title else default_title(doc.lang)
    if draft:
        title_text = doc.word("draft_title", title=title_text)
    company = doc.plain(document.get("company"))
    company_spans: Inline = (Span(inline_text(company)),) if company else doc.undefined()
    doc.add(Heading(1, (Span(f"{title_text} — "), *company_spans)))
    if draft:
        doc.add(Notice((Span(words["draft"]),), tuple(missing_parts(doc, data, missing))))
    rows = doc.field_items(
        document,
        "document",
        [
            Field("company", "company", required=True),
            Field("title", "document_title"),
            Field("version", "version"),
            Field("effective_on", "effective_on"),
            Field("review_by", "review_by"),
            Field("scope", "scope"),
            Field("contact", "contact", kind="contact"),
        ],
    )
    doc.add(Fields(tuple(rows), role="control"))
    doc.add(_approval(doc, document, draft))
    doc.add(Contents(words["contents"]))


def _approval(doc: Doc, document: Mapping[str, Any], draft: bool) -> Approval:
    """The approval requisite: who approves (position and name) and when."""
    words = doc.words
    position = doc.spans(document.get("approver_title")) or ()
    name = doc.cell(document.get("approved_by"), "document.approved_by", required=True)
    approved_on = document.get("approved_on")
    date = (
        format_requisite_date(approved_on, doc.lang)
        if isinstance(approved_on, dt.date) and not draft
        else ""
    )
    return Approval(
        title=words["to_be_approved"] if draft else words["approve_title"],
        position=position,
        name=name,
        date=date,
        draft=draft,
        signature_label=words["signature"],
        date_label=words["signed_on"],
        blank_date=words["blank_date"],
        dstu=doc.lang == "uk",
    )


def _write_mission(doc: Doc, mission: Mapping[str, Any]) -> None:
    words = doc.words
    doc.heading(3, words["statement"])
    doc.block(mission.get("statement"), "mission.statement", required=True)
    doc.heading(3, words["objectives"])
    doc.items(mission.get("objectives"), "mission.objectives", required=True)
    doc.heading(3, words["values"])
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
            doc.heading(3, words[key])
            doc.block(mission.get(key), f"mission.{key}")
    if doc.texts(mission.get("principles")):
        doc.heading(3, words["principles"])
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
        Field("admins", "admins", kind="list"),
        Field("account_email", "account_email", kind="contact"),
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
        doc.paragraph(doc.words["no_tools"])
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
    words = doc.words
    doc.heading(3, words["goals"])
    goals = [(Span(doc.choice("goal", goal)),) for goal in listed(comm.get("goals"))]
    goals = [goal for goal in goals if goal[0].text]
    if goals:
        doc.add(Bullets(tuple(goals)))
    else:
        doc.undefined_block()
    if doc.plain(comm.get("goals_note")):
        doc.block(comm.get("goals_note"), "communication.goals_note")

    doc.heading(3, words["style_voice"])
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
        doc.heading(4, words["voice"])
        doc.block(comm.get("voice"), "communication.voice")
    _write_traits(doc, comm)
    for key in ("preferred_words", "avoided_words"):
        if doc.texts(comm.get(key)):
            doc.heading(4, words[key])
            doc.items(comm.get(key), f"communication.{key}")

    _write_response_time(doc, table_of(comm.get("response_time")))
    _write_templates(doc, comm.get("templates"))
    _write_negative(doc, table_of(comm.get("negative")))


def _write_traits(doc: Doc, comm: Mapping[str, Any]) -> None:
    """Format version 2: the voice as "we are / we are not" pairs, the tone by situation."""
    words = doc.words
    traits = entries(comm.get("traits"))
    if traits:
        doc.heading(4, words["traits"])
        rows = [
            (
                doc.cell(t.get("is"), f"communication.traits[{i}].is", required=True),
                doc.cell(t.get("is_not"), f"communication.traits[{i}].is_not", required=True),
                doc.cell(t.get("example"), f"communication.traits[{i}].example"),
            )
            for i, t in traits
        ]
        _table(doc, [words["trait_is"], words["trait_is_not"], words["example"]], rows)
    tones = entries(comm.get("tones"))
    if tones:
        doc.heading(4, words["tones"])
        rows = [
            (
                doc.cell(t.get("situation"), f"communication.tones[{i}].situation", required=True),
                doc.cell(t.get("tone"), f"communication.tones[{i}].tone", required=True),
                doc.cell(t.get("example"), f"communication.tones[{i}].example"),
            )
            for i, t in tones
        ]
        _table(doc, [words["situation"], words["tone"], words["example"]], rows)


def _table(doc: Doc, header: Sequence[str], rows: Sequence[Sequence[Inline]]) -> None:
    """A table of the columns any row fills (the first always)."""
    kept = [0, *(i for i in range(1, len(header)) if any(row[i] for row in rows))]
    doc.add(
        Table(
            tuple(header[i] for i in kept),
            tuple(tuple(row[i] for i in kept) for row in rows),
        )
    )


def hours_spans(doc: Doc, times: Mapping[str, Any]) -> Inline | None:
    """The working hours with the time zone as people say it ("Kyiv time")."""
    hours = doc.plain(times.get("working_hours"))
    zone = times.get("timezone")
    zone_text = format_zone(zone, doc.lang) if isinstance(zone, str) and zone.strip() else ""
    if hours is None:
        return (Span(zone_text),) if zone_text else None
    text = inline_text(hours)
    if zone_text:
        text += (", " if doc.lang == "en" else " ") + zone_text
    return (Span(text),)


def reply_sentences(doc: Doc, times: Mapping[str, Any]) -> list[Inline]:
    """The response-time promise: within working hours (when they are set), the longest
    and the average wait; then what happens to a message after hours."""
    words = doc.words
    longest = doc.duration(
        times.get("first_reply_max_minutes"), "accusative" if doc.lang == "uk" else "genitive"
    )
    average = doc.duration(times.get("first_reply_avg_minutes"), "accusative")
    hours = hours_spans(doc, times) if doc.plain(times.get("working_hours")) else None
    sentences: list[Inline] = []
    if not longest:
        sentences.append((Span(words["first_reply_undefined"]), *doc.undefined()))
        alone = doc.duration(times.get("first_reply_avg_minutes"))
        if alone:
            sentences.append((Span(doc.word("average_only", avg=alone)),))
        return sentences
    if hours is None:
        key = "first_reply_avg" if average else "first_reply"
        sentences.append((Span(doc.word(key, max=longest, avg=average)),))
        return sentences
    key = "first_reply_avg_in_hours" if average else "first_reply_in_hours"
    lead, rest = word_template("in_hours", doc.lang).split("{hours}")
    sentences.append((Span(lead), *hours, Span(rest + doc.word(key, max=longest, avg=average))))
    after = doc.plain(times.get("after_hours"))
    if after is None:
        sentences.append((Span(doc.word("after_hours_default", max=longest)),))
    return sentences


def _write_response_time(doc: Doc, times: Mapping[str, Any]) -> None:
    words = doc.words
    doc.heading(3, words["response_times"])
    for sentence in reply_sentences(doc, times):
        doc.paragraph(sentence)
    items: list[tuple[str, Inline]] = []
    hours = hours_spans(doc, times)
    in_sentence = doc.plain(times.get("working_hours")) and doc.duration(
        times.get("first_reply_max_minutes")
    )
    if hours is not None and not in_sentence:
        label = "working_hours" if doc.plain(times.get("working_hours")) else "timezone"
        items.append((words[label], hours))
    items += doc.field_items(
        times, "communication.response_time", [Field("after_hours", "after_hours")]
    )
    if items:
        doc.add(Fields(tuple(items)))


def _write_templates(doc: Doc, value: object) -> None:
    words = doc.words
    doc.heading(3, words["templates"])
    templates = entries(value)
    if not templates:
        doc.paragraph(words["no_templates"])
        return
    for index, template in templates:
        path = f"communication.templates[{index}]"
        doc.heading(4, doc.entry_name(template, index, "title", "template"))
        doc.fields(template, path, [Field("situation", "situation")])
        text = doc.plain(template.get("text"))
        if text:
            doc.quote(text)
        else:
            doc.add(Fields(((words["template_text"], doc.undefined()),)))


def _write_negative(doc: Doc, negative: Mapping[str, Any]) -> None:
    words = doc.words
    path = "communication.negative"
    doc.heading(3, words["negative"])
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
        doc.heading(4, words["never"])
        doc.items(negative.get("never"), f"{path}.never")
    doc.heading(3, words["escalation"])
    contacts = entries(negative.get("escalation"))
    if not contacts:
        doc.undefined_block()
        return
    doc.paragraph(words["escalation_intro"])
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
        level=4,
    )


def cadence(doc: Doc, rubric: Mapping[str, Any]) -> str | None:
    """A rubric's posting cadence (format version 2) in words: "twice a week: Tue,
    Fri at 10:00"; None when it has none."""
    times, per = rubric.get("times"), rubric.get("per")
    if not isinstance(times, int) or isinstance(times, bool) or not isinstance(per, str):
        return None
    text = format_times(times, per, doc.lang)
    days = [weekday(str(day), doc.lang) for day in listed(rubric.get("days"))]
    if days:
        text += ": " + ", ".join(days)
    time = rubric.get("time")
    if isinstance(time, dt.time):
        if per == "day" and times > 1:
            start = time.hour * 60 + time.minute
            slots = [(start + 180 * n) % 1440 for n in range(times)]
            text += ": " + ", ".join(f"{m // 60:02d}:{m % 60:02d}" for m in slots)
        else:
            text += (" at " if doc.lang == "en" else " о ") + format_clock(time)
    return text


def _write_content(doc: Doc, content: Mapping[str, Any]) -> None:
    words = doc.words
    doc.heading(3, words["hashtags"])
    tags = doc.joined(content.get("hashtags"), " ")
    doc.paragraph(tags if tags else words["no_hashtags"])
    doc.heading(3, words["rubrics"])
    rubrics = entries(content.get("rubrics"))
    if not rubrics:
        doc.undefined_block()
        return
    scheduled = [
        {**rubric, "schedule": text} if (text := cadence(doc, rubric)) is not None else rubric
        for _, rubric in rubrics
    ]
    write_entries(
        doc,
        [(index, rubric) for (index, _), rubric in zip(rubrics, scheduled, strict=True)],
        "content.rubrics",
        name_key="name",
        name_label="rubric",
        columns=[
            Field("goal", "goal", kind="goal"),
            Field("format", "format"),
            Field("frequency", "frequency"),
            Field("schedule", "schedule"),
            Field("platforms", "platforms", kind="list"),
        ],
        details=[
            Field("description", "description"),
            Field("hashtags", "hashtags", kind="hashtags"),
            Field("example", "example"),
        ],
        level=4,
    )


def _section_word(name: str, lang: str) -> str:
    """A section's name in words for the revision history; another value as written."""
    return section_name(name, lang) if has("sections", f"name.{name}", lang) else name


def _write_revisions(doc: Doc, value: object) -> None:
    ordered = revisions_newest_first(value)
    if not ordered:
        doc.paragraph(doc.words["no_revisions"])
        return
    rows: list[tuple[Inline, ...]] = []
    for index, revision in ordered:
        path = f"revisions[{index}]"
        sections = [
            _section_word(name, doc.lang) if isinstance(name, str) else name
            for name in listed(revision.get("sections"))
        ]
        rows.append(
            (
                doc.cell(revision.get("date"), f"{path}.date", required=True),
                doc.cell(revision.get("by"), f"{path}.by"),
                doc.cell(sections, f"{path}.sections", required=True, kind="list"),
                doc.cell(revision.get("note"), f"{path}.note"),
            )
        )
    words = doc.words
    doc.add(Table((words["date"], words["by"], words["sections"], words["note"]), tuple(rows)))


def _write_acknowledgements(doc: Doc, data: Mapping[str, Any]) -> None:
    """The acknowledgement sheet: the recorded acknowledgements (format version 2),
    then empty rows to sign by hand."""
    words = doc.words
    doc.add(Heading(2, (Span(words["acknowledgements"]),), "acknowledgements", new_page=True))
    version = _one_line(table_of(data.get("document")).get("version"))
    doc.paragraph(
        doc.word("acknowledge", version=version) if version else words["acknowledge_no_version"]
    )
    rows = []
    for index, ack in entries(data.get("acknowledgements")):
        path = f"acknowledgements[{index}]"
        rows.append(
            (
                doc.cell(ack.get("name"), f"{path}.name", required=True),
                doc.cell(ack.get("organisation"), f"{path}.organisation"),
                doc.cell(ack.get("version"), f"{path}.version"),
                doc.cell(ack.get("date"), f"{path}.date", required=True),
                (),
            )
        )
    doc.add(
        Table(
            (
                words["ack_name"],
                words["ack_organisation"],
                words["ack_version"],
                words["ack_date"],
                words["ack_signature"],
            ),
            tuple(rows),
            blank_rows=BLANK_ACKNOWLEDGEMENTS,
            numbered=True,
            widths=(28, 22, 10, 18, 22),
        )
    )
