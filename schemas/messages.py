"""The English template of every problem code (`str.format` placeholders).

The wizard carries a template in its interface language for each code below, so
the set is kept small and each param is named for what it holds.

| level   | code                    | params |
|---------|-------------------------|--------|
| error   | wrong_type              | expected, found, expected_type, found_type, value (below) |
| error   | not_one_of              | choices (comma-separated), value |
| error   | unknown_key             | key |
| error   | unknown_key_hint        | key, suggestion |
| error   | too_long                | max, length |
| error   | too_small               | min, value |
| error   | too_large               | max, value |
| error   | invalid_value           | detail (the validator's own English text; a fallback) |
| error   | schema_version_absent   | expected |
| error   | schema_version_invalid  | expected, value |
| error   | newer_schema_version    | found, known |
| error   | empty_item              | — |
| error   | avg_over_max            | avg, max |
| error   | unknown_platform        | name |
| error   | unknown_platform_hint   | name, suggestion |
| error   | duplicate_name          | name, first (key path of the first use) |
| error   | repeated_item           | value, first (key path of the first use) |
| error   | bad_hashtag             | value |
| error   | hashtag_too_long        | length, max |
| error   | bad_url                 | value |
| error   | bad_timezone            | value |
| error   | word_in_both            | word, other (key path in preferred_words) |
| error   | review_not_later        | review_by, effective_on (ISO dates) |
| error   | unknown_section         | value, choices |
| error   | needs_version_2         | — (a key of format version 2 in a file of version 1) |
| error   | cadence_without_per     | — |
| error   | cadence_without_times   | — |
| error   | cadence_incomplete      | key (days or time) |
| error   | days_without_week       | per |
| error   | days_count              | count, times |
| error   | unknown_person          | name |
| error   | unknown_person_hint     | name, suggestion |
| error   | backup_is_self          | name |
| missing | required                | — |
| missing | required_any            | keys (comma-separated) |
| warning | secret_value            | — |
| warning | no_owner                | — |
| warning | two_factor_off          | — |
| warning | too_many_hashtags       | count, platform, limit |
| warning | unmatched_brace         | brace |
| warning | review_overdue          | review_by (ISO date) |
| warning | control_characters      | chars (the controls found, as escapes: `\\u001b, \\u202e`) |
| warning | too_few_admins          | count, min |
| warning | public_mailbox          | domain |
| warning | access_review_overdue   | last (ISO date), months |
| warning | hashtag_not_camel_case  | value |
| warning | approved_after_effective | approved_on, effective_on (ISO dates) |
| warning | acknowledged_other_version | version, current |
| warning | unknown_tool            | name |

`wrong_type` params: `expected` and `found` are English phrases ("an integer",
`a string "30"`); `expected_type` and `found_type` are TOML type names (string,
integer, float, boolean, date, date-time, time, array, table) for a translated
template; `value` is the value as TOML writes it ("" for arrays and tables).

The CLI prints a *missing* problem as its path alone (`file: missing: mission.statement`);
its message is for the wizard and the JSON output.
"""

from __future__ import annotations

from schemas import problems

ENGLISH: dict[str, str] = {
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
    "newer_schema_version": (
        "the file is format version {found}; this program reads version {known} at most"
    ),
    "empty_item": "empty item; write something or remove it",
    "avg_over_max": "{avg} is more than first_reply_max_minutes ({max})",
    "unknown_platform": '"{name}" is not the name of any [[platforms]] entry',
    "unknown_platform_hint": (
        '"{name}" is not the name of any [[platforms]] entry; did you mean "{suggestion}"?'
    ),
    "duplicate_name": '"{name}" is already used at {first}; names must be unique',
    "repeated_item": '"{value}" is already listed at {first}',
    "bad_hashtag": '"{value}" is not a hashtag: # followed by letters, digits or _',
    "hashtag_too_long": "a hashtag is at most {max} characters; this one has {length}",
    "bad_url": '"{value}" is not an absolute http or https URL',
    "bad_timezone": '"{value}" is not a time zone name such as Europe/Kyiv',
    "word_in_both": '"{word}" is also a preferred word ({other})',
    "review_not_later": "{review_by} is not later than effective_on ({effective_on})",
    "unknown_section": '"{value}" is not a section name; one of: {choices}',
    "needs_version_2": "needs schema_version = 2",
    "cadence_without_per": 'times needs per: "day", "week" or "month"',
    "cadence_without_times": "per needs times: how many posts in each period",
    "cadence_incomplete": "{key} needs times and per: the cadence comes first",
    "days_without_week": 'days go with per = "week" only; here per = "{per}"',
    "days_count": "{count} days for times = {times}: list one day for each post",
    "unknown_person": '"{name}" is not the name of any [[roles.people]] entry',
    "unknown_person_hint": (
        '"{name}" is not the name of any [[roles.people]] entry; did you mean "{suggestion}"?'
    ),
    "backup_is_self": '"{name}" is this person\'s own name; a backup is someone else',
    "required": "not defined yet",
    "required_any": "not defined yet: write at least one of {keys}",
    "secret_value": "looks like a password; write where it is kept instead",
    "no_owner": "an active platform needs an owner: who runs the account",
    "two_factor_off": "two-factor authentication is off; turn it on for the brand's account",
    "too_many_hashtags": "{count} hashtags, but {platform} allows at most {limit}",
    "unmatched_brace": 'unmatched "{brace}" in the text; write placeholders as {{name}}',
    "review_overdue": "{review_by} is in the past: the policy is due for review",
    "control_characters": (
        "holds control characters ({chars}) that a terminal or a reader acts on unseen; remove them"
    ),
    "too_few_admins": (
        "{count} admins, fewer than {min}: one person's absence would lock the brand out"
    ),
    "public_mailbox": (
        "{domain} is a public mailbox: the account leaves with its owner; "
        "register it to the organisation's mail"
    ),
    "access_review_overdue": (
        "the last access review ({last}) is more than {months} months ago: access is due for review"
    ),
    "hashtag_not_camel_case": (
        '"{value}" has no capital; write it in CamelCase so that screen readers read the words'
    ),
    "approved_after_effective": "{approved_on} is after effective_on ({effective_on})",
    "acknowledged_other_version": (
        'accepted version "{version}", not the current "{current}": a new signature is needed'
    ),
    "unknown_tool": '"{name}" is not the name of any [[tools]] entry',
}
"""English message templates by code."""

MESSAGES = problems.MESSAGES
MESSAGES.update(ENGLISH)
