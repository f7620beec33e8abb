"""Problems as the `presence` command prints them: compiler-style lines, JSON objects, summaries.

A line names the file as the user typed it, the position when the key is in the
file, the level, the key path and the message in the interface language (`--lang`);
the level word and the key path are English in every language:

    brand-policy.toml:61:27: error: communication.response_time.first_reply_avg_minutes: …
    brand-policy.toml: missing: mission.statement

A JSON object carries the message's `code` and `params` too, so that a script never
reads the words.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from schemas.controls import escape
from schemas.problems import LEVELS, Problem
from schemas.texts import Phrase
from wizard.cli.texts import say

Position = tuple[int, int]
"""(line, column), both 1-based; columns count code points."""


@dataclass(frozen=True)
class Report:
    """One problem of one file, ready to print."""

    file: str
    line: int | None
    column: int | None
    level: str
    path: str
    """The key path; empty for a file that cannot be read at all."""

    message: str
    """In the interface language."""

    code: str = ""
    """The problem's code (`schemas.messages`), or for a file that cannot be read the
    reason's key in the `files` catalogue (`read.not_found`, `toml.unterminated_string`)."""

    params: Mapping[str, object] = field(default_factory=dict, hash=False)

    def text(self) -> str:
        """The compiler-style line, e.g. `p.toml:3:7: error: document.company: …`.

        Always one line, and one that cannot move the terminal: control characters
        (a value's line break, an escape sequence typed into a URL) show as escapes
        (`\\n`, `\\u001b`; `schemas.controls.escape`).
        """
        where = self.file
        if self.line is not None:
            where += f":{self.line}:{self.column if self.column is not None else 1}"
        if self.level == "missing":
            line = f"{where}: missing: {self.path}"
        elif not self.path:
            line = f"{where}: {self.level}: {self.message}"
        else:
            line = f"{where}: {self.level}: {self.path}: {self.message}"
        return escape(line)

    def as_json(self) -> dict[str, object]:
        """The object printed by `--format json`."""
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column if self.line is not None else None,
            "level": self.level,
            "path": self.path,
            "message": self.message,
            "code": self.code,
            "params": dict(self.params),
        }


def locate(
    file: str,
    problems: Iterable[Problem],
    position: Callable[[Problem], Position | None],
    lang: str = "en",
) -> list[Report]:
    """Reports for a file's problems, each with its position when `position` knows one,
    the message in `lang`."""
    reports = []
    for problem in problems:
        where = position(problem)
        line, column = where if where is not None else (None, None)
        reports.append(
            Report(
                file,
                line,
                column,
                problem.level,
                problem.path,
                problem.text(lang),
                problem.code,
                problem.params,
            )
        )
    return reports


def unreadable(
    file: str, line: int | None, column: int | None, reason: Phrase, lang: str = "en"
) -> Report:
    """The report for a file that cannot be read as a policy at all."""
    return Report(file, line, column, "error", "", reason.text(lang), reason.key, reason.params)


def counts(reports: Sequence[Report], lang: str = "en") -> str:
    """E.g. `2 errors, 3 missing, 1 warning` (in `lang`); levels with none are left out."""
    parts = []
    for level in LEVELS:
        count = sum(1 for r in reports if r.level == level)
        if count:
            parts.append(say(f"count.{level}", lang, n=count))
    return ", ".join(parts)


FAIL_ON_DEFAULT = "missing"
"""`validate --fail-on`: errors and missing parts fail, warnings do not."""


def failing(fail_on: str) -> tuple[str, ...]:
    """The levels that fail with `--fail-on LEVEL`: that level and the worse ones."""
    return LEVELS[: LEVELS.index(fail_on) + 1]


def summary(
    file: str, reports: Sequence[Report], lang: str = "en", fail_on: str = FAIL_ON_DEFAULT
) -> str:
    """The one-line verdict `validate` prints on stderr for a file (in `lang`): the
    counts when something fails at `fail_on` (with `--fail-on` named when it is not the
    default); else `valid` (`valid, 1 warning`), or `a draft` when missing parts pass
    (`--fail-on error`)."""
    if any(r.level in failing(fail_on) for r in reports):
        why = "" if fail_on == FAIL_ON_DEFAULT else f" (--fail-on {fail_on})"
        return f"{file}: {counts(reports, lang)}{why}"
    if any(r.level == "missing" for r in reports):
        return f"{file}: {say('draft_with', lang, counts=counts(reports, lang))}"
    if reports:
        return f"{file}: {say('valid_with', lang, counts=counts(reports, lang))}"
    return f"{file}: {say('valid', lang)}"


def exit_code(reports: Sequence[Report], fail_on: str = FAIL_ON_DEFAULT) -> int:
    """1 when a problem of level `fail_on` or a worse one is found (by default errors
    and missing items; warnings allowed), else 0."""
    return 1 if any(r.level in failing(fail_on) for r in reports) else 0
