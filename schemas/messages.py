"""The problem codes and their params; the messages are in the `problems` catalogue.

Each code has one message per language (`schemas/texts/problems_en.py`, `problems_uk.py`),
the command line's and the wizard's alike, so the set is kept small and each param is
named for what it holds. A Ukrainian message names a TOML type by its word
(`{found_type:@type}`), never by the English phrase.

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
its message is for the wizard and the JSON output. `--format json` gives every problem's
`code` and `params` besides its message.
"""

from __future__ import annotations

from schemas import problems, texts

CODES: tuple[str, ...] = tuple(
    key for key in texts.domain("problems").catalogue("en") if "." not in key
)
"""Every problem code: the keys of the `problems` catalogue that are not words."""

MESSAGES = problems.MESSAGES
MESSAGES.update({code: str(texts.message("problems", code, "en")) for code in CODES})
"""The English message of every code, for reference (`Problem.text` fills one in)."""
