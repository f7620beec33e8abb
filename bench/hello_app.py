"""The baseline of the wizard's start: the hello-world app plus the libraries the wizard needs."""

from __future__ import annotations

import markdown_it  # noqa: F401 - the cost of the import is the point
import tomlkit  # noqa: F401 - the cost of the import is the point
from pydantic import BaseModel  # noqa: F401 - the cost of the import is the point

from bench.hello_plain import HelloApp


def main() -> None:
    """Run the hello-world app after importing pydantic, tomlkit and markdown-it."""
    HelloApp().run()


if __name__ == "__main__":
    main()
