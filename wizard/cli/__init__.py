"""The `presence` command line; `main` is the console script's entry point.

`program` parses the arguments, maps failures to exit codes and opens the wizard
(importing `wizard.tui` only for `presence`, `new` and `edit`); `commands` runs
`validate`, `export`, `schema` and `diff`, and `report` formats their problems. The
headless `commands` and `report` never import Textual, `screens` or `wizard.tui`.
"""

from wizard.cli.program import main

__all__ = ["main"]
