"""Terminal control sequences in a policy or a file name never reach the terminal raw
from the command line: validate, export and diff run as real processes on files that
hold them in every string key (and under names that hold them too), and nothing they
write — stdout, stderr, the exported documents — carries a raw control character.
What the values hold is still shown, as escapes (`\\u001b`)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tomllib
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest

from schemas.fields import FieldSpec, TableSpec, root
from schemas.keypath import parse_path
from tests.hostile import EVERY_KEY, EVERY_TEXT, HOSTILE_NAME, PAYLOAD, assert_no_raw

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "wizard" / "data" / "example-policy.toml"
SHOWN = "\\u001b]52;c;cHduZWQ=\\u0007"
"""How the start of the payload reads once escaped."""


def _run(cwd: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        [sys.executable, "-m", "wizard", *argv],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="surrogateescape",
        env={**os.environ, "PRESENCE_STATE_DIR": str(cwd / "state")},
        timeout=120,
    )
    assert "Traceback" not in done.stdout + done.stderr, done.stderr
    assert_no_raw(done.stdout, f"the stdout of presence {argv}")
    assert_no_raw(done.stderr, f"the stderr of presence {argv}")
    return done


def _load(path: Path) -> dict[str, Any]:
    with path.open("rb") as file:
        return tomllib.load(file)


def _string_paths(
    spec: TableSpec | FieldSpec,
    parts: tuple[str, ...] = (),
    kinds: tuple[str, ...] = ("string", "enum"),
) -> Iterator[str]:
    """The key path (indices left out) of every key of the format whose values (or
    items) are strings of `kinds`."""
    if isinstance(spec, TableSpec):
        for key, field in spec.fields.items():
            yield from _string_paths(field, (*parts, key), kinds)
        return
    if spec.kind in kinds:
        yield ".".join(parts)
    elif spec.kind == "array" and spec.item is not None:
        yield from _string_paths(spec.item, parts, kinds)
    elif spec.table is not None:
        yield from _string_paths(spec.table, parts, kinds)


def _strings(value: object, parts: tuple[str, ...] = ()) -> Iterator[tuple[str, str]]:
    """(key path without indices, string) for every string of a policy's data."""
    if isinstance(value, str):
        yield ".".join(parts), value
    elif isinstance(value, Mapping):
        for key, item in value.items():
            yield from _strings(item, (*parts, str(key)))
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item, parts)


def test_the_fixtures_hold_the_payload_in_every_string_key() -> None:
    every = set(_string_paths(root()))
    held = {path for path, text in _strings(_load(EVERY_KEY)) if PAYLOAD in text}
    assert every <= held, sorted(every - held)
    assert any(PAYLOAD in key for key in _load(EVERY_KEY)["document"])  # a key's name too
    # every free-text key: all strings but those with a format of their own
    formatted = {"url", "timezone", "hashtags", "sections"}
    free = {
        p for p in _string_paths(root(), kinds=("string",)) if p.rsplit(".", 1)[-1] not in formatted
    }
    held = {path for path, text in _strings(_load(EVERY_TEXT)) if PAYLOAD in text}
    assert free <= held, sorted(free - held)
    assert len(free) > 40


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A folder with the fixtures under plain names and under hostile names."""
    shutil.copy(EVERY_TEXT, tmp_path / "every-text.toml")
    shutil.copy(EVERY_KEY, tmp_path / "every-key.toml")
    shutil.copy(EXAMPLE, tmp_path / "example.toml")
    shutil.copy(EVERY_TEXT, tmp_path / HOSTILE_NAME)
    shutil.copy(EVERY_KEY, tmp_path / f"key-{HOSTILE_NAME}")
    return tmp_path


def test_validate_text(folder: Path) -> None:
    done = _run(folder, "validate", "every-text.toml")
    assert done.returncode == 0  # warnings only
    assert "warning: document.company: holds control characters (\\u001b, \\u0007," in (done.stdout)
    assert "every-text.toml: valid, " in done.stderr
    done = _run(folder, "validate", "every-key.toml", f"key-{HOSTILE_NAME}", HOSTILE_NAME)
    assert done.returncode == 1
    assert SHOWN in done.stdout
    assert "key-evil\\u001b]52;c;cHduZWQ=\\u0007\\u001b[2J\\u009b2J\\u202e.toml:" in done.stdout
    assert "evil\\u001b]52;c;cHduZWQ=\\u0007\\u001b[2J\\u009b2J\\u202e.toml: valid, " in (
        done.stderr
    )


def test_validate_json_escapes_every_control_and_reads_back_the_same(folder: Path) -> None:
    done = _run(folder, "validate", "--format", "json", f"key-{HOSTILE_NAME}", HOSTILE_NAME)
    assert done.returncode == 1
    assert "\\u009b" in done.stdout and "\\u202e" in done.stdout and "\\u007f" in done.stdout
    items = json.loads(done.stdout)
    assert {item["file"] for item in items} == {f"key-{HOSTILE_NAME}", HOSTILE_NAME}
    unknown = [item for item in items if item["path"].startswith('document."unknown key')]
    assert len(unknown) == 1
    # The key path quotes the key as TOML does (its controls as \uXXXX escapes), and
    # reads back as the key itself, controls and all.
    path = unknown[0]["path"]
    assert "\x1b" not in path and "\x9b" not in path and "\u202e" not in path
    document, key = parse_path(path)
    assert document == "document"
    assert isinstance(key, str) and key.startswith("unknown key \x1b]52;c;cHduZWQ=\x07 \x1b]52")


def test_validate_an_unreadable_file_with_a_hostile_name(folder: Path) -> None:
    done = _run(folder, "validate", f"missing-{HOSTILE_NAME}")
    assert done.returncode == 2
    assert "missing-evil\\u001b]52" in done.stderr


@pytest.mark.parametrize("to", ["md", "html"])
def test_export_to_a_file(folder: Path, to: str) -> None:
    out = f"out-{HOSTILE_NAME}.{to}"
    done = _run(folder, "export", HOSTILE_NAME, "--to", to, "-o", out, "--include-access")
    assert done.returncode == 0, done.stderr
    assert "exported to out-evil\\u001b]52;c;cHduZWQ=\\u0007\\u001b[2J" in done.stderr
    document = (folder / out).read_text(encoding="utf-8")
    assert_no_raw(document, f"the exported {to}")
    assert "company" in document and "cHduZWQ" in document
    assert "u001b" in document and "u202e" in document and "u009b" in document


@pytest.mark.parametrize("to", ["md", "html"])
def test_export_to_stdout(folder: Path, to: str) -> None:
    done = _run(folder, "export", "every-text.toml", "--to", to, "-o", "-", "--include-access")
    assert done.returncode == 0
    assert "u001b" in done.stdout and "cHduZWQ" in done.stdout
    assert "exported to standard output" in done.stderr


def test_export_refused_lists_the_errors_escaped(folder: Path) -> None:
    done = _run(folder, "export", f"key-{HOSTILE_NAME}")
    assert done.returncode == 1
    assert "not exported: 25 errors" in done.stderr
    assert SHOWN in done.stderr
    assert not list(folder.glob("key-*.md"))


def test_export_refuses_its_own_input_by_a_hostile_name(folder: Path) -> None:
    done = _run(folder, "export", HOSTILE_NAME, "-o", HOSTILE_NAME)
    assert done.returncode == 2
    assert "refusing to overwrite the policy itself" in done.stderr


@pytest.mark.parametrize("to", ["md", "html", "csv", "ics"])
def test_plan_names_what_it_leaves_out_escaped(folder: Path, to: str) -> None:
    out = f"plan-{HOSTILE_NAME}.{to}"
    done = _run(folder, "plan", HOSTILE_NAME, "--month", "2026-03", "--to", to, "-o", out)
    assert done.returncode == 0, done.stderr
    assert "not scheduled: " in done.stderr and "u001b" in done.stderr
    assert "to plan-evil\\u001b]52;c;cHduZWQ=\\u0007\\u001b[2J" in done.stderr
    assert_no_raw((folder / out).read_text(encoding="utf-8"), f"the plan's {to}")


def _renamed(folder: Path) -> Path:
    """every-text.toml with its entries reordered and one renamed (moved, labels)."""
    data = (folder / "every-text.toml").read_text(encoding="utf-8")
    data = data.replace('name = "value name ', 'name = "renamed value ')
    data = data.replace(
        'objectives = ["objective one \\u001B]',
        'objectives = ["objective three", "objective one \\u001B]',
    )
    changed = folder / "changed.toml"
    changed.write_text(data, encoding="utf-8")
    return changed


@pytest.mark.parametrize("fmt", ["text", "md"])
def test_diff(folder: Path, fmt: str) -> None:
    changed = _renamed(folder)
    for old, new in [
        ("example.toml", HOSTILE_NAME),
        (HOSTILE_NAME, f"key-{HOSTILE_NAME}"),
        ("every-text.toml", changed.name),
        (f"key-{HOSTILE_NAME}", "example.toml"),
    ]:
        done = _run(folder, "diff", old, new, "--format", fmt)
        assert done.returncode == 1
        assert "cHduZWQ" in done.stdout
    done = _run(folder, "diff", "every-text.toml", HOSTILE_NAME, "--format", fmt)
    assert done.returncode == 0
    if fmt == "text":
        assert "every-text.toml and evil\\u001b]52;c;cHduZWQ=\\u0007" in done.stderr
    else:
        assert "every\\-text\\.toml to evil\\\\u001b\\]52" in done.stdout


def test_diff_md_code_spans_and_entry_column(folder: Path) -> None:
    done = _run(folder, "diff", "example.toml", "every-text.toml", "--format", "md")
    assert '`"company \\u001b]52;c;cHduZWQ=\\u0007 \\u001b]52;c;cHduZWQ=\\u001b\\\\ ' in (
        done.stdout
    )
    assert "\\\\u009b2J \\\\u009d52" in done.stdout  # an entry's name in plain text


def test_usage_errors_and_a_missing_file_to_edit(folder: Path) -> None:
    done = _run(folder, "export", "every-text.toml", f"extra-{PAYLOAD}")
    assert done.returncode == 2
    assert "unrecognized arguments: extra-\\u001b]52" in done.stderr
    done = _run(folder, "edit", f"missing-{HOSTILE_NAME}")
    assert done.returncode == 1
    assert "missing-evil" in done.stderr


def test_raw_control_bytes_in_the_file(folder: Path) -> None:
    """C0 controls raw in a file are a TOML syntax error; C1 and bidi ones are allowed
    raw. Either way nothing printed holds them raw."""
    (folder / "c0.toml").write_bytes(
        b'schema_version = 1\n[document]\ncompany = "a\x1b]52;c;cHduZWQ=\x07"\n'
    )
    (folder / "c1.toml").write_bytes(
        'schema_version = 1\n[document]\ncompany = "a \x9b2J \u202eevil"\n'.encode()
    )
    done = _run(folder, "validate", "c0.toml", "c1.toml")
    assert done.returncode == 2
    assert "c0.toml:3:13: error: TOML syntax: illegal character" in done.stderr
    assert "c1.toml:3:11: warning: document.company: holds control characters (\\u009b, " in (
        done.stdout
    )
    done = _run(folder, "export", "c1.toml", "-o", "-")
    assert "a \\u009b2J \\u202eevil" in done.stdout  # visible escapes, read as text
    assert _run(folder, "diff", "c1.toml", "every-text.toml").returncode == 1
    assert _run(folder, "export", "c0.toml").returncode == 2
