"""The `presence` command: the wizard (`new`, `edit`) and the headless commands.

`validate`, `export`, `schema`, `diff` and `merge` never load Textual; the wizard's app is
imported only when `presence`, `presence new` or `presence edit` opens it.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import errno
import io
import os
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Literal, NoReturn

from schemas.sections import SECTIONS
from wizard.core.service import EXAMPLE, EXAMPLE_UK

if TYPE_CHECKING:
    Subparsers = argparse._SubParsersAction["_Parser"]
    """What `add_subparsers` returns."""

LanguageCode = Literal["en", "uk"]

EXIT_INTERNAL = 70
"""Exit code for a bug in presence itself (EX_SOFTWARE)."""


def detect_language(environ: Mapping[str, str]) -> LanguageCode:
    """The wizard's language from the locale: the first of LC_ALL, LC_MESSAGES, LANG set."""
    from wizard.core.i18n import detect_language as from_locale

    return "uk" if from_locale(environ) == "uk" else "en"


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("brand-presence")
    except PackageNotFoundError:
        return "unknown"


class _VersionAction(argparse.Action):
    """`--version`, looked up only when asked for."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: object) -> None:
        super().__init__(option_strings, dest, nargs=0, help="show the version and exit")

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: object,
        option_string: str | None = None,
    ) -> None:
        sys.stdout.write(f"presence {_version()}\n")
        parser.exit(0)


_FORMATTER = argparse.RawDescriptionHelpFormatter


class _Parser(argparse.ArgumentParser):
    """argparse's parser, whose usage errors show control characters as escapes: a
    path or an argument that holds an escape sequence never reaches the terminal raw."""

    def error(self, message: str) -> NoReturn:
        from schemas.controls import escape

        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {escape(message)}\n")


_MAIN_HELP = """\
Write a brand presence policy with a terminal wizard, and check, export and
compare policy files without it.

Run without a command to open the wizard's start screen.
"""

_MAIN_EPILOG = """\
examples:
  presence                                   open the wizard
  presence new brand-policy.toml             start a new policy
  presence edit brand-policy.toml --section platforms
  presence validate brand-policy.toml
  presence export brand-policy.toml --to html
  presence diff old.toml brand-policy.toml
  presence plan brand-policy.toml --month 2026-03
  presence merge base.toml ours.toml theirs.toml brand-policy.toml

exit codes: 0 success, 1 problems found (differences, for diff; conflicts, for merge),
2 bad arguments or a file that cannot be read or written, 70 internal error.
"""

_VALIDATE_EPILOG = """\
Each problem is one line on stdout, then a verdict on stderr:
  brand-policy.toml:61:27: error: communication.response_time.first_reply_avg_minutes: 45 is …
  brand-policy.toml: missing: mission.statement
  brand-policy.toml: 1 error, 1 missing

exit codes: 0 valid (warnings allowed), 1 errors or missing parts,
2 a file cannot be read as a policy. With several files, the worst code.
--fail-on says which problems fail: error (a draft passes), missing (the
default), warning (any warning too: an overdue review, an overdue access review).

examples:
  presence validate brand-policy.toml
  presence validate --format json brand-policy.toml > problems.json
  presence validate --fail-on warning brand-policy.toml    in CI: nothing overdue
  presence validate --fail-on error draft.toml             a draft passes
"""

_EXPORT_EPILOG = """\
A policy with errors is not exported; a draft (only missing parts) is, marked as
a draft. Warnings are printed on stderr and do not stop the export, unless
--fail-on says so: --fail-on missing refuses a draft too, --fail-on warning any
warning as well (a value that looks like a password, …). A secret in an access
value counts only with --include-access, when it goes into the document. OUT ending
in / (or an existing folder) is a folder: the document goes into it under its
default name. A read-only OUT is not replaced unless --force is given.

Printed formats (HTML's print rules, PDF, DOCX) use A4 for a Ukrainian document and
US Letter for an English one unless --paper says otherwise. --sheet moderator
writes the moderator's one-page sheet instead of the policy (A4 unless --paper);
when it does not fit one A4 page, stderr says so.

exit codes: 0 exported, 1 the policy has errors (or, with --fail-on, missing parts
or warnings), 2 a file cannot be read or written.

examples:
  presence export brand-policy.toml                 writes brand-policy.md
  presence export brand-policy.toml --to html       writes brand-policy.html
  presence export brand-policy.toml -o handbook.html
  presence export brand-policy.toml --to pdf        writes brand-policy.pdf
  presence export brand-policy.toml --to docx --paper a4
  presence export brand-policy.toml --sheet moderator --to pdf
                                                    writes brand-policy-moderator.pdf
  presence export brand-policy.toml -o docs/        writes docs/brand-policy.md
  presence export brand-policy.toml -o - | less     prints the Markdown
  presence export brand-policy.toml --fail-on warning   in CI: nothing with a warning
"""

_SCHEMA_EPILOG = """\
examples:
  presence schema > policy.schema.json
  presence schema -o policy.schema.json
"""

_DIFF_EPILOG = """\
Compares the data, not the text: comments, key order and quoting do not count.
List entries are matched by name, title or topic, so a reordered list shows as
"moved" and a renamed platform as a changed name.
access values (where logins are kept) show as "(access value hidden)" unless
--include-access is given.

exit codes: 0 identical, 1 different, 2 a file cannot be read.

--textconv FILE prints one policy as data (keys in the format's order, no comments
or layout) for git's textconv, so that `git diff` and `git log -p` compare data:
  git config diff.presence.textconv "presence diff --textconv"
  echo 'brand-policy.toml diff=presence' >> .gitattributes

examples:
  presence diff old/brand-policy.toml brand-policy.toml
  git show HEAD~1:brand-policy.toml > /tmp/old.toml
  presence diff /tmp/old.toml brand-policy.toml --format md > review.md
"""

_PLAN_EPILOG = """\
A slot for each rubric with a cadence (times per day, week or month; days; time) on
each of its active platforms, in the policy's time zone. Without --weeks or --month,
the next full month; --from alone plans a month from that day, --weeks N from the next
Monday unless --from says otherwise. A policy with errors gets no plan; a draft's plan
is marked as a draft. Without -o, the plan goes next to PATH with the suffix .plan.md
(.plan.html, .plan.csv, .plan.ics); without --to, the format follows the suffix of -o.

exit codes: 0 planned, 1 the policy has errors, 2 a file cannot be read or written,
or the period is not one.

examples:
  presence plan brand-policy.toml                      next month: brand-policy.plan.md
  presence plan brand-policy.toml --month 2026-03 --to ics
  presence plan brand-policy.toml --from 2026-03-02 --weeks 4 -o march.csv --excel
  presence plan brand-policy.toml --lang uk -o - | less
"""

_MERGE_EPILOG = """\
A three-way merge, key by key: what only one side changed is taken, the same change
on both sides is no conflict, the same key changed differently (or an entry removed
on one side and changed on the other) is a conflict. List entries are matched by
name, title or topic. The result is THEIRS's text with OURS's changes applied, so
comments and layout survive; it is written into OURS (or OUT). An empty BASE means
no common version: every difference is then a conflict unless both sides agree.
Conflicts are written between git's markers (<<<<<<< ours, =======, >>>>>>> theirs)
and listed as FILE:LINE:COL: conflict: KEY: ours … / theirs …

As git's merge driver:
  git config merge.presence.driver "presence merge %O %A %B %P"
  echo 'brand-policy.toml merge=presence' >> .gitattributes

exit codes: 0 merged, 1 conflicts (or a result with errors neither version had),
2 a version that cannot be read, or OUT that cannot be written.

examples:
  presence merge base.toml mine.toml theirs.toml -o merged.toml
"""

_NEW_EPILOG = """\
examples:
  presence new brand-policy.toml
  presence new brand-policy.toml --from example --lang uk
  presence new brand-policy.toml --from example-uk
  presence new next-year.toml --from brand-policy.toml
"""

_EDIT_EPILOG = f"""\
sections: {", ".join(SECTIONS)}

examples:
  presence edit brand-policy.toml
  presence edit brand-policy.toml --section communication --lang uk
"""


def _add_lang(parser: argparse.ArgumentParser, dest: str = "lang") -> None:
    parser.add_argument(
        "--lang",
        dest=dest,
        choices=("en", "uk"),
        help="the language of the wizard and of messages (level words and key paths stay "
        "English; default: from LC_ALL, LC_MESSAGES or LANG)",
    )


def _add_force(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--force",
        action="store_true",
        help="replace OUT even when it is read-only (refused otherwise)",
    )


def _add_validate(sub: Subparsers) -> None:
    validate = sub.add_parser(
        "validate",
        help="check policy files and list every problem",
        description="Check policy files and list every problem with its file, line and key.",
        epilog=_VALIDATE_EPILOG,
        formatter_class=_FORMATTER,
    )
    validate.add_argument("paths", nargs="+", metavar="PATH", help="policy file(s) to check")
    validate.add_argument(
        "--format", choices=("text", "json"), default="text", help="output format (default text)"
    )
    _add_lang(validate)
    validate.add_argument(
        "--fail-on",
        choices=("error", "missing", "warning"),
        default="missing",
        help="exit 1 when a problem of this level or a worse one exists: error (a draft "
        "passes), missing (default: errors and missing parts), warning (any warning too)",
    )


def _add_export(sub: Subparsers) -> None:
    export = sub.add_parser(
        "export",
        help="write the policy as a Markdown, HTML, PDF or Word document",
        description="Write the policy (or the moderator's sheet) as a Markdown, standalone"
        " HTML, PDF or Word (DOCX) document.",
        epilog=_EXPORT_EPILOG,
        formatter_class=_FORMATTER,
    )
    export.add_argument("path", metavar="PATH", help="the policy file")
    export.add_argument(
        "--to",
        choices=("md", "html", "pdf", "docx"),
        help="document format (default: from the -o suffix, else md)",
    )
    export.add_argument(
        "--paper",
        choices=("a4", "letter"),
        help="paper size of the printed formats (default: a4 for Ukrainian, letter for"
        " English; a4 for the moderator's sheet)",
    )
    export.add_argument(
        "--sheet",
        choices=("moderator",),
        help="write the moderator's one-page sheet instead of the policy",
    )
    export.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help="output file, or a folder to write it into (a name ending in /), '-' for stdout "
        "(default: PATH with the format's suffix: .md, .html, .pdf, .docx)",
    )
    export.add_argument(
        "--include-access",
        action="store_true",
        help="include where logins are kept (access fields); left out by default",
    )
    export.add_argument(
        "--fail-on",
        choices=("error", "missing", "warning"),
        default="error",
        help="refuse to export when a problem of this level or a worse one exists: "
        "error (default), missing (a draft), warning (any warning too)",
    )
    _add_force(export)
    _add_lang(export)


def _add_schema(sub: Subparsers) -> None:
    schema = sub.add_parser(
        "schema",
        help="print the JSON Schema of the policy file",
        description="Print the JSON Schema of the policy file (format versions 1 and 2).",
        epilog=_SCHEMA_EPILOG,
        formatter_class=_FORMATTER,
    )
    schema.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help="write to OUT instead of stdout (a folder: OUT/policy.schema.json)",
    )
    _add_force(schema)
    _add_lang(schema)


def _add_diff(sub: Subparsers) -> None:
    diff = sub.add_parser(
        "diff",
        help="show what changed between two versions of a policy",
        description="Show what changed between two versions of a policy, by section and key.",
        epilog=_DIFF_EPILOG,
        formatter_class=_FORMATTER,
    )
    diff.add_argument("old", metavar="OLD", nargs="?", help="the earlier version")
    diff.add_argument("new", metavar="NEW", nargs="?", help="the later version")
    diff.add_argument(
        "--textconv",
        metavar="FILE",
        help="print FILE as data (for git's diff.<driver>.textconv), instead of OLD NEW",
    )
    diff.add_argument(
        "--format",
        choices=("text", "md"),
        default="text",
        help="text lines, or Markdown tables for review (default text)",
    )
    diff.add_argument(
        "--include-access",
        action="store_true",
        help="show access values (where logins are kept); hidden by default",
    )
    _add_lang(diff)


def _date(text: str) -> dt.date:
    """A day typed as YYYY-MM-DD (argparse's type for --from)."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def _weeks(text: str) -> int:
    """A number of weeks (argparse's type for --weeks)."""
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of weeks: {text!r}") from None


def _add_plan(sub: Subparsers) -> None:
    plan = sub.add_parser(
        "plan",
        help="write the content plan: the rubrics' posting slots over a period",
        description="Write the content plan: a slot for each rubric on each active platform "
        "at its cadence, as Markdown, HTML, CSV or iCalendar.",
        epilog=_PLAN_EPILOG,
        formatter_class=_FORMATTER,
    )
    plan.add_argument("path", metavar="PATH", help="the policy file")
    plan.add_argument(
        "--from", dest="first", type=_date, metavar="DATE", help="the first day (YYYY-MM-DD)"
    )
    length = plan.add_mutually_exclusive_group()
    length.add_argument("--weeks", type=_weeks, metavar="N", help="plan N weeks")
    length.add_argument("--month", metavar="YYYY-MM", help="plan this calendar month")
    plan.add_argument(
        "--to",
        choices=("md", "html", "csv", "ics"),
        help="the plan's format (default: from the -o suffix, else md)",
    )
    plan.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help="output file, or a folder to write it into (a name ending in /), '-' for stdout "
        "(default: PATH with the suffix .plan.md, .plan.html, .plan.csv or .plan.ics)",
    )
    plan.add_argument(
        "--excel",
        action="store_true",
        help="CSV for Excel: a byte-order mark and ';' between fields",
    )
    plan.add_argument(
        "--lang",
        choices=("en", "uk"),
        help="the language of the plan and of messages (level words and key paths stay "
        "English; default: the plan in the policy's document language, messages from "
        "LC_ALL, LC_MESSAGES or LANG)",
    )
    _add_force(plan)


def _add_merge(sub: Subparsers) -> None:
    merge = sub.add_parser(
        "merge",
        help="merge two versions of a policy (a git merge driver)",
        description="Merge two versions of a policy changed from a common one, key by key.",
        epilog=_MERGE_EPILOG,
        formatter_class=_FORMATTER,
    )
    merge.add_argument("base", metavar="BASE", help="the common version (git's %%O; empty: none)")
    merge.add_argument("ours", metavar="OURS", help="our version, which gets the result (%%A)")
    merge.add_argument("theirs", metavar="THEIRS", help="their version (%%B)")
    merge.add_argument(
        "path", metavar="PATH", nargs="?", help="the file's name for messages (git's %%P)"
    )
    merge.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help="write the result to OUT instead of OURS ('-': stdout)",
    )
    merge.add_argument(
        "--include-access",
        action="store_true",
        help="show access values in conflict messages; hidden by default",
    )
    _add_lang(merge)


def _add_new(sub: Subparsers) -> None:
    new = sub.add_parser(
        "new",
        help="start a new policy in the wizard",
        description="Start a new policy in the wizard.",
        epilog=_NEW_EPILOG,
        formatter_class=_FORMATTER,
    )
    new.add_argument("path", nargs="?", metavar="PATH", help="where to save it (must not exist)")
    new.add_argument(
        "--from",
        dest="from_",
        metavar="OTHER",
        help=f"start from a copy of another policy file, or '{EXAMPLE}' / '{EXAMPLE_UK}' for "
        "the built-in example in English / Ukrainian (revisions and acknowledgements are "
        "left out)",
    )
    _add_lang(new)


def _add_edit(sub: Subparsers) -> None:
    edit = sub.add_parser(
        "edit",
        help="open a policy in the wizard",
        description="Open an existing policy in the wizard.",
        epilog=_EDIT_EPILOG,
        formatter_class=_FORMATTER,
    )
    edit.add_argument("path", metavar="PATH", help="the policy file")
    edit.add_argument("--section", choices=SECTIONS, metavar="NAME", help="open at this section")
    _add_lang(edit)


_COMMANDS: dict[str, Callable[[Subparsers], None]] = {
    "validate": _add_validate,
    "export": _add_export,
    "schema": _add_schema,
    "diff": _add_diff,
    "plan": _add_plan,
    "merge": _add_merge,
    "new": _add_new,
    "edit": _add_edit,
}
"""Each subcommand and the function that adds its parser, in the order help lists them."""


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The argument parser of `presence` and its subcommands.

    With `command` (a subcommand's name) the parser knows only that subcommand:
    parsing a command line that names it gives the same result, help and errors,
    without building the parsers of the others (a few milliseconds of every start).
    """
    parser = _Parser(
        prog="presence",
        description=_MAIN_HELP,
        epilog=_MAIN_EPILOG,
        formatter_class=_FORMATTER,
    )
    parser.add_argument("--version", action=_VersionAction)
    # Its own dest: a subcommand's default would otherwise overwrite `presence --lang uk new`.
    _add_lang(parser, dest="main_lang")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", title="commands")
    if command in _COMMANDS:
        _COMMANDS[command](sub)
    else:
        for add in _COMMANDS.values():
            add(sub)
    return parser


def _named_command(argv: Sequence[str]) -> str | None:
    """The subcommand `argv` names, when its first argument is one; else None."""
    return argv[0] if argv and argv[0] in _COMMANDS else None


def open_wizard(
    *,
    path: str | None,
    section: str | None,
    lang: str | None,
    new: bool,
    from_: str | None,
) -> int:
    """Start the wizard: the only place the Textual app is imported.

    The app itself reports a file it cannot open (missing, unreadable, a newer
    format) and offers to open a file that `new` would overwrite.
    """
    try:
        from wizard.tui.app import run_wizard
    except ModuleNotFoundError as err:
        if err.name not in ("wizard.tui", "wizard.tui.app", "textual"):
            raise
        from wizard.cli.texts import say

        language = lang or detect_language(os.environ)
        sys.stderr.write(f"presence: error: {say('no_wizard', language)}\n")
        return 2
    return run_wizard(
        path=Path(path) if path is not None else None,
        section=section,
        lang=lang or detect_language(os.environ),
        new=new,
        from_=from_,
    )


def _dispatch(args: argparse.Namespace) -> int:
    lang: str | None = getattr(args, "lang", None) or args.main_lang
    if args.command is None:
        return open_wizard(path=None, section=None, lang=lang, new=False, from_=None)
    if args.command == "new":
        return open_wizard(path=args.path, section=None, lang=lang, new=True, from_=args.from_)
    if args.command == "edit":
        return open_wizard(path=args.path, section=args.section, lang=lang, new=False, from_=None)

    from wizard.cli import commands
    from wizard.cli.texts import say
    from wizard.core.startup import release_collector

    release_collector()  # the modules are loaded: what follows is the command's own work
    _stop_on_terminate()
    said = lang or detect_language(os.environ)
    if args.command == "validate":
        return commands.validate(args.paths, args.format, said, args.fail_on)
    if args.command == "export":
        return commands.export(
            args.path,
            args.to,
            args.output,
            args.include_access,
            args.fail_on,
            force=args.force,
            lang=said,
            paper=args.paper,
            sheet=args.sheet,
        )
    if args.command == "schema":
        return commands.schema(args.output, force=args.force, lang=said)
    if args.command == "plan":
        from wizard.cli.plan import plan_command

        return plan_command(
            args.path,
            first=args.first,
            weeks=args.weeks,
            month=args.month,
            to=args.to,
            out=args.output,
            excel=args.excel,
            lang=args.lang,
            force=args.force,
            said=said,
        )
    if args.command == "merge":
        if args.output == "":
            sys.stderr.write(f"presence merge: error: {say('needs_name', said)}\n")
            return 2
        return commands.merge(
            args.base, args.ours, args.theirs, args.path, args.output, args.include_access, said
        )
    if args.textconv is not None:
        if args.old is not None:
            sys.stderr.write(f"presence diff: error: {say('textconv.one_file', said)}\n")
            return 2
        return commands.textconv(args.textconv, args.include_access, said)
    if args.old is None or args.new is None:
        sys.stderr.write(f"presence diff: error: {say('diff.old_new', said)}\n")
        return 2
    return commands.diff(args.old, args.new, args.format, args.include_access, said)


def _stop_on_terminate() -> None:
    """SIGTERM and SIGHUP end a headless command as ctrl+c does (a file being written
    is cleaned up), with the signal's exit status."""
    import signal

    def stop(signum: int, frame: object) -> None:
        raise SystemExit(128 + signum)

    for signum in (signal.SIGTERM, signal.SIGHUP):
        with contextlib.suppress(ValueError, OSError):  # not the main thread
            signal.signal(signum, stop)


def _forgiving_streams() -> None:
    """Characters the terminal cannot show are escaped rather than fatal. A closed
    stdout (`>&-`) fails on the first write like a full disk, not as a bug; a closed
    stderr (`2>&-`) is a choice not to read the remarks: they go nowhere."""
    if sys.stdout is None:
        sys.stdout = _ClosedStream()
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - for the run
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")


class _ClosedStream(io.TextIOBase):
    """Stands in for a standard stream the program was started without."""

    def write(self, text: str) -> int:
        raise OSError(errno.EBADF, "the stream is closed")


def _language(argv: Sequence[str]) -> str:
    """The interface language of a run: `--lang` (`--lang X` or `--lang=X`) where given,
    else the locale's."""
    for index, argument in enumerate(argv):
        if argument == "--lang" and index + 1 < len(argv):
            value = argv[index + 1]
        elif argument.startswith("--lang="):
            value = argument.partition("=")[2]
        else:
            continue
        if value in ("en", "uk"):
            return value
    return detect_language(os.environ)


def _report_output_error(exc: OSError, lang: str) -> None:
    """Say on stderr (when it can be written) that the output could not be written."""
    from exports.atomic import write_reason
    from schemas.controls import escape
    from wizard.cli.texts import say

    reason = escape(write_reason(exc).text(lang))
    try:
        sys.stderr.write(f"presence: error: {say('cannot_write_output', lang, reason=reason)}\n")
        sys.stderr.flush()
    except (OSError, ValueError):
        pass


def main(argv: Sequence[str] | None = None) -> int:
    """Run `presence` with `argv` (default: the command line); return the exit code.

    Run as the program (no `argv`), the start-up goes without the cyclic garbage
    collector (see `wizard.core.startup`): the headless commands turn it back on once
    their modules are loaded, the wizard once its first screen is up. And pydantic
    looks for no plugins (`wizard.core.startup.skip_pydantic_plugins`).
    """
    if argv is None:
        from wizard.core.startup import hold_collector, release_collector, skip_pydantic_plugins

        skip_pydantic_plugins()
        hold_collector()
        try:
            return _main(None)
        finally:
            release_collector()
    return _main(argv)


def _main(argv: Sequence[str] | None) -> int:
    _forgiving_streams()
    # A policy's integers are checked against their ranges and shown in messages,
    # however long: Python's guard against slow int/str conversion would only crash.
    sys.set_int_max_str_digits(0)
    arguments = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(_named_command(arguments))
    try:
        args = parser.parse_args(arguments)
    except SystemExit as done:  # --help, --version and usage errors
        code = done.code
        return 0 if code is None else code if isinstance(code, int) else 2
    try:
        return _dispatch(args)
    except KeyboardInterrupt:
        from wizard.cli.texts import say

        sys.stderr.write(f"presence: {say('interrupted', _language(arguments))}\n")
        return 130
    except BrokenPipeError:
        # The reader went away (`presence diff … | head`): say nothing more.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    except OSError as exc:  # what the commands write to a file they report themselves
        _report_output_error(exc, _language(arguments))
        return 2
    except Exception as exc:
        if os.environ.get("PRESENCE_DEBUG"):
            raise
        from schemas.controls import escape
        from wizard.cli.texts import say

        lang = _language(arguments)
        detail = f"{type(exc).__name__}: {escape(str(exc))}"
        sys.stderr.write(
            f"presence: {say('internal_error', lang, detail=detail)}\n{say('debug_hint', lang)}\n"
        )
        return EXIT_INTERNAL
