"""The pydantic models of a brand presence policy file (format versions 1 and 2).

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

SCHEMA_VERSION = 2
"""The newest format version this program reads and writes."""

SCHEMA_VERSIONS: tuple[int, ...] = (1, 2)
"""Every format version this program reads (a file keeps its own; see `schemas.versions`)."""

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
Period = Literal["day", "week", "month"]
Weekday = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]

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
PERIODS: tuple[Period, ...] = ("day", "week", "month")
WEEKDAYS: tuple[Weekday, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def file_keys(model: type[BaseModel]) -> dict[str, str]:
    """Each key of a model's table as the file writes it, with the attribute that holds
    it: the same name, but for a key that is a Python keyword (`is`, an alias of `is_`)."""
    return {info.alias or name: name for name, info in model.model_fields.items()}


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

    scope: str | None = None
    """Whom the policy binds: staff, agencies, freelancers (format version 2)."""

    approved_by: str | None = None
    """Who stands behind the policy: the director's name (and role, without approver_title)."""

    approver_title: str | None = None
    """The approver's position, such as "Director"; approved_by then holds the name alone (format version 2)."""  # noqa: E501

    approved_on: dt.date | None = None
    """The date the policy was signed; not after effective_on (format version 2)."""

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

    admins: list[str] | None = None
    """People or roles with admin rights on the account; at least two, so that one person's absence does not lock the brand out (format version 2)."""  # noqa: E501

    access: str | None = None
    """Where the login lives (password-manager entry, the person who grants access); never the password itself."""  # noqa: E501

    account_email: str | None = None
    """The mailbox the account is registered to: the organisation's, not a person's (format version 2)."""  # noqa: E501

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


class Trait(_Table):
    """The voice as a pair: what the brand is, and what it is not (format version 2)."""

    is_: str | None = Field(default=None, alias="is")
    """What the brand's voice is, such as "warm"."""

    is_not: str | None = None
    """What it is not, though close to it, such as "familiar"."""

    example: str | None = None
    """A line written in this voice."""


class Tone(_Table):
    """The tone for one kind of situation; the voice stays the same (format version 2)."""

    situation: str | None = None
    """The situation, such as "A complaint"; unique in the policy."""

    tone: str | None = None
    """The tone to take in it, such as "calm and factual"."""

    example: str | None = None
    """A line written in this tone."""


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

    traits: list[Trait] | None = None
    """The voice as "we are / we are not" pairs (format version 2)."""

    tones: list[Tone] | None = None
    """The tone by situation (format version 2)."""

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

    times: Annotated[int, Field(ge=1, le=31)] | None = None
    """The cadence: how many posts (1-31) each `per`; together with per (format version 2)."""

    per: Period | None = None
    """The cadence's period: day, week or month; together with times (format version 2)."""

    days: list[Weekday] | None = None
    """The weekdays of the posts (mon ... sun), as many as times; only with per = "week" (format version 2)."""  # noqa: E501

    time: dt.time | None = None
    """The hour of the post, a TOML local time such as 10:00:00; needs times and per (format version 2)."""  # noqa: E501

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


class Security(_Table):
    """Account security and access, an optional section: who holds the keys and how they are kept (format version 2)."""  # noqa: E501

    password_manager: str | None = None
    """Where logins live: a tool or vault, such as "1Password, vault Social"; never a secret."""

    two_factor_required: bool | None = None
    """Whether two-factor authentication is required on every account."""

    min_admins: Annotated[int, Field(ge=1, le=10)] | None = None
    """How many admins each active account needs at least (1-10, default 2)."""

    access_review_every_months: Annotated[int, Field(ge=1, le=24)] | None = None
    """How often who has access is reviewed, in months (1-24)."""

    last_access_review: dt.date | None = None
    """The day access was last reviewed."""

    offboarding: list[str] | None = None
    """Steps when a person or a contractor leaves: remove admin rights, change shared passwords, ..."""  # noqa: E501

    hacked_account: list[str] | None = None
    """Steps when an account is taken over."""

    recovery_contact: str | None = None
    """Who leads the recovery of a lost or hacked account."""


class Person(_Table):
    """A person (or role) in the brand's social media work (format version 2)."""

    name: str | None = None
    """The person's name or the role's; unique in the policy, ignoring case."""

    role: str | None = None
    """What they do, such as "SMM manager"."""

    responsibilities: str | None = None
    """What they are responsible for."""

    contact: str | None = None
    """How to reach them."""

    backup: str | None = None
    """Who stands in for them: the name of another [[roles.people]] entry."""


class Approval(_Table):
    """What needs approval before it is posted, and who approves it (format version 2)."""

    content: str | None = None
    """What needs approval, such as paid posts, partnerships or statements."""

    approver: str | None = None
    """Who approves it: the name of a [[roles.people]] entry."""

    within_hours: Annotated[int, Field(ge=1, le=720)] | None = None
    """How fast the answer comes, in hours (1-720)."""

    note: str | None = None
    """A note on the approval."""


class Roles(_Table):
    """Roles and approvals, an optional section: who drafts, who approves what, who stands in (format version 2)."""  # noqa: E501

    people: list[Person] | None = None
    """The people and roles, each with a backup."""

    approvals: list[Approval] | None = None
    """What needs approval and who gives it."""

    without_approval: list[str] | None = None
    """What may be posted without approval, so that routine work is not blocked."""


class CrisisLevel(_Table):
    """A severity level of a crisis (format version 2)."""

    name: str | None = None
    """The level's name, such as "High"; unique in the policy."""

    examples: str | None = None
    """What counts as this level."""

    decides: str | None = None
    """Who declares this level."""

    respond_within_minutes: Minutes | None = None
    """How fast the brand responds, in minutes (1-10080)."""

    actions: list[str] | None = None
    """What to do at this level."""


class Statement(_Table):
    """A holding statement written calmly before a crisis (format version 2)."""

    title: str | None = None
    """A short name of the statement; unique in the policy."""

    text: str | None = None
    """The statement itself; {placeholders} in braces are kept as written."""


class CrisisContact(_Table):
    """Whom to reach in a crisis, and when (format version 2)."""

    name: str | None = None
    """The person or service."""

    contact: str | None = None
    """How to reach them."""

    backup: str | None = None
    """Who to reach when they cannot be reached (free text)."""

    hours: str | None = None
    """When they can be reached."""


class Crisis(_Table):
    """Crisis and incidents, an optional section: levels, first steps, holding statements, contacts (format version 2)."""  # noqa: E501

    levels: list[CrisisLevel] | None = None
    """The severity levels, with examples and who declares each."""

    first_steps: list[str] | None = None
    """What to do first, such as pausing scheduled posts and informing the director."""

    statements: list[Statement] | None = None
    """Holding statements written in advance."""

    contacts: list[CrisisContact] | None = None
    """Whom to reach in a crisis, after hours too."""


class Legal(_Table):
    """Legal rules and disclosure, an optional section: at least one key when included (format version 2)."""  # noqa: E501

    ad_label: str | None = None
    """How paid and partner posts are labelled, such as "#ad"."""

    user_content: str | None = None
    """Reposting customers' photos and posts: permission and credit."""

    copyright: str | None = None
    """Images, music and fonts: licensed only."""

    personal_data: str | None = None
    """Customers' personal data never in public."""

    ai_content: str | None = None
    """Checking and labelling generated text and images."""

    employee_accounts: str | None = None
    """Rules for the staff's personal accounts."""

    consequences: str | None = None
    """What follows a breach of the policy."""


class Accessibility(_Table):
    """Accessibility, an optional section: at least one key when included (format version 2)."""

    alt_text: bool | None = None
    """Whether every image gets a description (alt text)."""

    captions: bool | None = None
    """Whether every video has subtitles."""

    camel_case_hashtags: bool | None = None
    """Whether multi-word hashtags are written in CamelCase, so that screen readers read the words."""  # noqa: E501

    max_emoji: Annotated[int, Field(ge=0, le=20)] | None = None
    """The most emoji in one post (0-20)."""

    notes: str | None = None
    """Other accessibility rules."""


class Metric(_Table):
    """A figure the brand measures (format version 2)."""

    name: str | None = None
    """The figure, such as "Orders from Instagram"; unique in the policy."""

    goal: Goal | None = None
    """The goal it measures: sales, trust or informing."""

    target: str | None = None
    """The value aimed at."""

    source: str | None = None
    """Where the figure comes from: the name of a [[tools]] entry."""

    every: str | None = None
    """How often it is measured."""


class Results(_Table):
    """Measuring results, an optional section: the figures, and to whom they are reported (format version 2)."""  # noqa: E501

    metrics: list[Metric] | None = None
    """The figures measured, one or two per goal."""

    report_to: str | None = None
    """To whom the figures are reported."""

    report_every: str | None = None
    """How often they are reported."""


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


class Acknowledgement(_Table):
    """Someone who has read and accepted a version of the policy (format version 2)."""

    name: str | None = None
    """Who has read and accepted the policy."""

    organisation: str | None = None
    """Their organisation, such as an agency."""

    date: dt.date | None = None
    """The day they accepted it."""

    version: str | None = None
    """The document.version they accepted."""


class Policy(_Table):
    """A brand presence policy: the standing guideline for a brand in social media."""

    schema_version: int | None = None
    """The file format version: 1, or 2 when the file holds a key of version 2."""

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

    security: Security | None = None
    """Account security and access (optional section, format version 2)."""

    roles: Roles | None = None
    """Roles and approvals (optional section, format version 2)."""

    crisis: Crisis | None = None
    """Crisis and incidents (optional section, format version 2)."""

    legal: Legal | None = None
    """Legal rules and disclosure (optional section, format version 2)."""

    accessibility: Accessibility | None = None
    """Accessibility (optional section, format version 2)."""

    results: Results | None = None
    """Measuring results (optional section, format version 2)."""

    revisions: list[Revision] | None = None
    """The amendment log, newest last in the file."""

    acknowledgements: list[Acknowledgement] | None = None
    """Who has read and accepted which version (format version 2)."""
