"""The command line's words in English (`wizard.cli.texts`)."""

from __future__ import annotations

from schemas.texts import Message, Plural

MESSAGES: dict[str, Message] = {
    # -- verdicts (validate, export) ------------------------------------------------------
    "count.error": Plural(one="{n} error", other="{n} errors"),
    "count.missing": "{n} missing",
    "count.warning": Plural(one="{n} warning", other="{n} warnings"),
    "valid": "valid",
    "valid_with": "valid, {counts}",
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
    # -- diff -----------------------------------------------------------------------------
    "no_differences": "{old} and {new}: no differences",
    "access_hidden": "{old} and {new}: access values are hidden (--include-access shows them)",
    "access_hidden_md": "*`access` values are hidden (`--include-access` shows them).*",
    # -- the program ----------------------------------------------------------------------
    "interrupted": "interrupted",
    "no_wizard": "the wizard is not available in this installation",
    "cannot_write_output": "cannot write the output: {reason}",
    "internal_error": "internal error: {detail}",
    "debug_hint": "(set PRESENCE_DEBUG=1 to see where)",
}
"""Verdicts, export, schema and diff remarks, the program's own errors."""
