"""The corpus of secrets and plain texts, and its figures: recall and false-positive rate.

Each text of tests/fixtures/secrets/corpus.toml is put into the example policy at its
`field` and the policy is checked as `presence validate` checks it: a text counts as
flagged when a `secret_value` warning stands at that key path. So the figures hold
for whichever `schemas` package Python imports — the current one, or an earlier one
unpacked first on `PYTHONPATH`:

    .venv/bin/python tests/secrets_corpus.py
    d=$(mktemp -d) && git archive REV schemas | tar -x -C "$d" &&
        PYTHONPATH="$d" .venv/bin/python tests/secrets_corpus.py

Run as a file (not `-m`), so that the working directory does not come first on the
path. `tests/unit/test_secrets.py` asserts the same figures: every secret flagged,
no plain text flagged.
"""

from __future__ import annotations

import copy
import datetime as dt
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "fixtures" / "secrets" / "corpus.toml"
EXAMPLE = HERE / "fixtures" / "rules" / "example-policy.toml"
TODAY = dt.date(2026, 11, 28)
"""Before the example's review date: its only warnings are the ones a case adds."""

FIELDS: dict[str, tuple[str | int, ...]] = {
    "access": ("platforms", 0, "access"),
    "purpose": ("platforms", 0, "purpose"),
    "url": ("tools", 0, "url"),
    "recommendations": ("tools", 0, "recommendations"),
    "text": ("communication", "templates", 0, "text"),
    "contact": ("communication", "negative", "escalation", 0, "contact"),
    "statement": ("mission", "statement"),
}
"""Where a case's `field` puts its text in the example policy."""

Kind = Literal["secret", "plain"]


@dataclass(frozen=True)
class Case:
    """One text of the corpus."""

    kind: Kind
    text: str
    field: str
    why: str

    @property
    def path(self) -> str:
        """The key path where the text goes, as problems name it."""
        parts = FIELDS[self.field]
        out = ""
        for part in parts:
            out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
        return out


def load_corpus() -> list[Case]:
    """Every case of the corpus file, secrets first."""
    with CORPUS.open("rb") as file:
        raw = tomllib.load(file)
    cases: list[Case] = []
    kinds: tuple[Kind, ...] = ("secret", "plain")
    for kind in kinds:
        for item in raw[kind]:
            if item["field"] not in FIELDS:
                raise ValueError(f"{CORPUS}: unknown field {item['field']!r}")
            cases.append(Case(kind, item["text"], item["field"], item["why"]))
    return cases


def example() -> dict[str, Any]:
    """The example policy the cases are put into."""
    with EXAMPLE.open("rb") as file:
        return tomllib.load(file)


def policy_with(case: Case, base: dict[str, Any]) -> dict[str, Any]:
    """A copy of `base` with the case's text at its field."""
    data = copy.deepcopy(base)
    *parents, last = FIELDS[case.field]
    table: Any = data
    for part in parents:
        table = table[part]
    table[last] = case.text
    return data


def flagged(case: Case, base: dict[str, Any]) -> bool:
    """Whether checking the policy gives a `secret_value` warning at the case's path."""
    from schemas import check_policy

    problems = check_policy(policy_with(case, base), today=TODAY)
    return any(p.code == "secret_value" and p.path == case.path for p in problems)


@dataclass(frozen=True)
class Figures:
    """How the checker did on the corpus."""

    secrets: int
    caught: int
    plain: int
    false_positives: int
    missed: list[Case]
    wrongly_flagged: list[Case]

    @property
    def recall(self) -> float:
        """The share of secrets flagged."""
        return self.caught / self.secrets

    @property
    def false_positive_rate(self) -> float:
        """The share of plain texts flagged."""
        return self.false_positives / self.plain


def measure(cases: list[Case] | None = None) -> Figures:
    """Check every case of the corpus (or of `cases`)."""
    cases = load_corpus() if cases is None else cases
    base = example()
    missed = [c for c in cases if c.kind == "secret" and not flagged(c, base)]
    wrong = [c for c in cases if c.kind == "plain" and flagged(c, base)]
    secrets = sum(1 for c in cases if c.kind == "secret")
    plain = len(cases) - secrets
    return Figures(secrets, secrets - len(missed), plain, len(wrong), missed, wrong)


def main() -> int:
    """Print the figures and the cases that went wrong; exit 1 when any did."""
    import schemas

    figures = measure()
    print(f"schemas: {Path(schemas.__file__).parent}")
    print(
        f"recall: {figures.caught}/{figures.secrets} secrets flagged ({figures.recall:.1%}); "
        f"false positives: {figures.false_positives}/{figures.plain} plain texts flagged "
        f"({figures.false_positive_rate:.1%})"
    )
    for case in figures.missed:
        print(f"  missed secret ({case.why}): {case.text!r}")
    for case in figures.wrongly_flagged:
        print(f"  flagged plain text ({case.why}): {case.text!r}")
    return 1 if figures.missed or figures.wrongly_flagged else 0


if __name__ == "__main__":
    sys.exit(main())
