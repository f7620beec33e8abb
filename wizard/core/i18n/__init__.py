"""The interface's message catalogues (English, Ukrainian) and `t()`, the lookup.

Every string the wizard shows comes from here. A catalogue is a flat dict of
key -> `str.format` template; both catalogues hold the same keys with the same
parameters (tests/unit/test_i18n.py enforces it). Keep keys literal in code
(`t("nav.next")`) so the test can find them; dynamic families are
`section.<name>.*`, `step.<name>.*`, `field.<path>`, `help.<path>`,
`choice.<kind>.<value>` and `problem.<code>`.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from importlib import import_module

from schemas.controls import stand_in
from schemas.problems import Problem
from wizard.core.i18n.en import MESSAGES as EN

LANGUAGES: tuple[str, ...] = ("en", "uk")
"""Interface languages, in the order the language switch offers them."""


class _Catalogues(Mapping[str, dict[str, str]]):
    """The catalogue of each language; one other than English loads when first used."""

    def __init__(self) -> None:
        self._loaded: dict[str, dict[str, str]] = {"en": EN}

    def __getitem__(self, lang: str) -> dict[str, str]:
        catalogue = self._loaded.get(lang)
        if catalogue is None:
            if lang not in LANGUAGES:
                raise KeyError(lang)
            messages: dict[str, str] = import_module(f"wizard.core.i18n.{lang}").MESSAGES
            catalogue = self._loaded[lang] = messages
        return catalogue

    def __contains__(self, lang: object) -> bool:
        return lang in LANGUAGES

    def __iter__(self) -> Iterator[str]:
        return iter(LANGUAGES)

    def __len__(self) -> int:
        return len(LANGUAGES)


CATALOGUES: Mapping[str, dict[str, str]] = _Catalogues()

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
    """Whether the catalogue has `key`."""
    return key in CATALOGUES[lang or _current[0]]


def t(key: str, /, **params: object) -> str:
    """The text of `key` in the interface language, with `params` filled in.

    An unknown key returns itself, so text that is not a key (such as a binding
    description Textual provides) passes through unchanged. A parameter is often a
    file's name or a value from it: its control characters are filled in as their
    stand-ins (`schemas.controls.stand_in`: `␛`, `�`), never raw.
    """
    template = CATALOGUES[_current[0]].get(key)
    if template is None:
        template = EN.get(key)
    if template is None:
        return key
    if not params:
        return template
    shown = {k: stand_in(v, keep="\t\n") if isinstance(v, str) else v for k, v in params.items()}
    try:
        return template.format(**shown)
    except (KeyError, IndexError, ValueError):
        return template


def problem_message(problem: Problem) -> str:
    """A problem's message in the interface language (by its code, with its params)."""
    key = f"problem.{problem.code}"
    if not has(key) and not has(key, "en"):
        return stand_in(problem.message, keep="\t\n")
    return t(key, **problem.params)
