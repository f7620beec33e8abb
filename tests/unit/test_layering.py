"""The layers stay apart: schemas/ and exports/ never import the UI, and the headless
commands of `presence` never load Textual (nor tomlkit, which only the tests use)."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "wizard" / "data" / "example-policy.toml"
UI_MODULES = ("textual", "wizard", "screens")


def _imports(tree: ast.AST, *, module_level_only: bool) -> list[tuple[str, int]]:
    """(module, line) of every import in `tree`; only top-level statements if asked."""
    nodes: list[ast.AST] = []
    if module_level_only and isinstance(tree, ast.Module):
        # Imports under `if`/`try` at module level still run at import time.
        for stmt in tree.body:
            if not isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                nodes.extend(ast.walk(stmt))
    else:
        nodes = list(ast.walk(tree))
    found = []
    for node in nodes:
        if isinstance(node, ast.Import):
            found += [(alias.name, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.append((node.module, node.lineno))
    return found


def _top(module: str) -> str:
    return module.split(".", 1)[0]


def _python_files(*folders: str) -> list[Path]:
    return sorted(p for folder in folders for p in (ROOT / folder).rglob("*.py"))


def test_the_scanner_sees_imports_of_every_shape() -> None:
    tree = ast.parse(
        "import os\n"
        "from textual.app import App\n"
        "try:\n    import tomlkit\nexcept ImportError:\n    pass\n"
        "def f():\n    import wizard.tui.app\n"
    )
    assert {m for m, _ in _imports(tree, module_level_only=True)} == {
        "os",
        "textual.app",
        "tomlkit",
    }
    assert "wizard.tui.app" in {m for m, _ in _imports(tree, module_level_only=False)}


@pytest.mark.parametrize(
    "path", _python_files("schemas", "exports"), ids=lambda p: str(p.relative_to(ROOT))
)
def test_schemas_and_exports_never_import_the_ui(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    bad = [
        (m, line) for m, line in _imports(tree, module_level_only=False) if _top(m) in UI_MODULES
    ]
    assert not bad, f"{path.relative_to(ROOT)} imports the UI: {bad}"


@pytest.mark.parametrize(
    "name",
    [
        "__init__.py",
        "__main__.py",
        "cli/__init__.py",
        "cli/program.py",
        "cli/commands.py",
        "cli/report.py",
    ],
)
def test_the_command_line_modules_import_no_textual_at_module_level(name: str) -> None:
    path = ROOT / "wizard" / name
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    heavy = ("textual", "screens", "tomlkit", "markdown_it")
    bad = [
        (m, line)
        for m, line in _imports(tree, module_level_only=True)
        if _top(m) in heavy or m.startswith("wizard.tui")
    ]
    assert not bad, f"wizard/{name} loads the UI when imported: {bad}"


def test_the_headless_modules_import_no_textual_anywhere() -> None:
    for name in ("cli/commands.py", "cli/report.py", "cli/plan.py"):
        path = ROOT / "wizard" / name
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        bad = [
            m
            for m, _ in _imports(tree, module_level_only=False)
            if _top(m) in ("textual", "screens") or m.startswith("wizard.tui")
        ]
        assert not bad, f"wizard/{name} imports the UI: {bad}"


def _loaded_after(argv: list[str], tmp_path: Path, exit_code: int = 0) -> set[str]:
    """Run `main(argv)` in a fresh interpreter; the heavy modules it loaded."""
    script = (
        "import sys, json\n"
        "from wizard.cli import main\n"
        f"code = main({argv!r})\n"
        "heavy = ('textual', 'tomlkit', 'markdown_it', 'screens', 'typst', 'docx', 'lxml',"
        " 'icalendar')\n"
        "print(json.dumps(sorted(m for m in heavy if m in sys.modules)))\n"
        "sys.stderr.write(f'exit {code}\\n')\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert "Traceback" not in done.stderr, done.stderr
    assert done.stderr.endswith(f"exit {exit_code}\n"), done.stderr
    last = done.stdout.strip().splitlines()[-1]
    return set(json.loads(last))


def test_validate_loads_neither_textual_nor_tomlkit_nor_markdown(tmp_path: Path) -> None:
    assert _loaded_after(["validate", str(EXAMPLE)], tmp_path) == set()


def test_validate_and_the_text_exports_load_neither_typst_nor_python_docx(
    tmp_path: Path,
) -> None:
    """The PDF and DOCX libraries (an 80 MB typesetter, lxml) load for those exports only."""
    assert _loaded_after(["validate", str(EXAMPLE)], tmp_path) == set()
    for fmt in ("md", "html"):
        out = tmp_path / f"policy.{fmt}"
        assert not _loaded_after(["export", str(EXAMPLE), "-o", str(out)], tmp_path) & {
            "typst",
            "docx",
            "lxml",
        }
    pdf, docx = tmp_path / "policy.pdf", tmp_path / "policy.docx"
    assert "typst" in _loaded_after(["export", str(EXAMPLE), "-o", str(pdf)], tmp_path)
    assert "docx" in _loaded_after(["export", str(EXAMPLE), "-o", str(docx)], tmp_path)
    assert pdf.exists() and docx.exists()


def test_export_md_loads_neither_textual_nor_tomlkit(tmp_path: Path) -> None:
    out = tmp_path / "policy.md"
    loaded = _loaded_after(["export", str(EXAMPLE), "-o", str(out)], tmp_path)
    assert out.read_text(encoding="utf-8").strip()
    assert loaded <= {"markdown_it"}


def test_schema_and_diff_load_no_textual(tmp_path: Path) -> None:
    assert not _loaded_after(["schema"], tmp_path) & {"textual", "screens"}
    changed = tmp_path / "changed.toml"
    changed.write_text(EXAMPLE.read_text(encoding="utf-8").replace("= 30", "= 60"), "utf-8")
    assert _loaded_after(["diff", str(EXAMPLE), str(changed)], tmp_path, 1) == set()


def _catalogues_after(argv: list[str], tmp_path: Path) -> set[str]:
    """Run `main(argv)` in a fresh interpreter; the catalogue modules it loaded."""
    script = (
        "import sys, json\n"
        "from wizard.cli import main\n"
        f"main({argv!r})\n"
        "from schemas.texts import domains\n"
        "names = {m for d in domains() for m in d.modules.values()}\n"
        "print(json.dumps(sorted(m for m in names if m in sys.modules)))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=tmp_path, capture_output=True, text=True, timeout=60
    )
    assert "Traceback" not in done.stderr, done.stderr
    return set(json.loads(done.stdout.strip().splitlines()[-1]))


def test_validate_loads_only_the_catalogues_of_its_language(tmp_path: Path) -> None:
    """English loads no Ukrainian catalogue, and neither the wizard's interface."""
    english = _catalogues_after(["validate", "--lang", "en", str(EXAMPLE)], tmp_path)
    assert english == {"schemas.texts.problems_en", "wizard.cli.texts.en"}
    broken = tmp_path / "broken.toml"
    broken.write_text("a = \n", encoding="utf-8")
    ukrainian = _catalogues_after(["validate", "--lang", "uk", str(broken)], tmp_path)
    assert "exports.texts.files_uk" in ukrainian
    assert not {m for m in ukrainian if m.startswith("wizard.core.i18n")}


def test_plan_loads_no_textual_and_the_calendar_library_only_for_ics(tmp_path: Path) -> None:
    out = tmp_path / "plan.md"
    assert _loaded_after(["plan", str(EXAMPLE), "-o", str(out)], tmp_path) == set()
    assert out.read_text(encoding="utf-8").startswith("# Content plan")
    ics = tmp_path / "plan.ics"
    assert _loaded_after(["plan", str(EXAMPLE), "-o", str(ics)], tmp_path) == {"icalendar"}
    assert ics.read_bytes().startswith(b"BEGIN:VCALENDAR\r\n")


def test_merge_and_textconv_load_no_textual(tmp_path: Path) -> None:
    ours = tmp_path / "ours.toml"
    ours.write_text(EXAMPLE.read_text(encoding="utf-8").replace("= 30", "= 60"), "utf-8")
    args = ["merge", str(EXAMPLE), str(ours), str(EXAMPLE), "p.toml"]
    assert _loaded_after(args, tmp_path) == set()
    assert _loaded_after(["diff", "--textconv", str(EXAMPLE)], tmp_path) == set()
