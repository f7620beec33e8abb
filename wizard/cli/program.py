"""The `presence` command: the wizard (`new`, `edit`) and the headless commands.

`validate`, `export`, `schema` and `diff` never load Textual; the wizard's app is
imported only when `presence`, `presence new` or `presence edit` opens it.
"""

from __future__ import annotations

import argparse
import contextlib
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

exit codes: 0 success, 1 problems found (or differences, for diff),
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

exit codes: 0 exported, 1 the policy has errors (or, with --fail-on, missing parts
or warnings), 2 a file cannot be read or written.

examples:
  presence export brand-policy.toml                 writes brand-policy.md
  presence export brand-policy.toml --to html       writes brand-policy.html
  presence export brand-policy.toml -o handbook.html
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

examples:
  presence diff old/brand-policy.toml brand-policy.toml
  git show HEAD~1:brand-policy.toml > /tmp/old.toml
  presence diff /tmp/old.toml brand-policy.toml --format md > review.md
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
        help="the wizard's language (default: from LC_ALL, LC_MESSAGES or LANG)",
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
        help="write the policy as a Markdown or HTML document",
        description="Write the policy as a Markdown or standalone HTML document.",
        epilog=_EXPORT_EPILOG,
        formatter_class=_FORMATTER,
    )
    export.add_argument("path", metavar="PATH", help="the policy file")
    export.add_argument(
        "--to",
        choices=("md", "html"),
        help="document format (default: from the -o suffix, else md)",
    )
    export.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help="output file, or a folder to write it into (a name ending in /), '-' for stdout "
        "(default: PATH with the suffix .md or .html)",
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


def _add_diff(sub: Subparsers) -> None:
    diff = sub.add_parser(
        "diff",
        help="show what changed between two versions of a policy",
        description="Show what changed between two versions of a policy, by section and key.",
        epilog=_DIFF_EPILOG,
        formatter_class=_FORMATTER,
    )
    diff.add_argument("old", metavar="OLD", help="the earlier version")
    diff.add_argument("new", metavar="NEW", help="the later version")
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
        sys.stderr.write("presence: error: the wizard is not available in this installation\n")
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
    from wizard.core.startup import release_collector

    release_collector()  # the modules are loaded: what follows is the command's own work
    _stop_on_terminate()
    if args.command == "validate":
        return commands.validate(args.paths, args.format, args.fail_on)
    if args.command == "export":
        return commands.export(
            args.path, args.to, args.output, args.include_access, args.fail_on, force=args.force
        )
    if args.command == "schema":
        return commands.schema(args.output, force=args.force)
    return commands.diff(args.old, args.new, args.format, args.include_access)


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


def _report_output_error(exc: OSError) -> None:
    """Say on stderr (when it can be written) that the output could not be written."""
    from exports.atomic import write_reason
    from schemas.controls import escape

    try:
        sys.stderr.write(f"presence: error: cannot write the output: {escape(write_reason(exc))}\n")
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
        sys.stderr.write("presence: interrupted\n")
        return 130
    except BrokenPipeError:
        # The reader went away (`presence diff … | head`): say nothing more.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    except OSError as exc:  # what the commands write to a file they report themselves
        _report_output_error(exc)
        return 2
    except Exception as exc:
        if os.environ.get("PRESENCE_DEBUG"):
            raise
        from schemas.controls import escape

        sys.stderr.write(
            f"presence: internal error: {type(exc).__name__}: {escape(str(exc))}\n"
            "(set PRESENCE_DEBUG=1 to see where)\n"
        )
        return EXIT_INTERNAL
