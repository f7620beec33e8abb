"""Whether a text holds a password, token or key: the `secret_value` warning's detector.

A policy is handed to contractors, so it must say where a login is kept, never the
login itself. `find_secret(text)` names the first rule that finds a secret in a text:

1. **Token formats** that maintained scanners publish (gitleaks, detect-secrets):
   JWT, AWS access key ids and secret keys, GitHub, GitLab, Slack (tokens and
   webhooks), Google, Stripe, Telegram bot, OpenAI, npm, SendGrid, Meta tokens, and
   private-key blocks (`TOKEN_FORMATS`).
2. **Credentials in a URL** (`scheme://user:password@host`), anywhere in any text.
3. **Secret words** in English and Ukrainian — password, passphrase, PIN, passcode,
   API key, token, secret, backup codes; пароль, парольна фраза, ключ API, токен,
   пін-код, резервні коди… — followed by a value that looks like a credential:
   `password: Kyiv2024`, `the password is Kyiv2024`, `password Kyiv2024`, «з паролем:
   Хліб_2026», `password for Instagram account: sunrise88`, `PIN: 4821`.
4. **A login / password pair**: `admin / Qwerty123!`.
5. **A long random word**: letters and digits mixed irregularly (or a long hex string),
   not an address, a hashtag or a code made of readable parts (a SKU, a file name).

The text is first normalised (`normalise`): NFKC, then zero-width and other invisible
characters removed, so `pass\\u200bword` is `password`. The words are looked for in its
`skeleton`: lower case, with Cyrillic and Greek letters that look like Latin ones
(а, е, о, р, с, х, і…) folded to their Latin twins, in the text and in the words alike —
so `pаssword` with a Cyrillic а and `пaроль` with a Latin a are still the words. Values
are judged as written (their capitals and digits tell a credential from a word).

Every search costs time in proportion to the text: token patterns start with their
fixed prefix and are tried only on a text holding it, repeats are bounded, the secret
words are sought after a non-letter, and the same words twice are judged once.

What is never a secret: a mention of where a secret is kept or who holds it
("Password: Dashlane", "in 1Password", «у менеджері паролів», "ask the office
manager"), a value after a word that is also a plain word ("Bus pass — free for
kids", "Token of appreciation: 20% off", "Secret: our starter is 40 years old")
unless the value looks like a credential, numbers that are prices, percentages, dates
or times, a phrase of ordinary words after `password:`.
"""

from __future__ import annotations

import functools
import itertools
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from schemas.problems import Problem

SECRET_CODE = "secret_value"
"""The problem code of a value that looks like a password or token."""

ACCESS_KEY = "access"
"""The key of where a login is kept: left out of an export unless asked for."""

# --- normalising ------------------------------------------------------------------------

_INVISIBLE = re.compile(
    "[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e"
    "\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufff8\U000e0000-\U000e0fff]"
)
"""Zero-width and other invisible characters (soft hyphen, joiners, bidi controls,
variation selectors, tags): nothing a reader sees, so nothing a word is without."""

_TWINS = str.maketrans(
    "аеорсухіјѕԁԛԝһӏкαορνιυχκ",  # Cyrillic, Greek
    "aeopcyxijsdqwhlkaopviuxk",
)
"""Lower-case Cyrillic and Greek letters that look like Latin ones, to their Latin twin."""


def normalise(text: str) -> str:
    """NFKC, then the invisible characters removed: `pass\u200bword` is `password`.

    Case and script are kept: the shape of a value (capitals, digits) tells a
    credential from a word.
    """
    if not unicodedata.is_normalized("NFKC", text):
        text = unicodedata.normalize("NFKC", text)
    return _INVISIBLE.sub("", text) if _INVISIBLE.search(text) else text


def _lower(text: str) -> str:
    lower = text.lower()
    if len(lower) != len(text):  # a letter that lower-cases to two (İ): keep it
        lower = "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)
    return lower


def skeleton(text: str) -> str:
    """The text in lower case with look-alike letters folded to Latin, one character for
    one (so positions match): `pаssword` with a Cyrillic а and `password` have the same
    skeleton, as do `пaроль` with a Latin a and `пароль`."""
    return _lower(text).translate(_TWINS)


_NEEDS_FOLDING = re.compile(
    "[a-z][\u0370-\u052f]|[\u0370-\u052f][a-z]|[\u0455\u0458\u0501\u051b\u051d\u04bb\u04cf"
    "\u0370-\u03ff]|\u0430\u0440[\u0440\u0456]"
)
"""Where a lower-case text may hide a Latin secret word in look-alike letters: a Latin
letter next to a Cyrillic or Greek one (`pаssword`), a Cyrillic letter Ukrainian does
not use but that looks Latin (ѕ, ј, ԁ, ԛ, ԝ, һ, ӏ), Greek, or `арр` / `арі` (`api key`
in Cyrillic letters only). Any other word is in one script and is matched as written:
folding a whole text costs more than all the searches."""


_GREEK_OR_CYRILLIC = re.compile("[\u0370-\u052f]")


def _searchable(text: str) -> tuple[str, bool]:
    """The text the secret words are looked for in, and whether it is the skeleton."""
    lower = _lower(text)
    if _GREEK_OR_CYRILLIC.search(lower) and _NEEDS_FOLDING.search(lower):
        return lower.translate(_TWINS), True
    return lower, False


# --- 1. token formats -------------------------------------------------------------------

_TOKEN_CHAR = "A-Za-z0-9_-"
_E = rf"(?![{_TOKEN_CHAR}])"
"""A token ends before a character that could be part of it."""


def _starting(literal: str) -> str:
    """`literal` at the start of a token: not after a character a token holds. The
    literal comes first, so the pattern is searched for as fast as a plain string."""
    escaped = re.escape(literal)
    return rf"{escaped}(?<![{_TOKEN_CHAR}]{escaped})"


_AWS_PREFIXES = ("AKIA", "ASIA", "ABIA", "ACCA", "AGPA", "AIDA", "AROA", "AIPA", "ANPA")
_GITHUB_KINDS = "pousr"

TOKEN_FORMATS: dict[str, str] = {
    "jwt": _starting("ey")
    + r"[A-Za-z0-9_-]{10,2000}\.ey[A-Za-z0-9_-]{10,4000}\.(?:[A-Za-z0-9_/+-]{10,2000}={0,2})?",
    "aws-access-key-id": "|".join(
        _starting(prefix) + rf"[A-Z2-7]{{{20 - len(prefix)}}}{_E}" for prefix in _AWS_PREFIXES
    )
    + "|"
    + _starting("A3T")
    + rf"[A-Z0-9][A-Z2-7]{{16}}{_E}",
    "github-token": "|".join(
        _starting(f"gh{kind}_") + rf"[A-Za-z0-9]{{36,255}}{_E}" for kind in _GITHUB_KINDS
    ),
    "github-fine-grained-token": _starting("github_pat_") + rf"[A-Za-z0-9_]{{60,255}}{_E}",
    "gitlab-token": _starting("glpat-") + r"[A-Za-z0-9_-]{20}",
    "slack-token": "|".join(
        _starting(f"xox{kind}-") + r"[0-9A-Za-z-]{10,250}" for kind in "abeoprs"
    ),
    "slack-app-token": _starting("xapp-") + r"\d-[A-Z0-9]{1,40}-\d{1,20}-[a-z0-9]{10,100}",
    "slack-webhook": r"hooks\.slack\.com/(?:services|workflows|triggers)/[A-Za-z0-9+/_-]{20,200}",
    "discord-webhook": r"discord(?:app)?\.com/api/webhooks/\d{5,30}/[A-Za-z0-9_-]{20,200}",
    "google-api-key": _starting("AIza") + rf"[0-9A-Za-z_-]{{35}}{_E}",
    "google-oauth-secret": _starting("GOCSPX-") + r"[A-Za-z0-9_-]{28}",
    "stripe-key": "|".join(
        _starting(f"{kind}_{mode}_") + rf"[0-9A-Za-z]{{10,247}}{_E}"
        for kind in ("sk", "rk")
        for mode in ("live", "test", "prod")
    ),
    "stripe-webhook-secret": _starting("whsec_") + rf"[A-Za-z0-9]{{24,255}}{_E}",
    "telegram-bot-token": r":(?<=\d{8}:)(?<!\d{11}:)[A-Za-z0-9_-]{35}" + _E,
    "private-key": r"-----BEGIN[ A-Z0-9]{0,40}PRIVATE KEY(?: BLOCK)?-----",
    "putty-private-key": r"PuTTY-User-Key-File-\d",
    "openai-key": _starting("sk-") + r"(?:proj-|svcacct-|admin-|ant-)?[A-Za-z0-9_-]{20,255}",
    "npm-token": _starting("npm_") + rf"[A-Za-z0-9]{{36}}{_E}",
    "sendgrid-key": _starting("SG.") + rf"[A-Za-z0-9_-]{{22}}\.[A-Za-z0-9_-]{{43}}{_E}",
    "mailchimp-key": r"-us(?<=[0-9a-f]{32}-us)(?<![A-Za-z0-9_-][0-9a-f]{32}-us)\d{1,2}" + _E,
    "meta-access-token": _starting("EAA") + rf"[A-Za-z0-9]{{30,500}}{_E}",
    "shopify-token": "|".join(
        _starting(f"shp{kind}_") + rf"[a-fA-F0-9]{{32}}{_E}" for kind in ("at", "ca", "pa", "ss")
    ),
    "hugging-face-token": _starting("hf_") + rf"[A-Za-z]{{34}}{_E}",
    "twitter-bearer-token": _starting("A" * 22) + r"[A-Za-z0-9%]{30,500}",
}
"""Token formats as scanners publish them (gitleaks, detect-secrets; the patterns are
written for this module). Each starts with its fixed prefix, and every repeat is
bounded, so a search costs time in proportion to the text."""

_TOKEN_LITERALS: dict[str, tuple[str, ...]] = {
    "jwt": ("ey",),
    "aws-access-key-id": (*_AWS_PREFIXES, "A3T"),
    "github-token": tuple(f"gh{kind}_" for kind in _GITHUB_KINDS),
    "github-fine-grained-token": ("github_pat_",),
    "gitlab-token": ("glpat-",),
    "slack-token": ("xox",),
    "slack-app-token": ("xapp-",),
    "slack-webhook": ("hooks.slack.com/",),
    "discord-webhook": ("discord",),
    "google-api-key": ("AIza",),
    "google-oauth-secret": ("GOCSPX-",),
    "stripe-key": ("sk_", "rk_"),
    "stripe-webhook-secret": ("whsec_",),
    "telegram-bot-token": (":",),
    "private-key": ("-----BEGIN",),
    "putty-private-key": ("PuTTY-User-Key-File-",),
    "openai-key": ("sk-",),
    "npm-token": ("npm_",),
    "sendgrid-key": ("SG.",),
    "mailchimp-key": ("-us",),
    "meta-access-token": ("EAA",),
    "shopify-token": ("shp",),
    "hugging-face-token": ("hf_",),
    "twitter-bearer-token": ("A" * 22,),
}
"""A string each format's tokens hold: a format is searched for only in a text that
holds one of its strings (a plain string search, many times faster than a pattern)."""

_TOKENS: tuple[tuple[str, tuple[str, ...]], ...] = tuple(
    (name, _TOKEN_LITERALS[name]) for name in TOKEN_FORMATS
)


@functools.cache
def _token_pattern(name: str) -> re.Pattern[str]:
    """A format's pattern, compiled the first time a text holds one of its strings (the
    56 patterns of this module cost 15 ms to compile, most of a headless command's own
    time; a policy's texts hold the strings of a few formats, if any)."""
    return re.compile(TOKEN_FORMATS[name])


_NEEDS_DIGITS = frozenset({"openai-key", "meta-access-token"})
"""Formats whose prefix an ordinary word could start: a match needs digits too."""

_BASE64_40 = re.compile(r"(?<![A-Za-z0-9/+])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])")
_AWS_WORDS = ("aws", "secret", "akia", "asia")
AWS_CONTEXT_CHARS = 80
"""How far before a 40-character key a word naming AWS or a secret is looked for."""


def _token_format(text: str, skel: str) -> str | None:
    for name, literals in _TOKENS:
        if not any(literal in text for literal in literals):
            continue
        for match in _token_pattern(name).finditer(text):
            if name not in _NEEDS_DIGITS or any(ch.isdigit() for ch in match.group()):
                return name
    if any(word in skel for word in _AWS_WORDS):
        for match in _BASE64_40.finditer(text):
            before = skel[max(0, match.start() - AWS_CONTEXT_CHARS) : match.start()]
            if _mixed_classes(match.group()) and any(word in before for word in _AWS_WORDS):
                return "aws-secret-key"
    return None


def _mixed_classes(word: str) -> bool:
    return (
        any(ch.isupper() for ch in word)
        and any(ch.islower() for ch in word)
        and any(ch.isdigit() for ch in word)
    )


# --- 2. credentials in a URL --------------------------------------------------------------

_URL_CREDENTIALS = re.compile(r"://(?<=[A-Za-z0-9]://)[^\s/?#@:]{1,256}:[^\s/?#@]{1,256}@")
"""`scheme://user:password@` with a password that is not empty."""


# --- 3. secret words ----------------------------------------------------------------------

_PHRASE = "phrase"
"""A passphrase: a phrase of ordinary words is the secret itself."""
_STRONG = "strong"
"""A word that names a password or key: any single word after `:` counts."""
_CODE = "code"
"""A PIN or a code: digits alone count."""
_WEAK = "weak"
"""A word that is also a plain word (pass, secret, token, ключ): only a credential counts."""


_SECRET_WORDS = (
    r"(?P<keyword>(?=[psrmacbvo2tkпткcроа])(?:"
    r"(?P<phrase>pass[\s_-]?phrases?|(?:seed|recovery|mnemonic)[\s_-]phrases?"
    r"|(?:парольн|кодов|секретн)\w*\s+фраз\w*|сид[\s-]фраз\w*)"
    r"|(?P<strong>pass[\s_-]?words?|passwd|passwort|pwd"
    r"|(?:api|app|client|secret|access|private|auth|bearer|refresh|session)[\s_-]?"
    r"(?:keys?|tokens?|secrets?)"
    r"|парол\w*|(?:ключ|токен)\w*\s+(?:api|апі|доступу)|(?:api|апі)[\s-]?(?:ключ|токен)\w*"
    r"|(?:секретн|приватн)\w*\s+ключ\w*)"
    r"|(?P<code>pin(?:[\s-]?(?:code|код\w*))?|пін(?:[\s-]?код\w*)?|passcodes?"
    r"|(?:backup|recovery|verification|security|access|one[\s-]time|2fa|two[\s-]factor"
    r"|otp|mfa|sms)[\s_-]codes?"
    r"|(?:резервн|одноразов)\w*\s+код\w*|код\w*\s+(?:відновлення|доступу|підтвердження|безпеки))"
    r"|(?P<weak>pass|secrets?|tokens?|секрет\w*|токен\w*|ключ\w*)"
    r"))(?![^\W_])"
)
_BEFORE_A_WORD = r"[^a-z\u0430-\u044f\u0456\u0457\u0454\u04910-9]"
"""A character that is not a (lower-case) letter or digit: a secret word comes after one."""


@dataclass(frozen=True)
class _WordPatterns:
    """The patterns of the secret words and what follows them, for one form of text."""

    keyword: re.Pattern[str]
    """A secret word after a character that is not a letter or digit. The character class
    first and the look-ahead naming the first letters of all the words let the search
    skip fast."""
    keyword_first: re.Pattern[str]
    """The same at the very start of the text."""
    hard: re.Pattern[str]
    """A `:`, `=` or dash after the word (and its qualifier): what follows is its value."""
    soft: re.Pattern[str]
    """Only a space (or "is") after the word: what follows counts when it is a credential."""


def _word_patterns(folded: bool) -> _WordPatterns:
    """The patterns for text in lower case (`folded`: and in its skeleton)."""

    def compiled(pattern: str) -> re.Pattern[str]:
        return re.compile(pattern.translate(_TWINS) if folded else pattern)

    return _WordPatterns(
        keyword=compiled(_BEFORE_A_WORD + _SECRET_WORDS),
        keyword_first=compiled(_SECRET_WORDS),
        hard=compiled(
            rf"(?P<qualifier>(?:\s+[^\s:=—–,;()]{{1,40}}){{0,{_QUALIFIER_WORDS}}}?)"
            r"\s*(?:(?:is|are|was|це|є)\s*)?(?:(?P<sep>[:=—–])|\s-(?=\s))\s*"
        ),
        soft=compiled(r"\s+(?:(?:is|are|was|це|є)\s+)?"),
    )


_KINDS = (_PHRASE, _STRONG, _CODE, _WEAK)

_QUALIFIER_WORDS = 3
"""At most this many words between a secret word and its `:` — "password for
Instagram account: …", «токен бота: …», «код доступу до студії: …»."""
_AS_WRITTEN = _word_patterns(folded=False)
_folded_patterns = functools.cache(functools.partial(_word_patterns, folded=True))
"""The patterns for a text's skeleton, compiled the first time a text needs folding."""

LOOK_AHEAD = 240
"""How many characters after a secret word are read for its value."""
MAX_SEEN = 4096
"""How many places of secret words are remembered so that a repeat is judged once."""
_CLAUSE_END = re.compile(r"[,;\n()«»\"]|\.(?:\s|$)")
_FIRST_WORD = re.compile(r"\S+")


def _words(text: str) -> frozenset[str]:
    return frozenset(skeleton(word) for word in text.split())


_PLACES = _words(
    """
    in inside at on from via with by see ask request contact get call write message
    stored kept keep keeps held holds managed lives live saved shared given issued handed
    provided sent known owned handled printed set changed reset rotated
    manager managers vault vaults safe keychain drawer envelope folder office desk
    1password bitwarden dashlane lastpass keepass keepassxc keeper nordpass enpass
    roboform passbolt proton icloud
    у в на з із зі від до біля див див. дивіться спитайте запитайте уточніть попросіть
    зверніться пишіть напишіть телефонуйте зберігається зберігаються зберіг лежить лежать
    видає видасть надає надасть має мають знає знають менеджер менеджері менеджера сейф
    сейфі сховище сховищі конверті шухляді офісі адміністратор адміністраторка
    """
)
"""Words that say where a secret is kept or who holds it (compared as skeletons)."""

_PROSE = _words(
    """
    a an the is are was be not no none never nobody only tbd n/a na unknown required
    optional personal individual unique different same separate strong weak long short
    secure protected private confidential secret hidden encrypted redacted removed
    expired expires changes monthly weekly yearly daily every each per our your their
    its this that these those here there below above yes true false
    немає ні не ніколи лише тільки обов'язково обов'язковий обовʼязково особистий
    окремий надійний складний свій наш ваш кожен щомісяця щотижня
    """
)
"""Ordinary words that, standing alone after `password:`, are prose, not a password."""

_CREDENTIAL_MARKS = frozenset("!@#$%^&*_+=/\\|~?<>")
_TRIM = "\"'()[]{}<>,.;:!?«»“”„‘’`"
_DOMAIN = re.compile(r"^[\w-]+(\.[\w-]+)+(/|$)")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_NUMBER = re.compile(
    r"[+$€£₴#№]?\d[\d\s.,:/-]*(?:%|\+|[a-zа-яі]{1,3}\.?)?|\d{4}-\d{2}-\d{2}|\d{1,2}:\d{2}(?:[-–]\d{1,2}:\d{2})?",
    re.IGNORECASE,
)
"""Prices, percentages, counts with a short unit, dates, times: numbers, not codes."""
_NUMBER_WORD = re.compile(r"\d+[^\W\d_]?[-–][^\W\d_]+")
"""A number joined to a word: `40-річна`, `24-hour`, `3D-printed`."""
_DATE_OR_TIME = re.compile(r"\d{4}-\d{2}-\d{2}|\d{1,2}[:./]\d{2}(?:[:./]\d{2,4})?")
MIN_VALUE_CHARS = 4
"""The shortest value looked at as a credential."""
MIN_CASE_SWITCHES = 4
"""Changes between capitals and small letters from which a word looks random (YouTube,
LinkedIn and McDonald's have three)."""


def _case_switches(word: str) -> int:
    letters = [ch for ch in word if ch.isalpha()]
    return sum(1 for a, b in itertools.pairwise(letters) if a.isupper() != b.isupper())


def _address(word: str) -> bool:
    return (
        "://" in word
        or word.startswith(("@", "#", "www."))
        or bool(_EMAIL.match(word) or _DOMAIN.match(word))
    )


def credential_shaped(word: str, *, digits_count: bool = False) -> bool:
    """Whether one word looks like a password or code rather than a word or a number.

    Letters with digits (`Kyiv2024`, `hunter2`), letters with symbols (`Ln8#qv`,
    `sk_live`), capitals scattered through the word (`AbCdEfGh`); digits alone only
    where a code is named (`digits_count`: PIN, passcode, backup codes, password).
    Never an address, a hashtag, a price, a percentage, a date or a time.
    """
    word = word.strip(_TRIM)
    if len(word) < MIN_VALUE_CHARS or (word.isalpha() and word[1:].islower()):
        return False  # a word, or a capitalised word
    if _address(word):
        return False
    letters = any(ch.isalpha() for ch in word)
    digits = sum(1 for ch in word if ch.isdigit())
    if not letters:
        return (
            digits_count
            and digits >= MIN_VALUE_CHARS
            and all(ch.isdigit() or ch == "-" for ch in word)
            and not _DATE_OR_TIME.fullmatch(word)
        )
    if _NUMBER.fullmatch(word) or _NUMBER_WORD.fullmatch(word):
        return False
    if digits:
        return True
    if any(ch in _CREDENTIAL_MARKS for ch in word):
        return True
    return _case_switches(word) >= MIN_CASE_SWITCHES


def _wordlike(word: str) -> bool:
    """Letters only (an apostrophe or a hyphen between them allowed)."""
    return bool(word) and all(ch.isalpha() or ch in "'’ʼ-" for ch in word)


def _place(word: str) -> bool:
    return skeleton(word.strip(_TRIM)) in _PLACES


def _prose(word: str) -> bool:
    return skeleton(word.strip(_TRIM)) in _PROSE


def _value_counts(kind: str, keyword: str, hard: str | None, value: str) -> bool:
    """Whether `value` (the text after a secret word and its separator) is a secret."""
    written = _FIRST_WORD.match(value)
    if written is None:
        return False
    first = written.group().strip(_TRIM)
    if not first or _place(first):
        return False
    if kind == _CODE and hard is None and keyword.lower() == "pin" and not keyword.isupper():
        return False  # "Pin 2025's best post": a verb
    if credential_shaped(written.group(), digits_count=kind in (_CODE, _STRONG)):
        return True
    if hard is None or not _wordlike(first):
        return False
    words = _CLAUSE_END.split(value, maxsplit=1)[0].split()
    if any(_place(w) for w in words):
        return False
    if hard == "=" and len(words) == 1:
        return True  # how settings are written: `secret=abcd`
    if kind == _STRONG and len(words) == 1:
        return len(first) >= MIN_VALUE_CHARS and not _prose(first)
    if kind == _PHRASE and len(words) >= 3:
        return not _prose(first) and all(_wordlike(w.strip(_TRIM)) for w in words)
    return False


def _secret_word(text: str, skel: str, folded: bool) -> str | None:
    """A secret word followed by a value that counts (`text` normalised, `skel` the form
    the words are looked for in: lower case, `folded` or not)."""
    patterns = _folded_patterns() if folded else _AS_WRITTEN
    seen: set[str] = set()
    first = patterns.keyword_first.match(skel)
    for match in itertools.chain([first] if first else [], patterns.keyword.finditer(skel)):
        start, end = match.span("keyword")
        if start and skel[start - 1].isalnum():
            continue  # inside a word of another script
        window = text[start : end + LOOK_AHEAD]
        if window in seen:
            continue  # the same words again: the same answer
        if len(seen) >= MAX_SEEN:
            seen.clear()
        seen.add(window)
        kind = next((k for k in _KINDS if match.group(k) is not None), _WEAK)
        keyword = text[start:end]
        rest = skel[end : end + LOOK_AHEAD]
        hard = patterns.hard.match(rest)
        if hard is not None:
            value = text[end + hard.end() : end + LOOK_AHEAD]
            if _value_counts(kind, keyword, hard.group("sep") or "-", value):
                return f"word:{kind}"
            if not hard.group("qualifier"):
                continue
        soft = patterns.soft.match(rest)
        if soft is not None:
            value = text[end + soft.end() : end + LOOK_AHEAD]
            if _value_counts(kind, keyword, None, value):
                return f"word:{kind}"
    return None


# --- 4. a login / password pair -----------------------------------------------------------

MIN_PAIR_PASSWORD = 6
"""The shortest password of a login / password pair."""
_PAIR = re.compile(rf"/[ \t]*(?P<password>[^\s/]{{{MIN_PAIR_PASSWORD},128}})")
_LOGIN_BEFORE = re.compile(r"(?:^|(?<=[\s(]))[a-z0-9][a-z0-9._@+-]{1,63}[ \t]*\Z")
LOGIN_CHARS = 64
"""The longest login of a login / password pair."""
_CLAUSE_ENDS = ",;)."
_LINE_END = re.compile(r"[ \t]*(?:\n|\Z)")
"""What ends the clause of a login / password pair: `smm / Content2026 folder` is none."""


def _pair_password(password: str) -> bool:
    """Letters, digits, and capitals or symbols: `Qwerty123!`."""
    return (
        credential_shaped(password)
        and any(ch.isdigit() for ch in password)
        and any(ch.isalpha() for ch in password)
        and (
            any(ch in _CREDENTIAL_MARKS for ch in password)
            or (any(ch.isupper() for ch in password) and any(ch.islower() for ch in password))
        )
    )


def _pair(text: str) -> bool:
    """`admin / Qwerty123!`: a lower-case login, a slash, and a password that ends its
    clause."""
    for match in _PAIR.finditer(text):
        written = match.group("password")
        following = text[match.end() : match.end() + 1]
        ends = (
            written[-1] in _CLAUSE_ENDS
            or following in _CLAUSE_ENDS  # "" (the end of the text) included
            or _LINE_END.match(text, match.end()) is not None
        )
        if not ends:
            continue  # `smm / Content2026 folder`: the pair must end its clause
        if not _pair_password(written.strip(_TRIM)):
            continue
        login = _LOGIN_BEFORE.search(text, max(0, match.start() - LOGIN_CHARS - 2), match.start())
        if login is None:
            continue
        name = login.group().strip()
        if any(ch.isalpha() for ch in name) and ("@" in name or not _DOMAIN.match(name)):
            return True
    return False


# --- 5. a long random word ----------------------------------------------------------------

MIN_RANDOM_CHARS = 20
"""The shortest word looked at as a random secret."""
MIN_HEX_CHARS = 24
"""The shortest hex string looked at as a key."""
MIN_ENTROPY_BITS = 3.5
"""Shannon entropy per character from which a long mixed word looks random."""
MIN_HEX_ENTROPY_BITS = 3.0
"""The same for a hex string (16 symbols: at most 4 bits)."""
MIN_DIGIT_SWITCHES = 4
"""Changes between letters and digits from which a long word looks random."""
MAX_RANDOM_CHARS = 4096
"""The longest word looked at as a random secret: a longer one is data (an image in
base64), not a key someone would paste."""
_LONG_WORD = re.compile(rf"\s(\S{{{MIN_RANDOM_CHARS},}})")
"""A long word after a space (the class first lets the search skip fast)."""
_LONG_FIRST_WORD = re.compile(rf"\S{{{MIN_RANDOM_CHARS},}}")
_DIGIT = re.compile(r"\d")
_LETTER = re.compile(r"[^\W\d_]")
_RANDOM_CHARS = re.compile(r"[A-Za-z0-9+/=_.~-]+")
_HEX = re.compile(r"[0-9a-f]+|[0-9A-F]+")
_PARTS = re.compile(r"[-_.]")
_RUN = re.compile(r"[A-Za-z]+|[0-9]+")
MAX_READABLE_RUNS = 3
"""A part of a code with at most this many letter and digit runs reads as made by
hand (`Rye750g`, `Kyiv2026`, `IMG`, `083015`)."""


def _entropy(word: str) -> float:
    counts = Counter(word)
    return -sum(n / len(word) * math.log2(n / len(word)) for n in counts.values())


def _readable_parts(word: str) -> bool:
    """A code of parts that each read as made by hand: a SKU, a slug, a file name."""
    parts = [p for p in _PARTS.split(word) if p]
    return len(parts) >= 2 and all(
        len(_RUN.findall(p)) <= MAX_READABLE_RUNS and _case_switches(p) <= 2 for p in parts
    )


def looks_random(word: str) -> bool:
    """A long word of letters and digits mixed irregularly, or a long hex string."""
    word = word.strip(_TRIM)
    if not MIN_RANDOM_CHARS <= len(word) <= MAX_RANDOM_CHARS:
        return False
    if not _RANDOM_CHARS.fullmatch(word) or _address(word):
        return False
    if not (_DIGIT.search(word) and _LETTER.search(word)) or _readable_parts(word):
        return False
    if _HEX.fullmatch(word):
        return len(word) >= MIN_HEX_CHARS and _entropy(word) >= MIN_HEX_ENTROPY_BITS
    if _entropy(word) < MIN_ENTROPY_BITS:
        return False
    alnum = [ch for ch in word if ch.isalnum()]
    switches = sum(1 for a, b in itertools.pairwise(alnum) if a.isdigit() != b.isdigit())
    return switches >= MIN_DIGIT_SWITCHES


# --- the detector -------------------------------------------------------------------------


@lru_cache(maxsize=8192)
def find_secret(value: str) -> str | None:
    """The name of the first rule that finds a secret in `value`, else None.

    `token:NAME` (a token format), `url-credentials`, `word:KIND` (a secret word and
    its value; KIND is phrase, strong, code or weak), `login-pair`, `random`.
    """
    text = normalise(value)
    skel, folded = _searchable(text)
    token = _token_format(text, skel)
    if token is not None:
        return f"token:{token}"
    if _URL_CREDENTIALS.search(text):
        return "url-credentials"
    word = _secret_word(text, skel, folded)
    if word is not None:
        return word
    if _pair(text):
        return "login-pair"
    first = _LONG_FIRST_WORD.match(text)
    words = {m.group(1) for m in _LONG_WORD.finditer(text)} | ({first.group()} if first else set())
    if any(looks_random(word) for word in words):
        return "random"
    return None


def looks_like_secret(value: str) -> bool:
    """Whether a text seems to hold a password, token or key rather than where one is kept."""
    return find_secret(value) is not None


# --- what an export carries -----------------------------------------------------------------


def left_out_of_export(path: str, *, include_access: bool) -> bool:
    """Whether the value at key path `path` stays out of an exported document: the
    `access` values, unless they are asked for."""
    return not include_access and path.rsplit(".", 1)[-1] == ACCESS_KEY


def exported_problems(problems: Iterable[Problem], *, include_access: bool) -> list[Problem]:
    """The problems that concern what an export carries: a secret in an `access` value
    left out of the document does not."""
    return [
        p
        for p in problems
        if not (p.code == SECRET_CODE and left_out_of_export(p.path, include_access=include_access))
    ]


def exported_secrets(problems: Sequence[Problem], *, include_access: bool) -> list[str]:
    """Key paths of exported values that look like secrets (`access` only when included)."""
    return [
        p.path
        for p in exported_problems(problems, include_access=include_access)
        if p.code == SECRET_CODE
    ]
