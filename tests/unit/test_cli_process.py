"""The installed `presence` command as a real process: entry points, pipes, odd terminals."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from wizard.cli import program as cli

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


@pytest.mark.skipif(not PRESENCE.exists(), reason="the console script is not installed")
def test_output_that_cannot_be_written_is_exit_2_with_a_reason() -> None:
    full = _run(f"{PRESENCE} schema > /dev/full", shell=True)
    assert full.returncode == 2
    assert full.stderr == "presence: error: cannot write the output: no space left on device\n"
    closed = _run(f"{PRESENCE} schema >&-", shell=True)
    assert closed.returncode == 2
    assert "cannot write the output" in closed.stderr
    quiet = _run(f"{PRESENCE} validate {EXAMPLE} 2>&-", shell=True)
    assert (quiet.returncode, quiet.stdout) == (0, "")


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_a_terminating_signal_ends_a_command_as_an_exception(signum: int) -> None:
    """Raised as `SystemExit(128 + n)`, it lets a file being written be cleaned up
    (`test_an_interrupted_write_leaves_no_temporary_file`)."""
    saved = {s: signal.getsignal(s) for s in (signal.SIGTERM, signal.SIGHUP)}
    try:
        cli._stop_on_terminate()
        with pytest.raises(SystemExit) as stopped:
            os.kill(os.getpid(), signum)
            time.sleep(5)  # the handler runs at the next bytecode
        assert stopped.value.code == 128 + signum
    finally:
        for number, handler in saved.items():
            signal.signal(number, handler)


@pytest.mark.skipif(not PRESENCE.exists(), reason="the console script is not installed")
def test_json_stays_json_when_stdout_is_not_utf8(tmp_path: Path) -> None:
    policy = tmp_path / "café.toml"
    policy.write_text(
        EXAMPLE.read_text(encoding="utf-8").replace('company = "Northwind Bakery"', "company = 5"),
        encoding="utf-8",
    )
    done = _run(
        str(PRESENCE),
        "validate",
        "--format",
        "json",
        str(policy),
        env={"PYTHONIOENCODING": "ascii"},
    )
    assert done.returncode == 1
    (item,) = json.loads(done.stdout)
    assert (item["file"], item["path"]) == (str(policy), "document.company")
