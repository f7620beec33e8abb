"""Fixtures of the unit tests: the `presence` command line run in-process."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from wizard.cli import main

Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Run:
    """`presence ARGS` run by `wizard.cli.main` in the current folder: (exit code,
    stdout, stderr); a traceback in either stream fails the test."""

    def run(*args: str) -> tuple[int, str, str]:
        code = main(list(args))
        out, err = capsys.readouterr()
        assert "Traceback" not in out + err
        return code, out, err

    return run
