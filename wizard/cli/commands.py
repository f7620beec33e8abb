"""The headless commands of `presence`: validate, export, schema, diff and merge.

Nothing here loads Textual or tomlkit: these commands read policy files (with tomllib,
through `exports.store`) and write documents; `merge` writes the merged policy. Each
speaks the interface language `lang` (`--lang`): messages and remarks in it, the level
words and key paths in English (`wizard.cli.texts`).
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from exports.store import BOM, PolicyReadError, PolicySource, read_policy
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
    from exports.merge import Located
    from schemas.keypath import KeyPath

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


def validate(
    files: Sequence[str], fmt: str, lang: str = "en", fail_on: str = report.FAIL_ON_DEFAULT
) -> int:
    """Check each file; problem lines (or one JSON array) on stdout, verdicts on stderr.

    Exit 1 when a file has a problem of level `fail_on` or a worse one (`error`: errors
    only, a draft passes; `missing`, the default: errors and missing parts; `warning`:
    any problem), 2 when a file cannot be read."""
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
        _say(sys.stderr, report.summary(file, reports, lang, fail_on))
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
    asked: ExportFormat | None = next((f for f in service.FORMATS if f == to), None)
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
    paper: str | None = None,
    sheet: str | None = None,
    lang: str = "en",
) -> int:
    """Write the policy (or, `sheet`, the moderator's sheet) as a Markdown, HTML, PDF or
    DOCX document on `paper`; refuse a policy with errors, or with any problem at or
    above `fail_on` (`error`, `missing`, `warning`).

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

    chosen_sheet = next((s for s in service.SHEETS if s == sheet), None)
    chosen_paper = next((p for p in service.PAPERS if p == paper), None)
    default = service.default_export_path(Path(file), fmt, chosen_sheet)
    target = str(default)
    if out is not None:
        target, failure = output_in(out, default.name, lang)
        if failure:
            _say(sys.stderr, failure)
            return 2
    path = None if target == STDOUT else Path(target)
    request = ExportRequest(
        fmt,
        path,
        include_access=include_access,
        replace_read_only=force,
        paper=chosen_paper,
        sheet=chosen_sheet,
    )
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
        _write_stdout(result.document)
    if result.pages is not None and result.pages > 1:
        _say(sys.stderr, f"{file}: warning: {say('sheet_too_long', lang, pages=result.pages)}")
    shown = say("standard_output", lang) if path is None else target
    if result.missing:
        _say(sys.stderr, f"{file}: {say('exported_draft', lang, n=result.missing, target=shown)}")
    else:
        _say(sys.stderr, f"{file}: {say('exported', lang, target=shown)}")
    return 0


def _write_stdout(content: bytes) -> None:
    """A document on standard output: its bytes (a PDF, a DOCX, UTF-8 text); a text
    stream without bytes underneath (a test's) gets the text."""
    sys.stdout.flush()
    raw = getattr(sys.stdout, "buffer", None)
    if raw is None:
        sys.stdout.write(content.decode("utf-8"))
        return
    raw.write(content)
    raw.flush()


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


def _merge_label(path: str | None, file: str) -> str:
    """How merge messages name the file: PATH (git's %P) when given, else the file."""
    return path if path else file


def _read_side(
    side: str, file: str, label: str, lang: str, *, base: bool = False
) -> PolicySource | str | None:
    """One version of a merge: its source, None for an empty BASE (no common ancestor),
    or the error line that says why it cannot be read (named by `label`)."""
    if base:
        try:
            with open(file, "rb") as stream:
                empty = not stream.read(1024).strip()
        except OSError:
            empty = False
        if empty and (os.path.isfile(file) or file == os.devnull):
            return None
    try:
        return read_policy(Path(file))
    except PolicyReadError as err:
        where = label if err.line is None else f"{label}:{err.line}:{err.column or 1}"
        side_words = say(f"merge.side.{side}", lang)
        return _error(where, say("merge.unreadable", lang, side=side_words, reason=err.text(lang)))


def _shown(value: object, path: KeyPath, *, order: bool, include_access: bool, lang: str) -> str:
    """A value in a conflict line: one line, at most 60 characters, an `access` value
    hidden as `presence diff` hides it; for a conflict of order, the names in order."""
    from exports.diff import HIDDEN, render_value
    from exports.merge import ABSENT, NO_BASE

    if value is ABSENT:
        return say("merge.removed", lang)
    if value is NO_BASE:
        return say("merge.none", lang)
    if not include_access and ("access" in path or _holds_access(value)):
        return render_value(HIDDEN, lang)
    text = render_value(value)
    if order:
        text = say("merge.in_order", lang, value=text)
    return text if len(text) <= 60 else text[:59] + "…"


def _holds_access(value: object) -> bool:
    if isinstance(value, dict):
        return any(key == "access" or _holds_access(item) for key, item in value.items())
    if isinstance(value, list):
        return any(_holds_access(item) for item in value)
    return False


def _error_keys(problems: Sequence[Problem]) -> set[tuple[str, str, str]]:
    """Errors named without list indexes (an entry's place differs between versions)."""
    import re

    return {
        (re.sub(r"\[\d+\]", "[]", p.path), p.code, repr(sorted(p.params.items())))
        for p in problems
        if p.level == "error"
    }


def merge(
    base_file: str,
    ours_file: str,
    theirs_file: str,
    path: str | None,
    out: str | None,
    include_access: bool = False,
    lang: str = "en",
) -> int:
    """Merge THEIRS into OURS with BASE as their common version, as a git merge driver:
    the result is written into OURS (or OUT); 0 merged, 1 conflicts (the file then holds
    conflict markers) or a merge whose result has errors neither version had, 2 a
    version that cannot be read or a result that cannot be written."""
    from exports.merge import Version
    from exports.merge import merge as merge_versions

    label = _merge_label(path, ours_file)
    sources = {
        "base": _read_side("base", base_file, label, lang, base=True),
        "ours": _read_side("ours", ours_file, label, lang),
        "theirs": _read_side("theirs", theirs_file, label, lang),
    }
    failures = [value for value in sources.values() if isinstance(value, str)]
    for line in failures:
        _say(sys.stderr, line)
    if failures:
        return 2
    base, ours, theirs = (sources[side] for side in ("base", "ours", "theirs"))
    assert isinstance(ours, PolicySource) and isinstance(theirs, PolicySource)
    assert base is None or isinstance(base, PolicySource)

    def version(source: PolicySource) -> Version:
        return Version(source.data, source.text, source.newline)

    result = merge_versions(None if base is None else version(base), version(ours), version(theirs))
    target = out if out is not None else ours_file
    raw = (BOM if theirs.bom else b"") + result.text.encode("utf-8")
    if target == STDOUT:
        # A terminal gets no raw control character (TOML allows C1 and bidi ones raw).
        sys.stdout.write(escape_lines(result.text) if sys.stdout.isatty() else result.text)
        sys.stdout.flush()
    else:
        failure = _write_bytes(target, raw, lang)
        if failure:
            _say(sys.stderr, failure)
            return 2
    if result.conflicts:
        for located in result.located:
            _say(sys.stderr, _conflict_line(label, located, include_access, lang))
        _say(sys.stderr, f"{label}: {say('merge.conflicts', lang, n=len(result.conflicts))}")
        return 1
    known = _error_keys(check_policy(ours.data)) | _error_keys(check_policy(theirs.data))
    problems = [p for p in check_policy(result.data) if p.level == "error"]
    new = [p for p in problems if not _error_keys([p]) <= known]
    if new:
        from exports.store import parse_policy

        merged = parse_policy(Path(label), result.text.encode("utf-8"))
        for item in _located(label, merged, new, lang):
            _say(sys.stderr, item.text())
        _say(sys.stderr, f"{label}: {say('merge.new_errors', lang, n=len(new))}")
        return 1
    _say(sys.stderr, f"{label}: {say('merge.merged', lang)}")
    return 0


def _conflict_line(label: str, located: Located, include_access: bool, lang: str) -> str:
    """`FILE:LINE:COL: conflict: KEY.PATH (entry): ours … / theirs …`."""
    from schemas.keypath import format_path

    conflict = located.conflict
    order = conflict.kind == "order"
    key = format_path(conflict.path) or say("merge.the_file", lang)
    if order:
        key = say("merge.key_order", lang, key=key)
    elif conflict.label:
        key += f" ({conflict.label})"
    ours, theirs = (
        _shown(value, conflict.path, order=order, include_access=include_access, lang=lang)
        for value in (conflict.ours, conflict.theirs)
    )
    where = f"{label}:{located.line}:{located.column}"
    return f"{where}: conflict: {key}: {say('merge.sides', lang, ours=ours, theirs=theirs)}"


def _write_bytes(target: str, raw: bytes, lang: str) -> str | None:
    """Write `raw` to `target` whole or not at all; the error line on failure."""
    from exports.atomic import PolicyWriteError, atomic_write, write_reason

    try:
        atomic_write(Path(target), raw)
    except PolicyWriteError as err:
        return _write_failure(target, err, force_hint=False, lang=lang)
    except OSError as err:
        return _error(target, say("cannot_write", lang, reason=write_reason(err).text(lang)))
    return None


def textconv(file: str, include_access: bool = False, lang: str = "en") -> int:
    """Print a policy as data, for git's `textconv`: its keys in the format's order, one
    `key = value` line each, without comments or layout (`access` values hidden unless
    asked for). A file that cannot be read as a policy (conflict markers, a syntax
    error) is printed as it is, control characters escaped, and said so on stderr."""
    from exports import tomlrender

    try:
        source = read_policy(Path(file))
    except PolicyReadError as err:
        where = file if err.line is None else f"{file}:{err.line}:{err.column or 1}"
        _say(sys.stderr, _error(where, say("textconv.as_text", lang, reason=err.text(lang))))
        try:
            raw = Path(file).read_bytes()
        except OSError:
            return 2
        sys.stdout.write(escape_lines(raw.decode("utf-8", errors="replace")))
        return 0
    data = source.data if include_access else _without_access(source.data, lang)
    lines = tomlrender.render_new_policy(data).splitlines(keepends=True)
    while lines and (lines[0].startswith("#") or not lines[0].strip()):
        lines.pop(0)  # the header comment of a new file: not data
    sys.stdout.write(escape_lines("".join(lines)))
    return 0


def escape_lines(text: str) -> str:
    """Text for the terminal: each line with its control characters as escapes."""
    return "".join(escape(line) + "\n" for line in text.splitlines())


def _without_access(value: Any, lang: str) -> Any:
    from exports.diff import HIDDEN, render_value

    if isinstance(value, dict):
        return {
            key: render_value(HIDDEN, lang) if key == "access" else _without_access(item, lang)
            for key, item in value.items()
        }
    if isinstance(value, list):
        return [_without_access(item, lang) for item in value]
    return value
