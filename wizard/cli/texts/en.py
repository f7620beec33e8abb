"""The command line's words in English (`wizard.cli.texts`)."""

# ruff: noqa: E501  (messages read better unbroken)

from __future__ import annotations

from schemas.texts import Message, Plural

MESSAGES: dict[str, Message] = {
    # -- verdicts (validate, export) ------------------------------------------------------
    "count.error": Plural(one="{n} error", other="{n} errors"),
    "count.missing": "{n} missing",
    "count.warning": Plural(one="{n} warning", other="{n} warnings"),
    "valid": "valid",
    "valid_with": "valid, {counts}",
    "draft_with": "a draft, {counts}",
    # -- export ---------------------------------------------------------------------------
    "not_exported": "not exported: {counts}",
    "exported": "exported to {target}",
    "exported_draft": Plural(
        one="exported a draft ({n} part not defined yet) to {target}",
        other="exported a draft ({n} parts not defined yet) to {target}",
    ),
    "standard_output": "standard output",
    "needs_name": "-o needs a file name ('-' for stdout)",
    "cannot_write": "cannot write: {reason}",
    "not_a_folder": "cannot write: not a folder (a name ending in / is a folder)",
    "no_such_folder": "cannot write: no such folder (a name ending in / is a folder)",
    "is_policy": "refusing to overwrite the policy itself",
    "force_hint": "(--force replaces it)",
    "sheet_too_long": Plural(
        one="the moderator's sheet does not fit one A4 page ({pages} page): shorter answer templates or lists make it fit",
        other="the moderator's sheet does not fit one A4 page ({pages} pages): shorter answer templates or lists make it fit",
        by="pages",
    ),
    # -- diff -----------------------------------------------------------------------------
    "no_differences": "{old} and {new}: no differences",
    "access_hidden": "{old} and {new}: access values are hidden (--include-access shows them)",
    "access_hidden_md": "*`access` values are hidden (`--include-access` shows them).*",
    # -- plan -----------------------------------------------------------------------------
    "plan.bad_month": "--month: not a month (YYYY-MM): {value}",
    "plan.bad_weeks": "--weeks: between 1 and {max}, not {value}",
    "plan.month_and_from": "--month names a whole month: it does not go with --from",
    "plan.excel_csv": "--excel goes with CSV (--to csv, or -o FILE.csv)",
    "plan.no_plan": "no plan: {counts}",
    "plan.reason.no_cadence": "no cadence",
    "plan.reason.bad_cadence": "its cadence is not valid",
    "plan.reason.no_platforms": "no platforms",
    "plan.reason.not_active": "no active platform",
    "plan.not_scheduled": "not scheduled: {rubric} ({reason})",
    "plan.slots": Plural(one="{n} slot", other="{n} slots"),
    "plan.zone_local": "{zone}, the local time zone",
    "plan.planned": "planned {slots}, {period} ({zone}), to {target}",
    "plan.planned_draft": Plural(
        one="planned a draft ({n} part not defined yet): {slots}, {period} ({zone}), to {target}",
        other="planned a draft ({n} parts not defined yet): {slots}, {period} ({zone}), to {target}",
    ),
    # -- merge, diff --textconv -----------------------------------------------------------
    "merge.side.base": "the common version (BASE)",
    "merge.side.ours": "our version (OURS)",
    "merge.side.theirs": "their version (THEIRS)",
    "merge.unreadable": "{side} cannot be read: {reason}",
    "merge.removed": "(removed)",
    "merge.none": "(none)",
    "merge.in_order": "order {value}",
    "merge.the_file": "(the file)",
    "merge.key_order": "{key} (order)",
    "merge.sides": "ours {ours} / theirs {theirs}",
    "merge.conflicts": Plural(
        one="{n} conflict; fix the lines between <<<<<<< ours and >>>>>>> theirs",
        other="{n} conflicts; fix the lines between <<<<<<< ours and >>>>>>> theirs",
    ),
    "merge.new_errors": Plural(
        one="merged, but the result has {n} error neither version had",
        other="merged, but the result has {n} errors neither version had",
    ),
    "merge.merged": "merged",
    "textconv.as_text": "{reason}; shown as text",
    "textconv.one_file": "--textconv takes one FILE, not OLD NEW",
    "diff.old_new": "OLD and NEW are required",
    # -- the program ----------------------------------------------------------------------
    "interrupted": "interrupted",
    "no_wizard": "the wizard is not available in this installation",
    "cannot_write_output": "cannot write the output: {reason}",
    "internal_error": "internal error: {detail}",
    "debug_hint": "(set PRESENCE_DEBUG=1 to see where)",
}
"""Verdicts, export, schema and diff remarks, the program's own errors."""
