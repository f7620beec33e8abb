"""The start-up runs without the cyclic garbage collector, and only when `presence` is
the program: afterwards the collector is on again and what the start-up built is frozen."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from wizard.cli import main
from wizard.core.startup import (
    PLUGINS_OFF,
    PYDANTIC_LOADER_CHECKED_WITH,
    freeze_screens,
    hold_collector,
    release_collector,
    thaw_screens,
)

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "wizard" / "data" / "example-policy.toml"


@pytest.fixture
def collector_restored() -> Iterator[None]:
    """Whatever a test does to the collector is undone afterwards."""
    was_enabled = gc.isenabled()
    try:
        yield
    finally:
        release_collector()
        gc.unfreeze()
        if was_enabled:
            gc.enable()
        else:
            gc.disable()


@pytest.mark.usefixtures("collector_restored")
def test_hold_turns_the_collector_off_and_release_freezes_and_turns_it_on() -> None:
    gc.enable()
    gc.unfreeze()
    hold_collector()
    assert not gc.isenabled()
    built: list[list[int]] = [[] for _ in range(100)]  # start-up objects, tracked by gc
    release_collector()
    assert gc.isenabled()
    assert gc.get_freeze_count() >= len(built)
    frozen = gc.get_freeze_count()
    release_collector()  # a second release changes nothing
    assert gc.get_freeze_count() == frozen


@pytest.mark.usefixtures("collector_restored")
def test_release_without_hold_leaves_the_collector_alone() -> None:
    gc.disable()
    gc.unfreeze()
    release_collector()
    assert not gc.isenabled()
    assert gc.get_freeze_count() == 0


@pytest.mark.usefixtures("collector_restored")
def test_main_with_arguments_leaves_the_collector_alone(
    capsys: pytest.CaptureFixture[str],
) -> None:
    gc.enable()
    gc.unfreeze()
    assert main(["validate", str(EXAMPLE)]) == 0
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0
    assert "valid" in capsys.readouterr().err


@pytest.mark.parametrize(
    "argv",
    [["validate", "EXAMPLE"], ["export", "EXAMPLE", "-o", "-"], ["--version"], ["nope"]],
)
def test_the_program_ends_with_the_collector_on_and_the_start_up_frozen(
    argv: list[str], tmp_path: Path
) -> None:
    args = [str(EXAMPLE) if arg == "EXAMPLE" else arg for arg in argv]
    script = (
        "import gc, sys\n"
        "from wizard.cli import main\n"
        f"sys.argv = ['presence', *{args!r}]\n"
        "code = main()\n"
        "sys.stderr.write(f'collector {gc.isenabled()} frozen {gc.get_freeze_count() > 0}\\n')\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=tmp_path, capture_output=True, text=True, timeout=60
    )
    assert "Traceback" not in done.stderr, done.stderr
    assert done.stderr.endswith("collector True frozen True\n"), done.stderr


def _loaded_by(script: str, tmp_path: Path, env: dict[str, str] | None = None) -> list[str]:
    """Run `script` in a fresh interpreter; it prints what it found, one per line."""
    done = subprocess.run(
        [sys.executable, "-c", script],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert "Traceback" not in done.stderr, done.stderr
    return done.stdout.split()


def _plugins_after_validate(tmp_path: Path, setting: str | None) -> list[str]:
    """Run the program's `validate` with `PYDANTIC_DISABLE_PLUGINS` set to `setting`
    (None: unset); what it printed: the exit code, the plugins pydantic gives, and the
    variable's value afterwards."""
    env = {k: v for k, v in os.environ.items() if k != "PYDANTIC_DISABLE_PLUGINS"}
    if setting is not None:
        env["PYDANTIC_DISABLE_PLUGINS"] = setting
    script = (
        "import os, sys\n"
        "from wizard.cli import main\n"
        f"sys.argv = ['presence', 'validate', {str(EXAMPLE)!r}]\n"
        "code = main()\n"
        "from pydantic.plugin._loader import get_plugins\n"
        "print(code, list(get_plugins()), repr(os.environ.get('PYDANTIC_DISABLE_PLUGINS')))\n"
    )
    return _loaded_by(script, tmp_path, env)


def test_the_program_loads_no_pydantic_plugins(tmp_path: Path) -> None:
    assert _plugins_after_validate(tmp_path, None) == ["0", "[]", "'__all__'"]


def test_the_program_leaves_pydantic_plugins_to_pydantic_when_asked(tmp_path: Path) -> None:
    assert _plugins_after_validate(tmp_path, "some-plugin") == ["0", "[]", "'some-plugin'"]


def test_with_plugins_off_the_program_does_not_load_the_plugin_machinery(tmp_path: Path) -> None:
    """pydantic's loader would import `importlib.metadata` (and `email`) to find nothing."""
    script = (
        "import sys\n"
        "from wizard.cli import main\n"
        f"sys.argv = ['presence', 'validate', {str(EXAMPLE)!r}]\n"
        "code = main()\n"
        "print(code, 'importlib.metadata' in sys.modules, 'email' in sys.modules)\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "PYDANTIC_DISABLE_PLUGINS"}
    assert _loaded_by(script, tmp_path, env) == ["0", "False", "False"]
    env["PYDANTIC_DISABLE_PLUGINS"] = "some-plugin"  # pydantic's loader looks for the rest
    assert _loaded_by(script, tmp_path, env) == ["0", "True", "True"]


@pytest.mark.parametrize("setting", PLUGINS_OFF)
def test_pydantic_own_loader_gives_no_plugins_where_the_stand_in_is_used(
    setting: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The stand-in does what pydantic's loader does for these settings: if pydantic
    changes, this fails and the stand-in is checked again."""
    import pydantic
    from pydantic.plugin import _loader

    assert pydantic.VERSION == PYDANTIC_LOADER_CHECKED_WITH, (
        f"pydantic is {pydantic.VERSION}: check that its plugin loader still gives no"
        " plugins for these settings, then update PYDANTIC_LOADER_CHECKED_WITH."
    )
    monkeypatch.setenv("PYDANTIC_DISABLE_PLUGINS", setting)
    monkeypatch.setattr(_loader, "_plugins", None)
    assert list(_loader.get_plugins()) == []
    assert _loader._plugins is None  # it returned before looking at any entry point


@pytest.mark.usefixtures("collector_restored")
def test_freezing_screens_and_thawing_them() -> None:
    gc.unfreeze()
    screens: list[list[int]] = [[] for _ in range(100)]  # widgets, tracked by gc
    freeze_screens()
    assert gc.get_freeze_count() >= len(screens)
    thaw_screens()
    assert gc.get_freeze_count() == 0


def test_main_with_arguments_leaves_pydantic_plugins_alone(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("PYDANTIC_DISABLE_PLUGINS", raising=False)
    assert main(["validate", str(EXAMPLE)]) == 0
    assert "PYDANTIC_DISABLE_PLUGINS" not in os.environ
    assert "valid" in capsys.readouterr().err


def test_the_other_language_loads_when_it_is_first_used(tmp_path: Path) -> None:
    script = (
        "import sys\n"
        "from wizard.core.i18n import CATALOGUES, set_language, t\n"
        "print('uk' in CATALOGUES, 'wizard.core.i18n.uk' in sys.modules)\n"
        "set_language('uk')\n"
        "print(t('nav.next') == CATALOGUES['uk']['nav.next'] != CATALOGUES['en']['nav.next'])\n"
        "print('wizard.core.i18n.uk' in sys.modules)\n"
    )
    assert _loaded_by(script, tmp_path) == ["True", "False", "True", "True"]


def test_opening_a_file_loads_neither_the_start_nor_the_help_screen(tmp_path: Path) -> None:
    script = (
        "import sys\n"
        "import wizard.tui.app\n"
        "lazy = ('screens.start', 'screens.help', 'wizard.tui.palette')\n"
        "print(*(m in sys.modules for m in lazy))\n"
    )
    assert _loaded_by(script, tmp_path) == ["False", "False", "False"]


@pytest.mark.parametrize(
    "argv",
    [
        ["validate", "a.toml", "b.toml", "--format", "json"],
        ["export", "p.toml", "--to", "html", "-o", "-", "--include-access"],
        ["schema", "-o", "s.json"],
        ["diff", "old.toml", "new.toml", "--format", "md"],
        ["new", "p.toml", "--from", "example", "--lang", "uk"],
        ["edit", "p.toml", "--section", "communication"],
    ],
)
def test_a_parser_of_one_command_parses_as_the_whole_parser(argv: list[str]) -> None:
    from wizard.cli.program import build_parser

    assert build_parser(argv[0]).parse_args(argv) == build_parser().parse_args(argv)


@pytest.mark.parametrize(
    "command", ["validate", "export", "schema", "diff", "merge", "new", "edit"]
)
def test_a_parser_of_one_command_gives_the_same_help(
    command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from wizard.cli.program import build_parser

    helps = []
    for parser in (build_parser(command), build_parser()):
        with pytest.raises(SystemExit):
            parser.parse_args([command, "--help"])
        helps.append(capsys.readouterr().out)
    assert helps[0] == helps[1]
    assert helps[0].startswith(f"usage: presence {command}")
