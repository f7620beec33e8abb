"""The secrets detector piece by piece: normalising, token formats, value shapes, exports."""

from __future__ import annotations

import pytest

from schemas import Problem
from schemas.secrets import (
    TOKEN_FORMATS,
    credential_shaped,
    exported_problems,
    exported_secrets,
    find_secret,
    left_out_of_export,
    looks_like_secret,
    looks_random,
    normalise,
    skeleton,
)

# --- normalising -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("pass\u200bword", "password"),
        ("pass\u00adword", "password"),
        ("pass\u2060\ufeffword", "password"),
        ("\u202epassword\u202c", "password"),
        ("ｐａｓｓｗｏｒｄ", "password"),
        ("Kyiv2024", "Kyiv2024"),
    ],
)
def test_normalise_removes_what_a_reader_does_not_see(text: str, expected: str) -> None:
    assert normalise(text) == expected


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("pаssword", "password"),  # Cyrillic а in a Latin word
        ("PАSSWОRD", "password"),  # Cyrillic А and О in capitals
        ("pаsswοrd", "password"),  # Cyrillic а and Greek ο
        ("пaроль", "пароль"),  # Latin a in a Cyrillic word
        ("ТОКЕН", "токен"),
        ("ключ АРІ", "ключ api"),
    ],
)
def test_look_alike_letters_share_a_skeleton(a: str, b: str) -> None:
    assert skeleton(a) == skeleton(b)
    assert len(skeleton(a)) == len(a)


def test_a_letter_that_lower_cases_to_two_keeps_the_positions() -> None:
    assert len(skeleton("İpassword")) == len("İpassword")


@pytest.mark.parametrize(
    "text",
    [
        "p\u0430ssword: Kolos77",  # Cyrillic а
        "\u0440\u0430\u0455\u0455word: Kolos77",  # Cyrillic р, а, ѕ
        "\u03a1ASSWORD: Kolos77",  # Greek Ρ
        "\u0430\u0440\u0456 \u043a\u0435\u0443: 7f3k9QmZ2x",  # "api key" in Cyrillic only
        "\u043fa\u0440\u043e\u043b\u044c: Kolos77",  # Latin a in пароль
        "ПАРОЛЬ: KOLOS77",
        "pass\u200b\u200bword\u00ad: Kolos77",
    ],
)
def test_a_disguised_secret_word_is_still_the_word(text: str) -> None:
    assert find_secret(text) == "word:strong"


# --- token formats -----------------------------------------------------------------------

SAMPLES = {
    "jwt": "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJzbW0ifQ.c2lnbmF0dXJlX29mX3RoZV90b2tlbg",
    "aws-access-key-id": "AKIAZGSYEBANND6YZ2EM",
    "github-token": "ghp_dggcG9qpVTzqA05MFsHl7UeioEJP2NNern66",
    "github-fine-grained-token": "github_pat_" + "St9cbMOeEeUtuieeCIxVc5_7VVTiY96vwfRE5e32" * 2,
    "gitlab-token": "glpat-tDbKPTF_n_pGz3cW0uAB",
    "slack-token": "xoxb-95461113930-955972979262-Ojt6o0NpUmkVO8JmR8y4EMfA",
    "slack-app-token": "xapp-1-A0123ABCDEF-1234567890-0a1b2c3d4e5f6a7b8c9d",
    "slack-webhook": "https://hooks.slack.com/services/TF4BOH55Q/BAXTJM7KV/Q7CF5puzQqmOBZZW6m",
    "discord-webhook": "https://discord.com/api/webhooks/123456789012/aBcDeFgHiJkLmNoPqRsTuV",
    "google-api-key": "AIzaOArr_SfiJvo58JB0W_O5PjeJfJTNcrZ6ydI",
    "google-oauth-secret": "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",
    "stripe-key": "sk_live_pXjYdOhCgOIPOZx9eRmm0Eql",
    "stripe-webhook-secret": "whsec_pXjYdOhCgOIPOZx9eRmm0Eql",
    "telegram-bot-token": "3166277306:AAR7PAmpBFXlNPHcSke4R1J-dBi2ewQr8t4",
    "private-key": "-----BEGIN EC PRIVATE KEY-----",
    "putty-private-key": "PuTTY-User-Key-File-3: ssh-ed25519",
    "openai-key": "sk-proj-_lC4LvGNWAMsI_z0oaWdfZp-lvi60ZIF8",
    "npm-token": "npm_Hn2INL2io6VOZw5luMu57mnXm4gi4piUfqyg",
    "sendgrid-key": "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",
    "mailchimp-key": "4e23acedbd6b0165debbc6530a2c6a88-us21",
    "meta-access-token": "EAAGB18AIYTimzORZbgmKRw609xhTGOWvGR1mZeEgbcW",
    "shopify-token": "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",
    "hugging-face-token": "hf_" + "abcdefghijklmnopqrstuvwxyzABCDEFGH",
    "twitter-bearer-token": "A" * 22 + "ARm1BcD3fGhI5kLmN7pQrS9tUvWxYz",
}


def test_every_token_format_has_a_sample() -> None:
    assert set(SAMPLES) == set(TOKEN_FORMATS)


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_each_token_format_is_found_in_prose(name: str) -> None:
    assert find_secret(f"Key for the site: {SAMPLES[name]} (rotate yearly)") == f"token:{name}"


@pytest.mark.parametrize(
    ("name", "token"),
    [
        *(
            ("aws-access-key-id", prefix + "ZGSYEBANND6YZ2EM")
            for prefix in ("AKIA", "ASIA", "ABIA", "ACCA", "AGPA", "AIDA", "AROA", "AIPA", "ANPA")
        ),
        ("aws-access-key-id", "A3TXZGSYEBANND6YZ2EM"),
        *(("github-token", f"gh{kind}_dggcG9qpVTzqA05MFsHl7UeioEJP2NNern66") for kind in "pousr"),
    ],
)
def test_every_prefix_of_a_token_format_is_found(name: str, token: str) -> None:
    """A format is searched for only in a text holding one of its strings: each prefix
    its pattern accepts must be among them."""
    assert find_secret(f"Keys: {token} (rotate yearly)") == f"token:{name}"


@pytest.mark.parametrize(
    "text",
    [
        "XAKIAZGSYEBANND6YZ2EM",  # inside a longer word
        "sk-proj-without-digits-anywhere-at-all",
        "They say the key is money, eye to eye",
        "hooks.slack.com/services/ without a path",
        "Order 12345678:ready",
    ],
)
def test_what_only_resembles_a_token_is_no_token(text: str) -> None:
    found = find_secret(text)
    assert found is None or not found.startswith("token:")


def test_an_aws_secret_key_needs_a_word_before_it() -> None:
    key = "IRlNQb0prFmbh7/wy5yq1XoY1BaIMcAxYmfsB4Hb"
    assert find_secret(f"AWS secret {key}") == "token:aws-secret-key"
    assert find_secret(f"aws_secret_access_key = {key}") == "token:aws-secret-key"


# --- the other rules ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("https://user:Kyiv2024@host", "url-credentials"),
        ("ftp://smm:p@files.example", "url-credentials"),
        ("Password: Kyiv2024", "word:strong"),
        ("Passphrase: correct horse battery staple", "word:phrase"),
        ("PIN: 4821", "word:code"),
        ("token: 9fK2mQ7xLp", "word:weak"),
        ("admin / Qwerty123!", "login-pair"),
        ("then 4e23acedbd6b0165debbc6530a2c6a88", "random"),
        ("https://user@host", None),
        ("https://host/path:with@sign", None),
    ],
)
def test_each_rule_names_itself(text: str, rule: str | None) -> None:
    assert find_secret(text) == rule


@pytest.mark.parametrize(
    ("word", "digits_count", "expected"),
    [
        ("Kyiv2024", False, True),
        ("hunter2", False, True),
        ("Ln8#qv", False, True),
        ("AbCdEfGh", False, True),
        ("4821", True, True),
        ("8302-1157", True, True),
        ("4821", False, False),
        ("YouTube", False, False),
        ("McDonald's", False, False),
        ("Dashlane", False, False),
        ("20%", True, False),
        ("₴55", True, False),
        ("2026-01-01", True, False),
        ("07:00", True, False),
        ("40-річна", False, False),
        ("750g", False, False),
        ("smm@northwind.example", False, False),
        ("#Kyiv2024", False, False),
        ("https://a.example/x1", False, False),
        ("ab1", False, False),
    ],
)
def test_credential_shapes(word: str, digits_count: bool, expected: bool) -> None:
    assert credential_shaped(word, digits_count=digits_count) is expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("4e23acedbd6b0165debbc6530a2c6a88", True),
        ("IRlNQb0prFmbh7/wy5yq1XoY1BaIMcAxYmfsB4Hb", True),
        ("aB3dE5-fG7hJ9-kL1mN3oP5q", True),
        ("NorthwindBakeryOldTownSaturdayClasses", False),
        ("UA213223130000026007233566001", False),
        ("NWB-Rye750g-Kyiv2026-v2b", False),
        ("IMG_20260314_083015.jpg", False),
        ("550e8400-e29b-41d4-a716-446655440000", False),
        ("instagram.com/northwind_bakery_2026_official", False),
        ("a1" * 5000, False),  # data, not a key someone pastes
    ],
)
def test_random_words(word: str, expected: bool) -> None:
    assert looks_random(word) is expected


def test_the_answer_is_the_same_with_the_cache_and_without() -> None:
    text = "Пароль — Kolos77"
    assert looks_like_secret(text)
    find_secret.cache_clear()
    assert looks_like_secret(text)


# --- what an export carries -------------------------------------------------------------------


def test_access_values_are_left_out_of_an_export_unless_asked_for() -> None:
    assert left_out_of_export("platforms[0].access", include_access=False)
    assert not left_out_of_export("platforms[0].access", include_access=True)
    assert not left_out_of_export("platforms[0].purpose", include_access=False)
    assert not left_out_of_export("document.accessibility", include_access=False)


def test_a_secret_in_a_left_out_access_value_is_not_the_exports_problem() -> None:
    problems = [
        Problem("platforms[0].access", "warning", "secret_value"),
        Problem("tools[0].access", "warning", "secret_value"),
        Problem("tools[0].recommendations", "warning", "secret_value"),
        Problem("platforms[1].owner", "warning", "no_owner"),
    ]
    kept = exported_problems(problems, include_access=False)
    assert [p.path for p in kept] == ["tools[0].recommendations", "platforms[1].owner"]
    assert exported_problems(problems, include_access=True) == problems
    assert exported_secrets(problems, include_access=False) == ["tools[0].recommendations"]
    assert exported_secrets(problems, include_access=True) == [
        "platforms[0].access",
        "tools[0].access",
        "tools[0].recommendations",
    ]
