"""The pydantic models of a brand presence policy file (format version 1).

Every key is optional at the type level: a *missing* key is a level of its own
(see `schemas.rules`), not a type error. The models check what pydantic checks
well — types in strict mode, enumerations, lengths and ranges, unknown keys —
and the rules pass checks everything that spans keys.

The annotations are evaluated when the classes are made (no `from __future__
import annotations`): pydantic would otherwise compile and evaluate each one from
its string.
"""

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = 1
"""The newest format version this program reads and writes."""

MAX_MINUTES = 10080
"""A week: the upper bound of every minutes field."""

Goal = Literal["sales", "trust", "informing"]
Style = Literal["official", "business", "direct", "conversational"]
Address = Literal["formal", "informal"]
Emoji = Literal["never", "sparingly", "freely"]
PlatformStatus = Literal["active", "planned", "paused"]
ToolCategory = Literal[
    "scheduling", "analytics", "inbox", "monitoring", "design", "chatbot", "ads", "other"
]
Autonomy = Literal["full", "routine", "none"]
Language = Literal["en", "uk"]
Minutes = Annotated[int, Field(ge=1, le=MAX_MINUTES)]

GOALS: tuple[Goal, ...] = ("sales", "trust", "informing")
STYLES: tuple[Style, ...] = ("official", "business", "direct", "conversational")
ADDRESSES: tuple[Address, ...] = ("formal", "informal")
EMOJI_USES: tuple[Emoji, ...] = ("never", "sparingly", "freely")
PLATFORM_STATUSES: tuple[PlatformStatus, ...] = ("active", "planned", "paused")
TOOL_CATEGORIES: tuple[ToolCategory, ...] = (
    "scheduling",
    "analytics",
    "inbox",
    "monitoring",
    "design",
    "chatbot",
    "ads",
    "other",
)
AUTONOMY_LEVELS: tuple[Autonomy, ...] = ("full", "routine", "none")
LANGUAGES: tuple[Language, ...] = ("en", "uk")


class _Table(BaseModel):
    """A table of the policy file: strict types, no unknown keys."""

    # No `use_attribute_docstrings`: it reads the source of every class at import;
    # the docstrings under the keys are read on demand by `schemas.docstrings`.
    # `defer_build`: only the models validated on their own (in practice `Policy`)
    # build a validator, on first use, not all fifteen at import.
    model_config = ConfigDict(
        strict=True,
        extra="forbid",
        frozen=True,
        defer_build=True,
    )


class Document(_Table):
    """The document itself: who stands behind it, its version and dates."""

    company: Annotated[str, Field(max_length=200)] | None = None
    """The company (or brand) the policy belongs to, as it should appear in the title."""

    title: str | None = None
    """The document's title; by default "Brand presence policy" in the document's language."""

    language: Language | None = None
    """Language of the exported document: "en" or "uk" (default "en")."""

    approved_by: str | None = None
    """Who stands behind the policy: the director's name and role."""

    version: str | None = None
    """The policy's version, such as "1.1"."""

    effective_on: dt.date | None = None
    """The date the policy takes effect."""

    review_by: dt.date | None = None
    """The date of the next review (at least yearly); later than effective_on."""

    contact: str | None = None
    """Whom to ask about the policy."""


class Value(_Table):
    """One of the company's values, with what it means in practice."""

    name: str | None = None
    """The value in a word or two, such as "Honesty"."""

    meaning: str | None = None
    """What the value means in practice, in social media."""


class Mission(_Table):
    """1. Mission, objectives and values: the company's strategy in brief."""

    statement: str | None = None
    """The mission in a sentence or two."""

    objectives: list[str] | None = None
    """The concrete objectives social media serves."""

    values: list[Value] | None = None
    """The company's values, each with its meaning."""

    positioning: str | None = None
    """How the brand stands apart from others."""

    audience: str | None = None
    """Whom the brand speaks to."""

    principles: list[str] | None = None
    """Beliefs and business principles the company runs on."""


class Platform(_Table):
    """A social media platform where the brand is present or plans to be."""

    name: str | None = None
    """The platform, such as Instagram or Telegram; unique in the policy."""

    status: PlatformStatus | None = None
    """active, planned or paused (default active)."""

    url: str | None = None
    """Link to the brand's community or channel: an absolute http or https URL."""

    handle: str | None = None
    """The brand's handle on the platform, such as @northwind.bakery."""

    purpose: str | None = None
    """What the brand does on this platform."""

    audience: str | None = None
    """Whom the brand reaches there."""

    frequency: str | None = None
    """How often the brand posts there."""

    owner: str | None = None
    """Who runs the account."""

    access: str | None = None
    """Where the login lives (password-manager entry, the person who grants access); never the password itself."""  # noqa: E501

    two_factor: bool | None = None
    """Whether two-factor authentication is on."""


class Tool(_Table):
    """A service used to automate social media work."""

    name: str | None = None
    """The tool's name, such as Buffer; unique in the policy."""

    category: ToolCategory | None = None
    """scheduling, analytics, inbox, monitoring, design, chatbot, ads or other (default other)."""

    url: str | None = None
    """The tool's address: an absolute http or https URL."""

    purpose: str | None = None
    """What the team uses it for."""

    recommendations: str | None = None
    """Comments and recommendations on how to use it."""

    owner: str | None = None
    """Who is responsible for the tool."""

    access: str | None = None
    """Where the login lives; never the password itself."""


class ResponseTime(_Table):
    """Response-time targets for comments and messages."""

    first_reply_max_minutes: Minutes | None = None
    """The longest a person may wait for a first reply, in minutes (1-10080)."""

    first_reply_avg_minutes: Minutes | None = None
    """The average first-reply time to aim for, in minutes; not more than the maximum."""

    working_hours: str | None = None
    """When replies are given, such as "Every day 07:00-20:00"."""

    after_hours: str | None = None
    """What happens outside working hours."""

    timezone: str | None = None
    """The time zone of the working hours: an IANA name such as Europe/Kyiv."""


class Template(_Table):
    """A ready answer for a common situation."""

    title: str | None = None
    """A short name of the template; unique in the policy."""

    situation: str | None = None
    """When to use it."""

    text: str | None = None
    """The answer itself; {placeholders} in braces are kept as written."""


class EscalationContact(_Table):
    """Whom to pass a kind of problem or complaint to, and how fast."""

    topic: str | None = None
    """The kind of problem, such as "Food safety complaint"."""

    contact: str | None = None
    """Who takes it over and how to reach them."""

    within_minutes: Minutes | None = None
    """How fast to pass it on, in minutes (1-10080)."""


class Negative(_Table):
    """Handling of negative feedback."""

    approach: str | None = None
    """How the brand reacts to criticism and complaints."""

    moderator_autonomy: Autonomy | None = None
    """May the moderator answer on their own: full, routine (routine cases only) or none."""

    removal: str | None = None
    """When to hide, delete or ban."""

    never: list[str] | None = None
    """What never to do."""

    escalation: list[EscalationContact] | None = None
    """Whom to pass problems and complaints to."""


class Communication(_Table):
    """4. Communication principles: goals, style, voice, response times, templates, negative feedback."""  # noqa: E501

    goals: list[Goal] | None = None
    """What communication must lead to: sales, trust and/or informing."""

    goals_note: str | None = None
    """A note on the goals, such as which comes first."""

    style: Style | None = None
    """official, business, direct or conversational."""

    voice: str | None = None
    """The voice in words, with "like this / not like this" examples."""

    address: Address | None = None
    """Form of address: formal or informal."""

    emoji: Emoji | None = None
    """Emoji use: never, sparingly or freely."""

    preferred_words: list[str] | None = None
    """Words to use."""

    avoided_words: list[str] | None = None
    """Words to avoid."""

    response_time: ResponseTime | None = None
    """Response-time targets."""

    templates: list[Template] | None = None
    """Answer templates."""

    negative: Negative | None = None
    """Handling of negative feedback and escalation."""


class Rubric(_Table):
    """A rubric (post genre) the brand uses."""

    name: str | None = None
    """The rubric's name; unique in the policy."""

    goal: Goal | None = None
    """sales, trust or informing."""

    description: str | None = None
    """What the rubric is about."""

    format: str | None = None
    """The post format, such as "Reel or story"."""

    frequency: str | None = None
    """How often it runs."""

    platforms: list[str] | None = None
    """Names of the platforms it runs on (from [[platforms]])."""

    hashtags: list[str] | None = None
    """Hashtags for this rubric."""

    example: str | None = None
    """An example post."""


class Content(_Table):
    """5. Content types: rubrics and hashtags."""

    hashtags: list[str] | None = None
    """The brand's hashtags: # followed by letters of any script, digits or _."""

    rubrics: list[Rubric] | None = None
    """The rubrics (post genres) the brand uses."""


class Revision(_Table):
    """One entry of the amendment log, written by the wizard."""

    date: dt.date | None = None
    """The day of the amendment."""

    by: str | None = None
    """Who made it."""

    sections: list[str] | None = None
    """The sections changed."""

    note: str | None = None
    """What changed and why, in a line."""


class Policy(_Table):
    """A brand presence policy: the standing guideline for a brand in social media."""

    schema_version: int | None = None
    """The file format version: 1."""

    document: Document | None = None
    """The document itself."""

    mission: Mission | None = None
    """1. Mission, objectives and values."""

    platforms: list[Platform] | None = None
    """2. Social media platforms."""

    tools: list[Tool] | None = None
    """3. Tools."""

    communication: Communication | None = None
    """4. Communication principles."""

    content: Content | None = None
    """5. Content types."""

    revisions: list[Revision] | None = None
    """The amendment log, newest last in the file."""
