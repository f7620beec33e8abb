"""The program's one text system: catalogues in each language, plural forms, lookup, checks.

Every word the program shows a person comes from a catalogue: the wizard's interface
(`wizard/core/i18n/en.py`, `uk.py`), the command line's messages (`wizard/cli/texts/`),
the problems found in a policy and the section headings (`schemas/texts/`), the
exported document's words and the reasons a file cannot be read or written
(`exports/texts/`). Each is a *domain*: a pair of Python modules, one a language, each
holding `MESSAGES`, a flat dict of key -> message. The layer that owns a domain
registers it (`register`); this module, the lowest layer, holds the machinery all of
them share: the lookup (`text`), the plural rules (`plural_category`), the formatting
and the checks (`check_domain`).

A message is a `str.format` template, or a `Plural`: one template per plural category
of its language, chosen by a number among the params (`by`, default `n`):

    "status.errors": Plural(one="{n} error", other="{n} errors"),
    "status.errors": Plural(one="{n} помилка", few="{n} помилки", many="{n} помилок"),

A placeholder may name a *word*: `{found_type:@type}` shows the word at key
`type.<value>` of the same domain and language (`type.integer` -> "ціле число"), so
a code passed as a param reads in the message's language.

Strict and forgiving. With `PRESENCE_STRICT_TEXTS=1` (the tests set it) a key missing
from a catalogue, a placeholder without its param, a plural without its number or a
word without its key raises `TextError`. Otherwise nothing here ever raises for a
person: a key missing in a language falls back to English, then to the key itself; a
template that cannot be filled is shown with its placeholders as written.

Catalogues are loaded on first use, per domain and language: `presence validate` in
English loads the English problem and command-line catalogues and nothing else.
"""

from __future__ import annotations

import os
import string
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from importlib import import_module
from typing import Literal

Language = Literal["en", "uk"]
LANGUAGES: tuple[Language, ...] = ("en", "uk")
"""The languages every catalogue has; English is the fallback."""

FALLBACK: Language = "en"

Category = Literal["one", "few", "many", "other"]

CATEGORIES: dict[str, tuple[Category, ...]] = {
    "en": ("one", "other"),
    "uk": ("one", "few", "many", "other"),
}
"""The plural categories of each language (CLDR)."""

REQUIRED_FORMS: dict[str, tuple[Category, ...]] = {
    "en": ("one", "other"),
    "uk": ("one", "few", "many"),
}
"""The forms a `Plural` of each language must give. Ukrainian's `other` (fractions:
1,5 хвилини) may be left out: it is then the `few` form, the genitive singular that
fractions take."""

STRICT_VARIABLE = "PRESENCE_STRICT_TEXTS"
"""Set to 1 (the test suite does), a missing key or a bad placeholder raises."""


class TextError(LookupError):
    """A catalogue is missing a key, or a message cannot be filled with its params."""


@dataclass(frozen=True)
class Plural:
    """A message whose words follow a number: a template per plural category."""

    one: str
    other: str | None = None
    few: str | None = None
    many: str | None = None
    by: str = "n"
    """The param holding the number."""

    def form(self, category: Category) -> str | None:
        """The template of `category`, if the message gives one."""
        form: str | None = getattr(self, category)
        return form

    def templates(self) -> tuple[str, ...]:
        """Every template it gives."""
        return tuple(t for t in (self.one, self.few, self.many, self.other) if t is not None)


Message = str | Plural
Catalogue = Mapping[str, Message]


def plural_category(lang: str, n: int | float | Decimal | str) -> Category:
    """The plural category of the number `n` in `lang`, by the CLDR rules.

    English: `one` for 1, `other` for everything else (0, 2, 1.5). Ukrainian: `one`
    for 1, 21, 31, … 101 (not 11, 111); `few` for 2–4, 22–24, … (not 12–14); `many`
    for 0, 5–20, 25–30, … 111–114; `other` for fractions. A number written as text
    ("1.0") counts its visible decimals, as CLDR's `v` does: "1.0" is `other`.
    """
    whole, visible = _operands(n)
    if lang == "uk":
        if visible:
            return "other"
        last, last_two = whole % 10, whole % 100
        if last == 1 and last_two != 11:
            return "one"
        if 2 <= last <= 4 and not 12 <= last_two <= 14:
            return "few"
        return "many"
    return "one" if whole == 1 and not visible else "other"


def _operands(n: int | float | Decimal | str) -> tuple[int, int]:
    """CLDR's `i` (the integer digits, absolute) and `v` (the number of visible
    fraction digits) of a number."""
    if isinstance(n, bool):
        raise TypeError("a plural needs a number, not a boolean")
    if isinstance(n, int):
        return abs(n), 0
    written = str(n) if isinstance(n, str) else format(Decimal(str(n)), "f")
    whole, _, fraction = written.lstrip("+-").partition(".")
    if isinstance(n, float) and fraction.strip("0") == "":
        fraction = ""  # 3.0 as a float is the number 3
    return int(whole or "0"), len(fraction)


# -- domains -------------------------------------------------------------------------


@dataclass
class Domain:
    """One catalogue: a module per language, each holding `MESSAGES`."""

    name: str
    modules: dict[str, str]
    """Language -> the module's dotted name."""

    def __post_init__(self) -> None:
        self._loaded: dict[str, dict[str, Message]] = {}

    def catalogue(self, lang: str) -> dict[str, Message]:
        """The messages of `lang` (loaded on first use; English for an unknown one)."""
        loaded = self._loaded.get(lang)
        if loaded is None:
            module = self.modules.get(lang) or self.modules[FALLBACK]
            messages: dict[str, Message] = import_module(module).MESSAGES
            loaded = self._loaded[lang] = messages
        return loaded


_DOMAINS: dict[str, Domain] = {}


def register(name: str, **modules: str) -> Domain:
    """Register the domain `name`: `modules` gives each language's module
    (`register("ui", en="wizard.core.i18n.en", uk="wizard.core.i18n.uk")`). The layer
    that owns the catalogue registers it; registering the same again changes nothing."""
    if set(modules) != set(LANGUAGES):
        raise ValueError(f"domain {name}: a module for each of {LANGUAGES}, got {sorted(modules)}")
    domain = _DOMAINS.get(name)
    if domain is None:
        domain = _DOMAINS[name] = Domain(name, dict(modules))
    elif domain.modules != modules:
        raise ValueError(f"domain {name} is already registered with other modules")
    return domain


def domains() -> tuple[Domain, ...]:
    """The domains registered so far."""
    return tuple(_DOMAINS.values())


def domain(name: str) -> Domain:
    """The registered domain `name` (KeyError when none is)."""
    return _DOMAINS[name]


# -- lookup ----------------------------------------------------------------------------


def strict() -> bool:
    """Whether a missing key or a bad placeholder raises (`PRESENCE_STRICT_TEXTS=1`)."""
    return os.environ.get(STRICT_VARIABLE, "") not in ("", "0")


def _fail(message: str) -> None:
    if strict():
        raise TextError(message)


def has(name: str, key: str, lang: str = FALLBACK) -> bool:
    """Whether domain `name` has `key` in `lang`."""
    return key in _DOMAINS[name].catalogue(lang)


def message(name: str, key: str, lang: str) -> Message | None:
    """The message at `key` of domain `name` in `lang`, falling back to English; None
    (or `TextError` under strict) when neither has it."""
    found = _DOMAINS[name].catalogue(lang).get(key)
    if found is None:
        _fail(f"{name}: no message {key!r} in {lang!r}")
        if lang != FALLBACK:
            found = _DOMAINS[name].catalogue(FALLBACK).get(key)
    return found


def text(name: str, key: str, lang: str, /, **params: object) -> str:
    """The message at `key` of domain `name` in `lang`, with `params` filled in.

    A `Plural` takes the form of its number's category (`params[by]`). A key missing
    in `lang` falls back to English, then to the key itself; a message that cannot be
    filled shows its placeholders as written (both raise `TextError` under strict).
    """
    found = message(name, key, lang)
    if found is None:
        return key
    return fill(found, params, lang=lang, domain=name, key=key)


def fill(
    found: Message,
    params: Mapping[str, object],
    *,
    lang: str,
    domain: str = "",
    key: str = "",
) -> str:
    """A message with its params filled in, in `lang` (plural form, words)."""
    if isinstance(found, Plural):
        count = params.get(found.by)
        category = _category_of(lang, count)
        if category is None:
            _fail(f"{domain}: {key!r} needs a number in {{{found.by}}}, got {count!r}")
            category = "other"
        template = _form_of(found, category, lang)
    else:
        template = found
    if not params and "{" not in template:
        return template
    try:
        if ":@" in template:
            return _WordFormatter(domain, lang).vformat(template, (), params)
        return template.format_map(params)
    except (KeyError, IndexError, ValueError, TypeError, AttributeError) as error:
        _fail(f"{domain}: {key!r} in {lang!r} cannot be filled ({type(error).__name__}: {error})")
        return template


def _category_of(lang: str, count: object) -> Category | None:
    """The plural category of `count`, None when it is not a number."""
    if isinstance(count, bool) or not isinstance(count, int | float | Decimal | str):
        return None
    try:
        return plural_category(lang, count)
    except (ValueError, ArithmeticError):
        return None


def _form_of(found: Plural, category: Category, lang: str) -> str:
    form = found.form(category)
    if form is None and category == "other":
        form = found.few if lang == "uk" else None
    return form or found.other or found.one


class _WordFormatter(string.Formatter):
    """Fills `{param:@family}` with the word at `family.<value>` of the same domain."""

    def __init__(self, domain: str, lang: str) -> None:
        self.domain = domain
        self.lang = lang

    def format_field(self, value: object, format_spec: str) -> str:
        if format_spec.startswith("@"):
            key = f"{format_spec[1:]}.{value}"
            word = message(self.domain, key, self.lang)
            if word is None:
                return str(value)
            return fill(word, {}, lang=self.lang, domain=self.domain, key=key)
        formatted: str = super().format_field(value, format_spec)
        return formatted


@dataclass(frozen=True)
class Phrase:
    """Words to be said later, in whatever language the reader has: a key of a domain
    and its params (a reason a file cannot be read, say, worded by each front end in
    its own language). `str()` is the English text."""

    domain: str
    key: str
    params: Mapping[str, object] = field(default_factory=dict, hash=False)

    def text(self, lang: str) -> str:
        """The phrase in `lang`."""
        return text(self.domain, self.key, lang, **self.params)

    def __str__(self) -> str:
        return self.text(FALLBACK)


# -- checks ----------------------------------------------------------------------------


def placeholders(template: str) -> set[str]:
    """The param names a template uses (`{name}`, `{name:@family}`)."""
    names = set()
    for _, name, _, _ in string.Formatter().parse(template):
        if name is not None and name != "":
            names.add(name.split(".", 1)[0].split("[", 1)[0])
    return names


def words(template: str) -> set[str]:
    """The word families a template uses (`{param:@family}` -> "family")."""
    return {
        spec[1:]
        for _, name, spec, _ in string.Formatter().parse(template)
        if name and spec and spec.startswith("@")
    }


def message_params(found: Message) -> set[str]:
    """Every param a message uses, its plural's number included."""
    if isinstance(found, Plural):
        used = {found.by}
        for template in found.templates():
            used |= placeholders(template)
        return used
    return placeholders(found)


def _template_problems(where: str, template: str) -> list[str]:
    try:
        parsed = list(string.Formatter().parse(template))
    except ValueError as error:
        return [f"{where}: not a template ({error})"]
    problems = []
    for _, name, spec, conversion in parsed:
        if name is None:
            continue
        if name == "" or name.isdigit():
            problems.append(f"{where}: a placeholder without a name")
        if conversion:
            problems.append(f"{where}: a conversion (!{conversion}) in {{{name}}}")
        if spec and not spec.startswith("@") and "{" in spec:
            problems.append(f"{where}: a nested placeholder in {{{name}}}")
    return problems


def check_catalogue(name: str, lang: str, catalogue: Catalogue) -> list[str]:
    """What is wrong in one catalogue on its own: templates that do not parse, plural
    forms its language lacks or does not have, words whose family has no key."""
    problems = []
    categories = set(CATEGORIES.get(lang, CATEGORIES[FALLBACK]))
    required = REQUIRED_FORMS.get(lang, REQUIRED_FORMS[FALLBACK])
    for key, found in catalogue.items():
        where = f"{name}/{lang}: {key}"
        if isinstance(found, Plural):
            given = {c for c in ("one", "few", "many", "other") if found.form(c) is not None}
            missing = [c for c in required if c not in given]
            extra = sorted(given - categories)
            if missing:
                problems.append(f"{where}: plural without the form(s) {', '.join(missing)}")
            if extra:
                problems.append(f"{where}: plural forms {', '.join(extra)} unknown in {lang}")
            templates: Iterable[str] = found.templates()
        elif isinstance(found, str):
            templates = (found,)
        else:
            problems.append(f"{where}: {type(found).__name__}, not a message")
            continue
        for template in templates:
            if not template.strip():
                problems.append(f"{where}: an empty message")
            wrong = _template_problems(where, template)
            problems += wrong
            if wrong:
                continue
            for family in words(template):
                if not any(other.startswith(family + ".") for other in catalogue):
                    problems.append(f"{where}: no words {family}.* for {{…:@{family}}}")
    return problems


def check_domain(name: str) -> list[str]:
    """Everything wrong in a domain: each catalogue on its own (`check_catalogue`), keys
    one language has and another not, a plural that counts another param in another
    language, params a translation invents (those the English message uses, or that its
    module's `MORE_PARAMS` says every caller gives)."""
    registered = _DOMAINS[name]
    catalogues = {lang: registered.catalogue(lang) for lang in LANGUAGES}
    problems = []
    for lang, catalogue in catalogues.items():
        problems += check_catalogue(name, lang, catalogue)
    english = catalogues[FALLBACK]
    given: Mapping[str, Iterable[str]] = getattr(
        import_module(registered.modules[FALLBACK]), "MORE_PARAMS", {}
    )
    for lang, catalogue in catalogues.items():
        if lang == FALLBACK:
            continue
        for key in sorted(set(english) - set(catalogue)):
            problems.append(f"{name}/{lang}: {key}: missing (English has it)")
        for key in sorted(set(catalogue) - set(english)):
            problems.append(f"{name}/{lang}: {key}: not in English")
        for key in sorted(set(english) & set(catalogue)):
            theirs, ours = english[key], catalogue[key]
            if isinstance(theirs, Plural) and isinstance(ours, Plural) and theirs.by != ours.by:
                problems.append(f"{name}/{lang}: {key}: counts {{{ours.by}}}, not {{{theirs.by}}}")
            invented = message_params(ours) - message_params(theirs) - set(given.get(key, ()))
            if invented:
                problems.append(
                    f"{name}/{lang}: {key}: params English does not give: {sorted(invented)}"
                )
    return problems


# The schemas layer's own catalogues: the problems found in a policy, the sections.
register("problems", en="schemas.texts.problems_en", uk="schemas.texts.problems_uk")
register("sections", en="schemas.texts.sections_en", uk="schemas.texts.sections_uk")
