"""The headless commands of `presence`: validate, export, schema and diff.

Nothing here loads Textual or tomlkit: these commands only read policy files (with
tomllib, through `exports.store`), and write documents, never a policy.
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


def _read(file: str) -> PolicySource | Report:
    """The policy at `file`, or the report that says why it cannot be read."""
    try:
        return read_policy(Path(file))
    except PolicyReadError as err:
        return report.unreadable(file, err.line, err.column, err.message)


def _position_in(source: PolicySource) -> Callable[[Problem], Position | None]:
    def position(problem: Problem) -> Position | None:
        return source.position(problem.path, key=problem.code in KEY_CODES)

    return position


def _located(file: str, source: PolicySource, problems: list[Problem]) -> list[Report]:
    return report.locate(file, problems, _position_in(source))


def validate(files: Sequence[str], fmt: str, fail_on: str = report.FAIL_ON_DEFAULT) -> int:
    """Check each file; problem lines (or one JSON array) on stdout, verdicts on stderr.

    Exit 1 when a file has a problem of level `fail_on` or a worse one (`error`: errors
    only, a draft passes; `missing`, the default: errors and missing parts; `warning`:
    any problem), 2 when a file cannot be read."""
    everything: list[Report] = []
    worst = 0
    for file in files:
        source = _read(file)
        if isinstance(source, Report):
            everything.append(source)
            _say(sys.stderr, source.text())
            worst = 2
            continue
        reports = _located(file, source, check_policy(source.data))
        everything.extend(reports)
        if fmt == "text":
            for item in reports:
                _say(sys.stdout, item.text())
        _say(sys.stderr, report.summary(file, reports, fail_on))
        worst = max(worst, report.exit_code(reports, fail_on))
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


def output_in(out: str, name: str) -> tuple[str, str | None]:
    """The file `-o OUT` stands for, and the error line when it cannot be one: OUT itself,
    or OUT/NAME when OUT names a folder; a slash that names no folder is an error."""
    if not names_folder(out):
        return out, None
    if os.path.isdir(out):
        return os.path.join(out, name), None
    hint = "a name ending in / is a folder"
    if os.path.lexists(out.rstrip("/" + os.sep) or out):
        return out, f"{out}: error: cannot write: not a folder ({hint})"
    return out, f"{out}: error: cannot write: no such folder ({hint})"


FAIL_ON_DEFAULT = "error"
"""`export --fail-on`: the lowest level that stops an export (errors always do)."""


def export(
    file: str,
    to: str | None,
    out: str | None,
    include_access: bool,
    fail_on: str = FAIL_ON_DEFAULT,
    force: bool = False,
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
        _say(sys.stderr, "presence export: error: -o needs a file name ('-' for stdout)")
        return 2
    fmt = export_format(to, out)
    source = _read(file)
    if isinstance(source, Report):
        _say(sys.stderr, source.text())
        return 2
    problems = check_policy(source.data)
    reports = _located(file, source, exported_problems(problems, include_access=include_access))
    stopping = LEVELS[: LEVELS.index(fail_on) + 1]  # error, missing, warning: worst first
    refused = [r for r in reports if r.level in stopping]
    if refused:
        for item in refused:
            _say(sys.stderr, item.text())
        why = "" if fail_on == FAIL_ON_DEFAULT else f" (--fail-on {fail_on})"
        _say(sys.stderr, f"{file}: not exported: {report.counts(refused)}{why}")
        return 1
    for item in reports:
        if item.level == "warning":
            _say(sys.stderr, item.text())

    default = service.default_export_path(Path(file), fmt)
    target = str(default)
    if out is not None:
        target, failure = output_in(out, default.name)
        if failure:
            _say(sys.stderr, failure)
            return 2
    path = None if target == STDOUT else Path(target)
    request = ExportRequest(fmt, path, include_access=include_access, replace_read_only=force)
    result = service.export_policy(source.data, problems, request, policy=Path(file))
    if isinstance(result, HasErrors):
        return _not_exported(file, source, list(result.errors))
    if isinstance(result, PathRefused):
        _say(sys.stderr, _refusal(target, result))
        return 2
    if isinstance(result, WriteFailed):
        _say(sys.stderr, _write_failure(target, result.error, force_hint=result.read_only))
        return 2
    if path is None:
        sys.stdout.write(result.document)
        sys.stdout.flush()
    shown = "standard output" if path is None else target
    if result.missing:
        parts = "1 part" if result.missing == 1 else f"{result.missing} parts"
        _say(sys.stderr, f"{file}: exported a draft ({parts} not defined yet) to {shown}")
    else:
        _say(sys.stderr, f"{file}: exported to {shown}")
    return 0


def _not_exported(file: str, source: PolicySource, errors: list[Problem]) -> int:
    """Say which errors stop the export; exit code 1."""
    located = _located(file, source, errors)
    for item in located:
        _say(sys.stderr, item.text())
    _say(sys.stderr, f"{file}: not exported: {report.counts(located)}")
    return 1


_REFUSALS = {"is_folder": "is a directory", "no_folder": "folder does not exist"}


def _refusal(target: str, refused: PathRefused) -> str:
    """The error line of an output path the document cannot be written at."""
    if refused.code == "is_policy":
        return f"{target}: error: refusing to overwrite the policy itself"
    reason = _REFUSALS.get(refused.code, refused.detail)
    return f"{target}: error: cannot write: {reason}"


def _write_failure(target: str, error: PolicyWriteError, *, force_hint: bool) -> str:
    """The error line of a failed write; for a read-only file, how to replace it."""
    hint = " (--force replaces it)" if force_hint else ""
    return f"{target}: error: cannot write: {error.message}{hint}"


def _write(target: str, text: str, *, force: bool) -> str | None:
    """Write `text` to `target` whole or not at all; the error line on failure. A
    read-only file is replaced only with `force`."""
    from exports.atomic import PolicyWriteError, ReadOnlyFileError, atomic_write

    try:
        atomic_write(Path(target), text.encode("utf-8"), replace_read_only=force)
    except PolicyWriteError as err:
        return _write_failure(target, err, force_hint=isinstance(err, ReadOnlyFileError))
    except OSError as err:
        return f"{target}: error: cannot write: {err.strerror or err}"
    return None


def schema(out: str | None, force: bool = False) -> int:
    """Print (or write to `out`, a file or a folder) the JSON Schema of the policy file."""
    from schemas import policy_json_schema

    if out == "":
        _say(sys.stderr, "presence schema: error: -o needs a file name ('-' for stdout)")
        return 2
    text = json.dumps(policy_json_schema(), indent=2, ensure_ascii=False) + "\n"
    if out is None or out == STDOUT:
        sys.stdout.write(text)
        return 0
    target, failure = output_in(out, SCHEMA_NAME)
    if failure:
        _say(sys.stderr, failure)
        return 2
    failure = _write(target, text, force=force)
    if failure:
        _say(sys.stderr, failure)
        return 2
    return 0


def diff(old_file: str, new_file: str, fmt: str, include_access: bool = False) -> int:
    """Print the differences between two policies; 0 identical, 1 different, 2 unreadable.

    `access` values are shown as `(access value hidden)` unless `include_access`.
    """
    from exports.diff import diff_policies, format_markdown, format_text, hide_access

    sources = [_read(old_file), _read(new_file)]
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
        document = format_markdown(changes, old_file, new_file)
        if hidden:
            document += "\n*`access` values are hidden (`--include-access` shows them).*\n"
        sys.stdout.write(document)
    else:
        sys.stdout.write(format_text(changes))
        if not changes:  # for a person reading; stdout stays empty for scripts
            _say(sys.stderr, f"{old_file} and {new_file}: no differences")
        elif hidden:
            note = "access values are hidden (--include-access shows them)"
            _say(sys.stderr, f"{old_file} and {new_file}: {note}")
    return 1 if changes else 0
