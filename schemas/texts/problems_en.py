"""The problems found in a policy, in English: one message per code (`schemas/messages.py`
lists the codes and their params), as the command line prints them after the key path
(lower case, no full stop); the wizard shows each as a sentence."""

# ruff: noqa: E501  (messages read better unbroken)

from __future__ import annotations

from schemas.texts import Message, Plural

MESSAGES: dict[str, Message] = {
    "wrong_type": "expected {expected}, got {found}",
    "not_one_of": "must be one of: {choices}; got {value}",
    "unknown_key": "unknown key `{key}`",
    "unknown_key_hint": "unknown key `{key}`; did you mean `{suggestion}`?",
    "too_long": "at most {max} characters; got {length}",
    "too_small": "must be at least {min}; got {value}",
    "too_large": "must be at most {max}; got {value}",
    "invalid_value": "{detail}",
    "schema_version_absent": "the file has no schema_version; write schema_version = {expected}",
    "schema_version_invalid": "must be {expected}; got {value}",
    "newer_schema_version": "the file is format version {found}; this program reads version {known} at most",
    "empty_item": "empty item; write something or remove it",
    "avg_over_max": "{avg} is more than first_reply_max_minutes ({max})",
    "unknown_platform": '"{name}" is not the name of any [[platforms]] entry',
    "unknown_platform_hint": '"{name}" is not the name of any [[platforms]] entry; did you mean "{suggestion}"?',
    "duplicate_name": '"{name}" is already used at {first}; names must be unique',
    "repeated_item": '"{value}" is already listed at {first}',
    "bad_hashtag": '"{value}" is not a hashtag: # followed by letters, digits or _',
    "hashtag_too_long": "a hashtag is at most {max} characters; this one has {length}",
    "bad_url": '"{value}" is not an absolute http or https URL',
    "bad_timezone": '"{value}" is not a time zone name such as Europe/Kyiv',
    "word_in_both": '"{word}" is also a preferred word ({other})',
    "review_not_later": "{review_by} is not later than effective_on ({effective_on})",
    "unknown_section": '"{value}" is not a section name; one of: {choices}',
    "required": "not defined yet",
    "secret_value": "looks like a password; write where it is kept instead",
    "no_owner": "an active platform needs an owner: who runs the account",
    "two_factor_off": "two-factor authentication is off; turn it on for the brand's account",
    "too_many_hashtags": Plural(
        one="{count} hashtag, but {platform} allows at most {limit}",
        other="{count} hashtags, but {platform} allows at most {limit}",
        by="count",
    ),
    "unmatched_brace": 'unmatched "{brace}" in the text; write placeholders as {{name}}',
    "review_overdue": "{review_by} is in the past: the policy is due for review",
    "control_characters": "holds control characters ({chars}) that a terminal or a reader acts on unseen; remove them",
    "needs_version_2": "needs schema_version = 2",
    "cadence_without_per": 'times needs per: "day", "week" or "month"',
    "cadence_without_times": "per needs times: how many posts in each period",
    "cadence_incomplete": "{key} needs times and per: the cadence comes first",
    "days_without_week": 'days go with per = "week" only; here per = "{per}"',
    "days_count": Plural(
        one="{count} day for times = {times}: list one day for each post",
        other="{count} days for times = {times}: list one day for each post",
        by="count",
    ),
    "unknown_person": '"{name}" is not the name of any [[roles.people]] entry',
    "unknown_person_hint": '"{name}" is not the name of any [[roles.people]] entry; did you mean "{suggestion}"?',
    "backup_is_self": '"{name}" is this person\'s own name; a backup is someone else',
    "required_any": "not defined yet: write at least one of {keys}",
    "too_few_admins": Plural(
        one="{count} admin, fewer than {min}: one person's absence would lock the brand out",
        other="{count} admins, fewer than {min}: one person's absence would lock the brand out",
        by="count",
    ),
    "public_mailbox": "{domain} is a public mailbox: the account leaves with its owner; register it to the organisation's mail",
    "access_review_overdue": Plural(
        one="the last access review ({last}) is more than {months} month ago: access is due for review",
        other="the last access review ({last}) is more than {months} months ago: access is due for review",
        by="months",
    ),
    "hashtag_not_camel_case": '"{value}" has no capital; write it in CamelCase so that screen readers read the words',
    "approved_after_effective": "{approved_on} is after effective_on ({effective_on})",
    "acknowledged_other_version": 'accepted version "{version}", not the current "{current}": a new signature is needed',
    "unknown_tool": '"{name}" is not the name of any [[tools]] entry',
    # -- TOML types, for `{…:@type}` and `{…:@expected}` --------------------------------
    "type.string": "a string",
    "type.integer": "an integer",
    "type.float": "a float",
    "type.boolean": "a boolean",
    "type.date": "a date",
    "type.date-time": "a date-time",
    "type.time": "a time",
    "type.array": "an array",
    "type.table": "a table",
    "expected.string": "a string",
    "expected.integer": "an integer",
    "expected.boolean": "a boolean (true or false)",
    "expected.date": "a date such as 2026-12-01 (without quotes)",
    "expected.array": "an array",
    "expected.table": "a table",
}
"""Message templates by problem code, and the words of the TOML types."""

MORE_PARAMS: dict[str, frozenset[str]] = {
    "wrong_type": frozenset({"expected_type", "found_type", "value"}),
}
"""Params a problem always carries beyond those its English message uses (a
translation may name the TOML types by their words instead of the English phrases)."""
