"""The headless commands of `presence`: validate, export, schema and diff.

Nothing here loads Textual or tomlkit: these commands only read policy files (with
tomllib, through `exports.store`), and write documents, never a policy. Each speaks
the interface language `lang` (`--lang`): messages and remarks in it, the level words
and key paths in English (`wizard.cli.texts`).
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from exports.store import PolicyReadError, PolicySource, read_policy
from schemas import LEVELS, Problem, check_policy
from schemas.controls import escape, json_text
from schemas.secrets import exported_problems
from wizard.cli import report
from wizard.cli.report import Position, Report
from wizard.cli.texts import say
from wizard.core import service
from wizard.core.service import ExportFormat, ExportRequest, HasErrors, PathRefused, WriteFailed

if TYPE_CHECKING:
    from exports.atomic import PolicyWriteError

STDOUT = "-"

SCHEMA_NAME = "policy.schema.json"
"""The name `presence schema -o FOLDER/` writes under."""

KEY_CODES: frozenset[str] = frozenset({"unknown_key", "unknown_key_hint"})
"""Problems about a key itself: they point at the key, all others at the value."""


def _say(stream: TextIO, text: str) -> None:
    """Write one line of a message. File names and values in it come from outside:
    their control characters are written as escapes, never raw (`schemas.controls`)."""
    stream.write(escape(text.removesuffix("\n")) + "\n")


def _read(file: str, lang: str) -> PolicySource | Report:
    """The policy at `file`, or the report that says why it cannot be read (in `lang`)."""
    try:
        return read_policy(Path(file))
    except PolicyReadError as err:
        return report.unreadable(file, err.line, err.column, err.reason, lang)


def _error(where: str, message: str) -> str:
    """An error line: `WHERE: error: MESSAGE` (the level word is English in any language)."""
    return f"{where}: error: {message}"


def _position_in(source: PolicySource) -> Callable[[Problem], Position | None]:
    def position(problem: Problem) -> Position | None:
        return source.position(problem.path, key=problem.code in KEY_CODES)

    return position


def _located(file: str, source: PolicySource, problems: list[Problem], lang: str) -> list[Report]:
    return report.locate(file, problems, _position_in(source), lang)


def validate(files: Sequence[str], fmt: str, lang: str = "en") -> int:
    """Check each file; problem lines (or one JSON array) on stdout, verdicts on stderr."""
    everything: list[Report] = []
    worst = 0
    for file in files:
        source = _read(file, lang)
        if isinstance(source, Report):
            everything.append(source)
            _say(sys.stderr, source.text())
            worst = 2
            continue
        reports = _located(file, source, check_policy(source.data), lang)
        everything.extend(reports)
        if fmt == "text":
            for item in reports:
                _say(sys.stdout, item.text())
        _say(sys.stderr, report.summary(file, reports, lang))
        worst = max(worst, report.exit_code(reports))
    if fmt == "json":
        items = [item.as_json() for item in everything]
        # Escaped to ASCII where stdout cannot take UTF-8: JSON with `\u` escapes stays
        # JSON, the stream's `backslashreplace` would not. Controls are escaped always.
        utf8 = (getattr(sys.stdout, "encoding", None) or "").lower().replace("-", "") == "utf8"
        sys.stdout.write(json_text(json.dumps(items, ensure_ascii=not utf8, indent=2)) + "\n")
    return worst


def export_format(to: str | None, out: str | None) -> ExportFormat:
    """The format asked for: `--to`, else the output file's suffix, else Markdown (an
    output folder or standard output has no suffix to go by)."""
    asked: ExportFormat | None = "html" if to == "html" else "md" if to == "md" else None
    named = out is not None and out != STDOUT and not names_folder(out)
    return service.export_format(out if named else None, asked)


def names_folder(out: str) -> bool:
    """Whether `-o OUT` names a folder: a name ending in a slash (or `.`), or an existing
    folder; the document is then written into it under its default name."""
    if out.endswith(("/", os.sep)) or os.path.basename(out) in ("", ".", ".."):
        return True
    return os.path.isdir(out)


def output_in(out: str, name: str, lang: str = "en") -> tuple[str, str | None]:
    """The file `-o OUT` stands for, and the error line when it cannot be one: OUT itself,
    or OUT/NAME when OUT names a folder; a slash that names no folder is an error."""
    if not names_folder(out):
        return out, None
    if os.path.isdir(out):
        return os.path.join(out, name), None
    if os.path.lexists(out.rstrip("/" + os.sep) or out):
        return out, _error(out, say("not_a_folder", lang))
    return out, _error(out, say("no_such_folder", lang))


FAIL_ON_DEFAULT = "error"
"""`export --fail-on`: the lowest level that stops an export (errors always do)."""


def export(
    file: str,
    to: str | None,
    out: str | None,
    include_access: bool,
    fail_on: str = FAIL_ON_DEFAULT,
    force: bool = False,
    lang: str = "en",
) -> int:
    """Write the policy as a Markdown or HTML document; refuse a policy with errors, or
    with any problem at or above `fail_on` (`error`, `missing`, `warning`).

    The rules are `wizard.core.service`'s, as in the wizard: a policy with errors is
    not exported, the policy file itself is never written over, the format chooses
    the renderer. `-o` names a file, a folder (the document goes in under its default
    name) or `-` (standard output). A secret in an `access` value that the document
    leaves out is not the export's problem: it neither prints nor stops anything here
    (`validate` reports it).
    """
    if out == "":
        _say(sys.stderr, _error("presence export", say("needs_name", lang)))
        return 2
    fmt = export_format(to, out)
    source = _read(file, lang)
    if isinstance(source, Report):
        _say(sys.stderr, source.text())
        return 2
    problems = check_policy(source.data)
    exported = exported_problems(problems, include_access=include_access)
    reports = _located(file, source, exported, lang)
    stopping = LEVELS[: LEVELS.index(fail_on) + 1]  # error, missing, warning: worst first
    refused = [r for r in reports if r.level in stopping]
    if refused:
        for item in refused:
            _say(sys.stderr, item.text())
        why = "" if fail_on == FAIL_ON_DEFAULT else f" (--fail-on {fail_on})"
        counted = report.counts(refused, lang)
        _say(sys.stderr, f"{file}: {say('not_exported', lang, counts=counted)}{why}")
        return 1
    for item in reports:
        if item.level == "warning":
            _say(sys.stderr, item.text())

    default = service.default_export_path(Path(file), fmt)
    target = str(default)
    if out is not None:
        target, failure = output_in(out, default.name, lang)
        if failure:
            _say(sys.stderr, failure)
            return 2
    path = None if target == STDOUT else Path(target)
    request = ExportRequest(fmt, path, include_access=include_access, replace_read_only=force)
    result = service.export_policy(source.data, problems, request, policy=Path(file))
    if isinstance(result, HasErrors):
        return _not_exported(file, source, list(result.errors), lang)
    if isinstance(result, PathRefused):
        _say(sys.stderr, _refusal(target, result, lang))
        return 2
    if isinstance(result, WriteFailed):
        failed = _write_failure(target, result.error, force_hint=result.read_only, lang=lang)
        _say(sys.stderr, failed)
        return 2
    if path is None:
        sys.stdout.write(result.document)
        sys.stdout.flush()
    shown = say("standard_output", lang) if path is None else target
    if result.missing:
        _say(sys.stderr, f"{file}: {say('exported_draft', lang, n=result.missing, target=shown)}")
    else:
        _say(sys.stderr, f"{file}: {say('exported', lang, target=shown)}")
    return 0


def _not_exported(file: str, source: PolicySource, errors: list[Problem], lang: str) -> int:
    """Say which errors stop the export; exit code 1."""
    located = _located(file, source, errors, lang)
    for item in located:
        _say(sys.stderr, item.text())
    _say(sys.stderr, f"{file}: {say('not_exported', lang, counts=report.counts(located, lang))}")
    return 1


_REFUSALS = {"is_folder": "os.EISDIR", "no_folder": "os.ENOENT"}
"""A path refused by code, and the system's reason that says why."""


def _refusal(target: str, refused: PathRefused, lang: str) -> str:
    """The error line of an output path the document cannot be written at."""
    from exports.texts import FILES
    from schemas.texts import Phrase

    if refused.code == "is_policy":
        return _error(target, say("is_policy", lang))
    key = _REFUSALS.get(refused.code)
    reason = Phrase(FILES, key).text(lang) if key else refused.text(lang)
    return _error(target, say("cannot_write", lang, reason=reason))


def _write_failure(
    target: str, error: PolicyWriteError, *, force_hint: bool, lang: str = "en"
) -> str:
    """The error line of a failed write; for a read-only file, how to replace it."""
    hint = " " + say("force_hint", lang) if force_hint else ""
    return _error(target, say("cannot_write", lang, reason=error.text(lang)) + hint)


def _write(target: str, text: str, *, force: bool, lang: str = "en") -> str | None:
    """Write `text` to `target` whole or not at all; the error line on failure. A
    read-only file is replaced only with `force`."""
    from exports.atomic import PolicyWriteError, ReadOnlyFileError, atomic_write, write_reason

    try:
        atomic_write(Path(target), text.encode("utf-8"), replace_read_only=force)
    except PolicyWriteError as err:
        read_only = isinstance(err, ReadOnlyFileError)
        return _write_failure(target, err, force_hint=read_only, lang=lang)
    except OSError as err:
        reason = write_reason(err).text(lang)
        return _error(target, say("cannot_write", lang, reason=reason))
    return None


def schema(out: str | None, force: bool = False, lang: str = "en") -> int:
    """Print (or write to `out`, a file or a folder) the JSON Schema of the policy file.
    The schema's descriptions are English whatever `lang` (it is read by editors)."""
    from schemas import policy_json_schema

    if out == "":
        _say(sys.stderr, _error("presence schema", say("needs_name", lang)))
        return 2
    text = json.dumps(policy_json_schema(), indent=2, ensure_ascii=False) + "\n"
    if out is None or out == STDOUT:
        sys.stdout.write(text)
        return 0
    target, failure = output_in(out, SCHEMA_NAME, lang)
    if failure:
        _say(sys.stderr, failure)
        return 2
    failure = _write(target, text, force=force, lang=lang)
    if failure:
        _say(sys.stderr, failure)
        return 2
    return 0


def diff(
    old_file: str, new_file: str, fmt: str, include_access: bool = False, lang: str = "en"
) -> int:
    """Print the differences between two policies; 0 identical, 1 different, 2 unreadable.

    `access` values are shown as `(access value hidden)` unless `include_access`; the
    words around the values are in `lang`, the key paths and values as in the files.
    """
    from exports.diff import diff_policies, format_markdown, format_text, hide_access

    sources = [_read(old_file, lang), _read(new_file, lang)]
    unreadable = [s for s in sources if isinstance(s, Report)]
    for item in unreadable:
        _say(sys.stderr, item.text())
    old, new = sources
    if isinstance(old, Report) or isinstance(new, Report):
        return 2
    changes = diff_policies(old.data, new.data)
    hidden = 0
    if not include_access:
        changes, hidden = hide_access(changes)
    if fmt == "md":
        document = format_markdown(changes, old_file, new_file, lang)
        if hidden:
            document += "\n" + say("access_hidden_md", lang) + "\n"
        sys.stdout.write(document)
    else:
        sys.stdout.write(format_text(changes, lang))
        files = {"old": old_file, "new": new_file}
        if not changes:  # for a person reading; stdout stays empty for scripts
            _say(sys.stderr, say("no_differences", lang, **files))
        elif hidden:
            _say(sys.stderr, say("access_hidden", lang, **files))
    return 1 if changes else 0
