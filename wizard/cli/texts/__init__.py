"""The command line's own words, a domain of the one text system (`schemas.texts`):
verdicts, what `export`, `schema` and `diff` say on stderr, the program's own errors.

Lines keep their shape in every language: the file, the position, the level word
(`error`, `missing`, `warning`, English always, so that a script or an editor can
find them) and the key path; what follows is in the interface language (`--lang`).
"""

from __future__ import annotations

from schemas.texts import register, text

CLI = "cli"
register(CLI, en="wizard.cli.texts.en", uk="wizard.cli.texts.uk")


def say(key: str, lang: str, /, **params: object) -> str:
    """The command line's words at `key` in `lang`, params filled in."""
    return text(CLI, key, lang, **params)
