"""The one text system (`schemas.texts`): every catalogue of every layer passes its checks,
plural forms are right in both languages for n = 0…200, a missing key or a bad
placeholder fails under tests and degrades for a person, words of params, phrases."""

from __future__ import annotations

import re
import string
from decimal import Decimal

import pytest

import exports.texts
import schemas.texts
import wizard.cli.texts
import wizard.core.i18n
from schemas.texts import (
    LANGUAGES,
    STRICT_VARIABLE,
    Phrase,
    Plural,
    TextError,
    check_catalogue,
    check_domain,
    domain,
    domains,
    fill,
    plural_category,
    text,
)

FRONTS = (schemas.texts, exports.texts, wizard.core.i18n, wizard.cli.texts)
"""The modules that register the catalogues (imported: their domains are registered)."""

DOMAINS = ("problems", "sections", "document", "files", "ui", "cli")


def test_every_layer_registers_its_catalogues() -> None:
    assert FRONTS
    assert sorted(d.name for d in domains()) == sorted(DOMAINS)


@pytest.mark.parametrize("name", DOMAINS)
def test_each_catalogue_passes_the_checks(name: str) -> None:
    """Same keys in both languages, parsable templates, plural forms complete, no param
    a translation invents, a word family for every `{…:@family}`."""
    assert check_domain(name) == []


def test_the_checks_find_what_is_wrong() -> None:
    broken: dict[str, str | Plural] = {
        "unparsable": "a {b",
        "positional": "a {0}",
        "no_other": Plural(one="{n} file"),
        "few_in_english": Plural(one="{n} file", other="{n} files", few="{n} filez"),
        "no_family": "a {x:@colour}",
        "empty": " ",
    }
    found = "\n".join(check_catalogue("test", "en", broken))
    for key in broken:
        assert f"test/en: {key}:" in found, key
    uk = "\n".join(check_catalogue("test", "uk", {"k": Plural(one="{n} файл", few="{n} файли")}))
    assert "plural without the form(s) many" in uk


# -- plural rules -----------------------------------------------------------------------

UK_ONE = {n for n in range(201) if str(n).endswith("1") and not str(n).endswith("11")}
UK_FEW = {
    n for n in range(201) if str(n)[-1] in "234" and not (len(str(n)) > 1 and str(n)[-2] == "1")
}
"""CLDR's Ukrainian, written from its samples rather than its formula: `one` ends in 1
but not 11 (1, 21, … 101, 121), `few` ends in 2–4 but not 12–14; the rest is `many`."""


def _expected(lang: str, n: int) -> str:
    if lang == "en":
        return "one" if n == 1 else "other"
    return "one" if n in UK_ONE else "few" if n in UK_FEW else "many"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_plural_categories_for_0_to_200(lang: str) -> None:
    assert [plural_category(lang, n) for n in range(201)] == [
        _expected(lang, n) for n in range(201)
    ]


def test_ukrainian_samples_and_fractions() -> None:
    assert [plural_category("uk", n) for n in (1, 2, 5, 11, 12, 14, 21, 22, 25, 111, 1001)] == [
        "one",
        "few",
        "many",
        "many",
        "many",
        "many",
        "one",
        "few",
        "many",
        "many",
        "one",
    ]
    assert plural_category("uk", 1.5) == "other"
    assert plural_category("uk", Decimal("2.50")) == "other"
    assert plural_category("uk", "1.0") == "other"  # visible decimals count (CLDR's v)
    assert plural_category("uk", 3.0) == "few"  # the float 3.0 is the number 3
    assert plural_category("en", "1.0") == "other"
    assert plural_category("en", -1) == "one"


def _plurals() -> list[tuple[str, str, str, Plural]]:
    found: list[tuple[str, str, str, Plural]] = []
    for registered in domains():
        for lang in LANGUAGES:
            for key, message in registered.catalogue(lang).items():
                if isinstance(message, Plural):
                    found.append((registered.name, lang, key, message))
    return found


class _Anything(dict[str, object]):
    """Params for any placeholder: its own name."""

    def __missing__(self, key: str) -> object:
        return f"<{key}>"


def test_there_are_plural_messages_in_every_front() -> None:
    assert {name for name, *_ in _plurals()} >= {"problems", "document", "ui", "cli"}


@pytest.mark.parametrize(
    ("name", "lang", "key", "message"),
    _plurals(),
    ids=[f"{name}/{lang}/{key}" for name, lang, key, _ in _plurals()],
)
def test_every_plural_message_for_0_to_200(name: str, lang: str, key: str, message: Plural) -> None:
    """Each n takes the form of its category, filled in; every form is used."""
    used = set()
    for n in range(201):
        category = _expected(lang, n)
        form = message.form(category)  # type: ignore[arg-type]
        assert form is not None, (n, category)
        used.add(category)
        params = _Anything({message.by: n})
        shown = text(name, key, lang, **{p: params[p] for p in _names(message)})
        assert shown == string.Formatter().vformat(form, (), params), n
        if f"{{{message.by}}}" in form:
            assert re.search(rf"(?<!\d){n}(?!\d)", shown), (n, shown)
    assert used == ({"one", "other"} if lang == "en" else {"one", "few", "many"})


def _names(message: Plural) -> set[str]:
    return {
        name
        for template in message.templates()
        for _, name, _, _ in string.Formatter().parse(template)
        if name
    } | {message.by}


def test_no_english_count_without_a_plural() -> None:
    """ "1 errors": an English message that puts a number before a noun it pluralises
    with -s is a `Plural`, whatever domain it is in."""
    wrong = []
    for registered in domains():
        for key, message in registered.catalogue("en").items():
            if isinstance(message, str) and re.search(r"\{(n|count)\} [a-z]+s\b", message):
                wrong.append(f"{registered.name}: {key}")
    assert wrong == []


def test_ukrainian_durations_take_their_forms() -> None:
    from exports.wording import format_minutes

    assert [format_minutes(n, "uk") for n in (1, 2, 5, 11, 21, 22, 25)] == [
        "1 хвилина",
        "2 хвилини",
        "5 хвилин",
        "11 хвилин",
        "21 хвилина",
        "22 хвилини",
        "25 хвилин",
    ]
    assert format_minutes(21 * 60, "uk", "genitive") == "21 години"
    assert format_minutes(1, "en") == "1 minute"
    assert format_minutes(121, "en") == "2 hours 1 minute"


# -- strict and forgiving ---------------------------------------------------------------


def test_strict_under_tests() -> None:
    with pytest.raises(TextError, match=r"no message 'nope'"):
        text("cli", "nope", "uk")
    with pytest.raises(TextError, match=r"exported"):
        text("cli", "exported", "en")  # {target} missing
    with pytest.raises(TextError, match=r"a number"):
        text("cli", "count.error", "en", n=None)
    with pytest.raises(TextError, match=r"expected\.mystery"):
        text("problems", "wrong_type", "uk", expected_type="mystery", found_type="string")


def test_forgiving_for_a_person(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(STRICT_VARIABLE)
    assert text("cli", "nope", "uk") == "nope"
    assert text("cli", "exported", "en") == "exported to {target}"
    assert text("cli", "count.error", "uk", n=None) == "None помилки"  # other: the few form
    assert fill("{a", {"a": 1}, lang="en") == "{a"
    said = text("problems", "wrong_type", "uk", expected_type="mystery", found_type="string")
    assert said == "очікується mystery, а записано рядок"


def test_a_key_only_english_has_falls_back_to_english(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(STRICT_VARIABLE)
    uk = domain("cli").catalogue("uk")
    monkeypatch.delitem(uk, "interrupted")
    assert text("cli", "interrupted", "uk") == "interrupted"


def test_words_of_params_in_the_message_language() -> None:
    params = {"expected_type": "integer", "found_type": "string", "expected": "", "found": ""}
    assert text("problems", "wrong_type", "uk", **params) == (
        "очікується ціле число, а записано рядок"
    )


def test_a_phrase_is_said_in_any_language() -> None:
    phrase = Phrase("files", "os.ENOSPC")
    assert str(phrase) == "no space left on device"
    assert phrase.text("uk") == "на диску не залишилося місця"
    assert Phrase("files", "os.ENOSPC") == phrase
