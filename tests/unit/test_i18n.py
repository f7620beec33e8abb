"""The interface catalogues: the checks of the one text system (same keys and params in
both languages, plural forms complete), no unused keys, the spec's section headings,
`t()` strict under tests and forgiving for a person."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from schemas import model
from schemas.problems import LEVELS
from schemas.sections import HEADED, heading
from schemas.texts import STRICT_VARIABLE, Plural, TextError, check_domain, message_params
from wizard.core.flow import SIDEBAR_SECTIONS, STEPS, steps_of
from wizard.core.i18n import CATALOGUES, UI, detect_language, get_language, set_language, t
from wizard.core.i18n.en import MESSAGES as EN
from wizard.core.i18n.uk import MESSAGES as UK

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE_FILES = {ROOT / "wizard" / "i18n" / "en.py", ROOT / "wizard" / "i18n" / "uk.py"}

CHOICES: dict[str, tuple[str, ...]] = {
    "language": model.LANGUAGES,
    "goal": model.GOALS,
    "style": model.STYLES,
    "address": model.ADDRESSES,
    "emoji": model.EMOJI_USES,
    "status": model.PLATFORM_STATUSES,
    "category": model.TOOL_CATEGORIES,
    "autonomy": model.AUTONOMY_LEVELS,
    "per": model.PERIODS,
    "weekday": model.WEEKDAYS,
}
"""Choice families of the catalogue and the model's values for each."""


def _sources(*folders: str) -> str:
    return "\n".join(
        path.read_text(encoding="utf-8")
        for folder in folders
        for path in sorted((ROOT / folder).rglob("*.py"))
        if path not in CATALOGUE_FILES
    )


def _forms(message: str | Plural) -> tuple[str, ...]:
    return message.templates() if isinstance(message, Plural) else (message,)


def _dynamic_keys() -> set[str]:
    keys: set[str] = set()
    for section in SIDEBAR_SECTIONS:
        keys |= {f"section.{section}.{part}" for part in ("title", "short", "intro")}
    for step in STEPS:
        if len(steps_of(step.section)) > 1:
            keys.add(f"step.{step.name}.title")
    for family, values in CHOICES.items():
        keys |= {f"choice.{family}.{value}" for value in values}
    keys |= {f"choice.style.{value}.help" for value in model.STYLES}
    keys |= {f"language.{lang}" for lang in CATALOGUES}
    keys |= {f"review.level.{level}" for level in LEVELS}
    return keys


def test_the_catalogues_pass_the_text_systems_checks() -> None:
    """Same keys in both, no param a translation invents, plural forms complete."""
    assert check_domain(UI) == []


def test_same_params_in_both_languages() -> None:
    differ = {key: (message_params(EN[key]), message_params(UK[key])) for key in EN if key in UK}
    assert {k: v for k, v in differ.items() if v[0] != v[1]} == {}


def test_no_empty_or_untranslated_text() -> None:
    forms = [(key, form) for key, text in {**EN, **UK}.items() for form in _forms(text)]
    assert [key for key, form in forms if not form.strip()] == []
    same = [
        key
        for key in EN
        if EN[key] == UK.get(key)
        and any(re.search("[a-z]{4}", re.sub(r"\{\w+\}", "", f)) for f in _forms(EN[key]))
        and not key.startswith("language.")
    ]
    assert same == []


def test_dynamic_keys_exist() -> None:
    assert sorted(_dynamic_keys() - set(EN)) == []


def test_field_keys_of_every_declared_field() -> None:
    source = _sources("screens")
    paths = set(re.findall(r'FieldSpec\(\s*"([^"]+)"', source))
    paths |= set(re.findall(r'ListEditor\(\s*self\.state,\s*"([^"]+)"', source))
    assert "document.company" in paths and "mission.values.name" in paths
    wanted = {f"{kind}.{path}" for path in paths for kind in ("field", "help")}
    assert sorted(wanted - set(EN)) == []


def test_no_unused_keys() -> None:
    source = _sources("wizard", "screens")
    literals = set(re.findall(r'"([^"\n]+)"', source))
    dynamic = _dynamic_keys()
    unused = []
    for key in EN:
        if key in literals or key in dynamic:
            continue
        family, _, path = key.partition(".")
        if family in ("field", "help") and path in literals:
            continue
        unused.append(key)
    assert unused == []


def test_section_titles_are_the_spec_headings() -> None:
    for lang in CATALOGUES:
        for section in HEADED:
            assert CATALOGUES[lang][f"section.{section}.title"] == heading(section, lang)


def test_t_fills_params_and_plural_forms() -> None:
    previous = get_language()
    try:
        set_language("uk")
        assert t("status.missing", n=3) == "бракує: 3"
        assert [t("status.errors", n=n) for n in (1, 2, 5, 11, 21, 22, 25)] == [
            "1 помилка",
            "2 помилки",
            "5 помилок",
            "11 помилок",
            "21 помилка",
            "22 помилки",
            "25 помилок",
        ]
        set_language("en")
        assert t("save.done", path="a.toml") == "Saved to a.toml"
        assert [t("status.errors", n=n) for n in (0, 1, 2, 21)] == [
            "0 errors",
            "1 error",
            "2 errors",
            "21 errors",
        ]
    finally:
        set_language(previous)


def test_t_fails_loudly_under_tests_on_a_missing_key_or_param() -> None:
    with pytest.raises(TextError, match=r"Not a key"):
        t("Not a key")
    with pytest.raises(TextError, match=r"save\.done"):
        t("save.done")  # {path} not given
    with pytest.raises(TextError, match=r"status\.errors"):
        t("status.errors")  # the plural's number not given


def test_t_degrades_gracefully_for_a_person(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without the tests' strict switch, nothing raises: the key, or the template."""
    monkeypatch.delenv(STRICT_VARIABLE)
    assert t("Not a key") == "Not a key"
    assert t("save.done") == "Saved to {path}"
    assert t("status.errors", n="several") == "several errors"  # the "other" form
    assert t("status.errors") == "{n} errors"


@pytest.mark.parametrize(
    ("environ", "lang"),
    [
        ({"LANG": "uk_UA.UTF-8"}, "uk"),
        ({"LC_ALL": "en_US.UTF-8", "LANG": "uk_UA.UTF-8"}, "en"),
        ({"LC_MESSAGES": "uk_UA"}, "uk"),
        ({"LANG": "de_DE.UTF-8"}, "en"),
        ({}, "en"),
    ],
)
def test_detect_language(environ: dict[str, str], lang: str) -> None:
    assert detect_language(environ) == lang


def test_texts_shown_without_params_hold_no_placeholder() -> None:
    """Field labels, help lines, section texts and choices are looked up without params:
    a brace in them is written `{{` (a placeholder there could never be filled)."""
    families = ("field.", "help.", "section.", "choice.", "step.", "language.")
    holding = {
        f"{lang}: {key}"
        for lang, catalogue in (("en", EN), ("uk", UK))
        for key, text in catalogue.items()
        if key.startswith(families)
        and key != "step.counter"
        and any(message_params(form) for form in _forms(text))
    }
    assert holding == set()
