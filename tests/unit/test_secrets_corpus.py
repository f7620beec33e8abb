"""The secrets corpus (tests/fixtures/secrets/corpus.toml) checked as `presence validate` does.

Every secret is a `secret_value` warning at its key path; no plain text is. The same
figures are printed by `python tests/secrets_corpus.py` (recall, false-positive rate).
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from tests.secrets_corpus import Case, example, flagged, load_corpus, measure

CASES = load_corpus()
SECRETS = [c for c in CASES if c.kind == "secret"]
PLAIN = [c for c in CASES if c.kind == "plain"]
CYRILLIC = re.compile("[а-яіїєґ]", re.IGNORECASE)


@pytest.fixture(scope="module")
def base() -> dict[str, Any]:
    return example()


@pytest.mark.parametrize("case", SECRETS, ids=[c.why for c in SECRETS])
def test_every_secret_of_the_corpus_is_a_warning(case: Case, base: dict[str, Any]) -> None:
    assert flagged(case, base), f"missed: {case.text!r}"


@pytest.mark.parametrize("case", PLAIN, ids=[c.why for c in PLAIN])
def test_no_plain_text_of_the_corpus_is_a_warning(case: Case, base: dict[str, Any]) -> None:
    assert not flagged(case, base), f"flagged: {case.text!r}"


def test_the_corpus_is_large_enough_in_both_languages() -> None:
    for cases, at_least in ((SECRETS, 40), (PLAIN, 25)):
        assert len(cases) >= at_least
        ukrainian = [c for c in cases if CYRILLIC.search(c.text)]
        assert len(ukrainian) >= 10
        assert len(cases) - len(ukrainian) >= 10


def test_the_figures_are_full_recall_and_no_false_positive() -> None:
    figures = measure()
    assert (figures.recall, figures.false_positive_rate) == (1.0, 0.0)
    assert (figures.secrets, figures.plain) == (len(SECRETS), len(PLAIN))
