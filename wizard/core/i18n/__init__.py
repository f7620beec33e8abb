"""The wizard's interface texts: a thin front of the one text system (`schemas.texts`).

The interface catalogues are `en.py` and `uk.py` here, registered as the domain `ui`:
flat key -> message (a `str.format` template, or a `schemas.texts.Plural` for words
that follow a number). Both hold the same keys with the same parameters, and the
checks of `schemas.texts.check_domain` hold for them (tests/unit/test_i18n.py and
test_texts.py). Keep keys literal in code (`t("nav.next")`) so the test can find
them; dynamic families are `section.<name>.*`, `step.<name>.*`, `field.<path>`,
`help.<path>`, `choice.<kind>.<value>`, `language.<code>`, `key.<textual binding>`.
Problems are words of the `problems` domain (`problem_message`), the same the
command line prints.

`t()` fills a param that is a file's name or a value from it with its control
characters as stand-ins (`schemas.controls.stand_in`: `␛`, `�`), never raw. A key
missing from the catalogue raises under tests (`PRESENCE_STRICT_TEXTS=1`) and shows
its English text, or the key, to a person.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping

from schemas import texts
from schemas.controls import stand_in
from schemas.problems import Problem
from schemas.texts import Message

UI = "ui"
texts.register(UI, en="wizard.core.i18n.en", uk="wizard.core.i18n.uk")

LANGUAGES: tuple[str, ...] = texts.LANGUAGES
"""Interface languages, in the order the language switch offers them."""


class _Catalogues(Mapping[str, Mapping[str, Message]]):
    """The interface catalogue of each language; one other than English loads when
    first used."""

    def __getitem__(self, lang: str) -> Mapping[str, Message]:
        if lang not in LANGUAGES:
            raise KeyError(lang)
        return texts.domain(UI).catalogue(lang)

    def __contains__(self, lang: object) -> bool:
        return lang in LANGUAGES

    def __iter__(self) -> Iterator[str]:
        return iter(LANGUAGES)

    def __len__(self) -> int:
        return len(LANGUAGES)


CATALOGUES: Mapping[str, Mapping[str, Message]] = _Catalogues()

_current = ["en"]


def detect_language(environ: Mapping[str, str] | None = None) -> str:
    """The interface language from LC_ALL / LC_MESSAGES / LANG (`uk*` is Ukrainian)."""
    env = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "")
        if value:
            return "uk" if value.lower().startswith("uk") else "en"
    return "en"


def set_language(lang: str) -> None:
    """Make `lang` the interface language; unknown languages fall back to English."""
    _current[0] = lang if lang in CATALOGUES else "en"


def get_language() -> str:
    """The current interface language."""
    return _current[0]


def has(key: str, lang: str | None = None) -> bool:
    """Whether the interface catalogue has `key`."""
    return texts.has(UI, key, lang or _current[0])


def _shown(params: Mapping[str, object]) -> dict[str, object]:
    return {k: stand_in(v, keep="\t\n") if isinstance(v, str) else v for k, v in params.items()}


def t(key: str, /, **params: object) -> str:
    """The text of `key` in the interface language, with `params` filled in (a
    `Plural` in the form its number takes). A parameter is often a file's name or a
    value from it: its control characters are filled in as their stand-ins, never raw.
    """
    return texts.text(UI, key, _current[0], **_shown(params))


def sentence(message: str) -> str:
    """A message worded for a line of the command line ("expected an integer, got …")
    as the wizard shows it: a sentence, its first letter capital, ending in a stop."""
    if not message:
        return message
    first = message[0].upper() + message[1:]
    return first if first.endswith((".", "?", "!", "…")) else first + "."


def problem_message(problem: Problem, params: Mapping[str, object] | None = None) -> str:
    """A problem's message in the interface language, as a sentence (the words of the
    `problems` catalogue by its code; `params` replace some of the problem's own, as
    key paths named in words)."""
    shown = _shown({**problem.params, **(params or {})})
    return sentence(texts.text("problems", problem.code, _current[0], **shown))
