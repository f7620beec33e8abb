"""The installed `presence` command as a real process: entry points, pipes, odd terminals."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "cli"
EXAMPLE = ROOT / "wizard" / "data" / "example-policy.toml"
PRESENCE = Path(sys.executable).with_name("presence")


def _run(
    *argv: str, env: dict[str, str] | None = None, shell: bool = False
) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        argv[0] if shell else list(argv),
        shell=shell,
        cwd=FIXTURES,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        env={**os.environ, **(env or {})},
        timeout=60,
    )
    assert "Traceback" not in done.stdout + done.stderr, done.stderr
    return done


@pytest.mark.skipif(not PRESENCE.exists(), reason="the console script is not installed")
def test_the_console_script_validates() -> None:
    done = _run(str(PRESENCE), "validate", "spec-messages.toml")
    assert done.returncode == 1
    assert "spec-messages.toml: missing: mission.statement\n" in done.stdout
    assert done.stderr == "spec-messages.toml: 1 error, 1 missing, 1 warning\n"
    assert _run(str(PRESENCE), "validate", str(EXAMPLE)).returncode == 0


def test_python_m_wizard_is_the_same_command() -> None:
    done = _run(sys.executable, "-m", "wizard", "--version")
    assert done.returncode == 0
    assert done.stdout.startswith("presence ")
    assert _run(sys.executable, "-m", "wizard", "diff", "nope.toml", "x.toml").returncode == 2


def test_a_closed_pipe_is_no_traceback() -> None:
    done = _run(f"'{sys.executable}' -m wizard schema | head -n 1", shell=True)
    assert done.stdout == "{\n"


def test_a_terminal_that_cannot_show_cyrillic_gets_escapes() -> None:
    ascii_only = {"PYTHONIOENCODING": "ascii"}
    done = _run(
        sys.executable, "-m", "wizard", "diff", "uk-policy.toml", "uk-errors.toml", env=ascii_only
    )
    assert done.returncode == 1
    assert "\\u2192" in done.stdout  # the arrow, escaped
    assert "\\u0417" in done.stdout  # the З of «Зерно», escaped
