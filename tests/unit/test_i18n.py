"""The message catalogues: same keys and params in both languages, no unused keys,
a translation for every problem code, the spec's section headings."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

import schemas
from schemas import model
from schemas.problems import LEVELS
from schemas.problems import MESSAGES as PROBLEM_MESSAGES
from schemas.sections import SECTION_HEADINGS
from wizard.core.flow import SIDEBAR_SECTIONS, STEPS, steps_of
from wizard.core.i18n import CATALOGUES, detect_language, get_language, set_language, t
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


def _params(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


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
    keys |= {f"problem.{code}" for code in PROBLEM_MESSAGES}
    keys |= {f"review.level.{level}" for level in LEVELS}
    return keys


def test_same_keys_in_both_languages() -> None:
    assert sorted(set(EN) - set(UK)) == []
    assert sorted(set(UK) - set(EN)) == []


def test_same_params_in_both_languages() -> None:
    differ = {key: (_params(EN[key]), _params(UK[key])) for key in EN if key in UK}
    assert {k: v for k, v in differ.items() if v[0] != v[1]} == {}


def test_no_empty_or_untranslated_text() -> None:
    assert [key for key, text in {**EN, **UK}.items() if not text.strip()] == []
    same = [
        key
        for key in EN
        if EN[key] == UK.get(key)
        and re.search("[a-z]{4}", re.sub(r"\{\w+\}", "", EN[key]))
        and not key.startswith("language.")
    ]
    assert same == []


def test_every_problem_code_is_translated() -> None:
    assert schemas.MESSAGES is PROBLEM_MESSAGES
    assert PROBLEM_MESSAGES, "schemas.MESSAGES is empty"
    missing = sorted(code for code in PROBLEM_MESSAGES if f"problem.{code}" not in EN)
    assert missing == []
    params = {
        code: (_params(PROBLEM_MESSAGES[code]), _params(EN[f"problem.{code}"]))
        for code in PROBLEM_MESSAGES
    }
    # the translation may leave out a parameter (such as the key path) but never invent one
    assert {code: p for code, p in params.items() if not p[1] <= p[0]} == {}


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
    for lang, headings in SECTION_HEADINGS.items():
        for section, heading in headings.items():
            assert CATALOGUES[lang][f"section.{section}.title"] == heading


def test_t_fills_params_and_passes_unknown_text() -> None:
    previous = get_language()
    try:
        set_language("uk")
        assert t("status.missing", n=3) == "бракує: 3"
        assert t("Not a key") == "Not a key"
        set_language("en")
        assert t("save.done", path="a.toml") == "Saved to a.toml"
    finally:
        set_language(previous)


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
