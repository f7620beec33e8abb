"""Warnings: secrets, platforms without owner, hashtag limits, template braces, overdue review."""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path
from typing import Any

import pytest

from schemas import Problem, check_policy
from schemas.lint import looks_like_secret, unmatched_brace

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "rules"
TODAY = dt.date(2026, 11, 28)
SECRET_MESSAGE = "looks like a password; write where it is kept instead"


def example() -> dict[str, Any]:
    with (FIXTURES / "example-policy.toml").open("rb") as file:
        return tomllib.load(file)


def warnings(data: dict[str, Any], today: dt.date = TODAY) -> list[Problem]:
    problems = check_policy(data, today=today)
    return [p for p in problems if p.level == "warning"]


def warned(data: dict[str, Any], today: dt.date = TODAY) -> dict[str, str]:
    return {p.path: p.code for p in warnings(data, today)}


# --- secrets -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "login: bakery, password: Hunter22",
        "Password=Hunter22",
        "pass=qwerty123",
        "pwd: s3cr3t!",
        "пароль: Хліб2026",
        "Пароль — kolos2026",
        "token: 123456:ABC-DEF1234ghIkl",
        "API key = sk_live_abc",
        "api_key: abcd1234",
        "secret=abcd",
        "ghp_9aZ3kQ7xT1mB8vL2pR6sW4yN0cD5eF",
        "password for Instagram: hunter2",
        "Пароль від Instagram: Kvitka2024",
        "secret: Xk9#mq",
        "Secret key: correcthorse",
        "ключ: a1b2c3d4",
        "Токен — AbCdEfGh",
        "Login northwind, then 4f9a1c7e2b8d3f6a0c5e9b1d",
    ],
)
def test_a_secret_is_a_warning_at_its_path(text: str) -> None:
    data = example()
    data["platforms"][0]["access"] = text
    (problem,) = warnings(data)
    assert (problem.path, problem.code, problem.message) == (
        "platforms[0].access",
        "secret_value",
        SECRET_MESSAGE,
    )


@pytest.mark.parametrize(
    "text",
    [
        "Password manager, vault 'Social', item 'Instagram'",
        "password manager",
        "Менеджер паролів, сейф «Соцмережі»",
        "пароль у менеджері паролів",
        "Password: in the vault",
        "The password is kept by Jane",
        "Ask Jane for the token",
        "API key in 1Password",
        "https://www.instagram.com/northwind.bakery_official_2026_account",
        "jane.doe.northwind.2026@northwind.example",
        "#NorthwindBakeryOldTown2026",
        "NorthwindBakeryOldTownSaturdayClasses",
        "instagram.com/northwind_bakery_2026_official",
        "UA213223130000026007233566001",
        "Every day 07:00-20:00",
        "Secret: our sourdough starter is 40 years old",
        "Ключ: довіра клієнтів",
        "Ключ до успіху: довіра",
        "Password manager: Bitwarden",
        "Token — ask Jane",
    ],
)
def test_a_mere_mention_is_no_secret(text: str) -> None:
    assert not looks_like_secret(text)


def test_secrets_are_looked_for_in_every_string_field() -> None:
    data = example()
    data["mission"]["principles"].append("pwd: Bread2026!")
    data["communication"]["templates"][0]["situation"] = "token=abcdef123"
    data["communication"]["negative"]["escalation"][0]["contact"] = "Jane, пароль: kolos77"
    data["tools"][0]["url"] = "https://smm:Hunter22@buffer.com"
    assert warned(data) == {
        "mission.principles[2]": "secret_value",
        "tools[0].url": "secret_value",
        "communication.templates[0].situation": "secret_value",
        "communication.negative.escalation[0].contact": "secret_value",
    }


def test_a_value_of_a_wrong_type_or_an_unknown_key_is_not_scanned() -> None:
    data = example()
    data["platforms"][0]["access"] = ["password: Hunter22"]
    data["platforms"][0]["notes"] = "password: Hunter22"
    problems = check_policy(data, today=TODAY)
    assert {(p.level, p.path) for p in problems} == {
        ("error", "platforms[0].access"),
        ("error", "platforms[0].notes"),
    }


# --- platforms ---------------------------------------------------------------------


@pytest.mark.parametrize("status", [None, "active", " "])
def test_an_active_platform_needs_an_owner(status: str | None) -> None:
    data = example()
    del data["platforms"][0]["owner"]
    if status is not None:
        data["platforms"][0]["status"] = status
    else:
        del data["platforms"][0]["status"]
    (problem,) = warnings(data)
    assert (problem.path, problem.code) == ("platforms[0].owner", "no_owner")
    assert problem.message == "an active platform needs an owner: who runs the account"


@pytest.mark.parametrize("status", ["planned", "paused", "activ"])
def test_a_platform_that_is_not_active_needs_no_owner(status: str) -> None:
    data = example()
    del data["platforms"][0]["owner"]
    data["platforms"][0]["status"] = status
    assert warnings(data) == []


def test_a_blank_owner_counts_as_absent() -> None:
    data = example()
    data["platforms"][0]["owner"] = "  "
    assert warned(data) == {"platforms[0].owner": "no_owner"}


def test_two_factor_off_on_an_active_platform() -> None:
    data = example()
    data["platforms"][0]["two_factor"] = False
    data["platforms"][1]["two_factor"] = False  # planned: no advice
    assert warned(data) == {"platforms[0].two_factor": "two_factor_off"}


# --- hashtags per platform ---------------------------------------------------------


@pytest.mark.parametrize(
    ("platforms", "count", "warning"),
    [
        (["Instagram"], 5, None),
        (["Instagram"], 6, "6 hashtags, but Instagram allows at most 5"),
        (["instagram", "Telegram"], 6, "6 hashtags, but instagram allows at most 5"),
        (["Threads"], 1, None),
        (["Threads", "Instagram"], 2, "2 hashtags, but Threads allows at most 1"),
        (["YouTube"], 15, None),
        (["YOUTUBE"], 16, "16 hashtags, but YOUTUBE allows at most 15"),
        (["Telegram"], 40, None),
    ],
)
def test_a_rubric_hashtag_list_longer_than_a_platform_shows(
    platforms: list[str], count: int, warning: str | None
) -> None:
    data = example()
    data["platforms"] += [{"name": "Threads", "owner": "x"}, {"name": "YouTube", "owner": "x"}]
    rubric = data["content"]["rubrics"][0]
    rubric["platforms"] = platforms
    rubric["hashtags"] = [f"#tag{i}" for i in range(count)]
    found = [(p.path, p.message) for p in warnings(data)]
    assert found == ([("content.rubrics[0].hashtags", warning)] if warning else [])


# --- templates, review date --------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "brace"),
    [
        ("Thank you, {name}!", None),
        ("{a}{b} {{c}}", None),
        ("no placeholders", None),
        ("Thank you, {name!", "{"),
        ("Thank you, name}!", "}"),
        ("}{", "}"),
        ("{a}{", "{"),
    ],
)
def test_unmatched_braces(text: str, brace: str | None) -> None:
    assert unmatched_brace(text) == brace
    data = example()
    data["communication"]["templates"][1]["text"] = text
    expected = (
        [
            (
                "communication.templates[1].text",
                f'unmatched "{brace}" in the text; write placeholders as {{name}}',
            )
        ]
        if brace
        else []
    )
    assert [(p.path, p.message) for p in warnings(data)] == expected


def test_review_by_in_the_past() -> None:
    data = example()
    assert warnings(data, today=dt.date(2027, 12, 1)) == []
    (problem,) = warnings(data, today=dt.date(2027, 12, 2))
    assert (problem.path, problem.code, problem.message) == (
        "document.review_by",
        "review_overdue",
        "2027-12-01 is in the past: the policy is due for review",
    )


def test_no_warning_where_the_value_already_has_an_error() -> None:
    data = example()
    data["document"]["review_by"] = dt.date(2020, 1, 1)  # before effective_on: an error
    problems = check_policy(data, today=TODAY)
    assert [(p.level, p.path) for p in problems] == [("error", "document.review_by")]


def test_the_example_gives_no_warning() -> None:
    assert warnings(example()) == []


# --- findings kept per string ------------------------------------------------------


@pytest.mark.parametrize("filler", ["", "We bake. " * 300])
def test_a_string_gives_the_same_findings_each_check_short_or_long(filler: str) -> None:
    """Findings are kept per string up to `KEPT_LENGTH` characters; a longer one is
    looked at each time. Either way a second check says what the first did, and a
    string changed back is judged as it is now."""
    data = example()
    data["mission"]["statement"] = f"{filler}We bake.\x1b[2J"
    data["communication"]["templates"][0]["situation"] = "login: bakery, password: Hunter22"
    first = warned(data)
    assert first["mission.statement"] == "control_characters"
    assert first["communication.templates[0].situation"] == "secret_value"
    assert warned(data) == first
    data["mission"]["statement"] = f"{filler}We bake."
    data["communication"]["templates"][0]["situation"] = "A question about the price"
    again = warned(data)
    assert "mission.statement" not in again
    assert "communication.templates[0].situation" not in again
