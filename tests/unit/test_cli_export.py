"""`presence export`, `presence schema` and `presence diff` through the command line."""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.unit.conftest import Run

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "cli"
EXAMPLE = ROOT / "tests" / "fixtures" / "rules" / "example-policy.toml"
"""The complete example of format version 1 (the built-in one is of version 2)."""


@pytest.fixture
def run(cli: Run, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Run:
    """`main(args)` in a scratch folder: (exit code, stdout, stderr)."""
    monkeypatch.chdir(tmp_path)
    return cli


@pytest.fixture
def policy(tmp_path: Path) -> Path:
    path = tmp_path / "brand-policy.toml"
    shutil.copy(EXAMPLE, path)
    return path


def _draft(path: Path) -> Path:
    """Make `path` a draft: three required parts taken out."""
    text = path.read_text(encoding="utf-8")
    for line in (
        'approved_by = "Jane Doe, founder and CEO"\n',
        'style = "conversational"\n',
        'moderator_autonomy = "routine"       # full | routine | none\n',
    ):
        assert line in text
        text = text.replace(line, "")
    path.write_text(text, encoding="utf-8")
    return path


# --- export -------------------------------------------------------------------------


def test_export_writes_markdown_next_to_the_policy(run: Run, policy: Path) -> None:
    code, out, err = run("export", "brand-policy.toml")
    assert (code, out) == (0, "")
    assert err == "brand-policy.toml: exported to brand-policy.md\n"
    document = policy.with_suffix(".md").read_text(encoding="utf-8")
    assert document.startswith("# ")
    assert "Northwind Bakery" in document
    assert "## 1. Mission, objectives and values" in document


def test_export_html_by_flag_or_by_suffix(run: Run, policy: Path) -> None:
    assert run("export", "brand-policy.toml", "--to", "html")[0] == 0
    assert '<html lang="en">' in policy.with_suffix(".html").read_text(encoding="utf-8")
    code, _, err = run("export", "brand-policy.toml", "-o", "handbook.HTML")
    assert code == 0
    assert err.endswith("to handbook.HTML\n")
    assert "<html" in (policy.parent / "handbook.HTML").read_text(encoding="utf-8")


def test_export_to_stdout(run: Run, policy: Path) -> None:
    code, out, err = run("export", "brand-policy.toml", "-o", "-")
    assert code == 0
    assert out.startswith("# ") and "Northwind Bakery" in out
    assert err == "brand-policy.toml: exported to standard output\n"
    assert not policy.with_suffix(".md").exists()
    code, out, _ = run("export", "brand-policy.toml", "-o", "-", "--to", "html")
    assert code == 0
    assert out.lstrip().lower().startswith("<!doctype html>")


def test_export_pdf_and_docx_by_flag_or_by_suffix(run: Run, policy: Path) -> None:
    assert run("export", "brand-policy.toml", "--to", "pdf") == (
        0,
        "",
        "brand-policy.toml: exported to brand-policy.pdf\n",
    )
    assert policy.with_suffix(".pdf").read_bytes().startswith(b"%PDF-")
    assert run("export", "brand-policy.toml", "-o", "handbook.docx")[0] == 0
    assert (policy.parent / "handbook.docx").read_bytes().startswith(b"PK\x03\x04")
    assert run("export", "brand-policy.toml", "-o", "out/", "--to", "docx")[0] == 2


def test_a_pdf_goes_to_stdout_as_bytes(run: Run, policy: Path, tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "wizard", "export", str(policy), "--to", "pdf", "-o", "-"],
        cwd=ROOT,
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(b"%PDF-") and done.stdout.rstrip().endswith(b"%%EOF")


def test_paper_is_chosen_by_flag(run: Run, policy: Path) -> None:
    from tests.unit.documents import POINTS, page_size

    assert run("export", "brand-policy.toml", "--to", "pdf")[0] == 0
    assert page_size(policy.with_suffix(".pdf").read_bytes()) == POINTS["letter"]
    assert run("export", "brand-policy.toml", "--to", "pdf", "--paper", "a4")[0] == 0
    assert page_size(policy.with_suffix(".pdf").read_bytes()) == POINTS["a4"]
    assert run("export", "brand-policy.toml", "--paper", "a5")[0] == 2


@pytest.mark.parametrize("fmt", ["md", "html", "pdf", "docx"])
def test_the_moderators_sheet_in_every_format(run: Run, policy: Path, fmt: str) -> None:
    code, out, err = run("export", "brand-policy.toml", "--sheet", "moderator", "--to", fmt)
    name = f"brand-policy-moderator.{fmt}"
    assert (code, out, err) == (0, "", f"brand-policy.toml: exported to {name}\n")
    assert (policy.parent / name).stat().st_size > 0


def test_a_sheet_that_does_not_fit_one_page_says_so(run: Run, tmp_path: Path) -> None:
    from bench.scale import write_scaled_policy

    large = write_scaled_policy(tmp_path, 10)
    code, _, err = run("export", str(large), "--sheet", "moderator", "--to", "md", "-o", "s.md")
    assert code == 0
    assert "warning: the moderator's sheet does not fit one A4 page (" in err
    assert err.endswith("exported to s.md\n")


def test_access_is_exported_only_when_asked_for(run: Run, policy: Path) -> None:
    secret_place = "vault 'Social', item 'Instagram'"
    assert secret_place not in run("export", "brand-policy.toml", "-o", "-")[1]
    out = run("export", "brand-policy.toml", "-o", "-", "--include-access")[1]
    assert "vault" in out and "Instagram" in out


def test_a_draft_is_exported_and_said_to_be_one(run: Run, policy: Path) -> None:
    _draft(policy)
    code, _, err = run("export", "brand-policy.toml")
    assert code == 0
    assert err == (
        "brand-policy.toml: exported a draft (3 parts not defined yet) to brand-policy.md\n"
    )
    assert "not defined yet" in policy.with_suffix(".md").read_text(encoding="utf-8")


def test_a_policy_with_errors_is_not_exported(run: Run) -> None:
    shutil.copy(FIXTURES / "spec-messages.toml", "p.toml")
    code, out, err = run("export", "p.toml")
    assert (code, out) == (1, "")
    assert err.splitlines() == [
        "p.toml:61:27: error: communication.response_time.first_reply_avg_minutes: "
        "45 is more than first_reply_max_minutes (30)",
        "p.toml: not exported: 1 error",
    ]
    assert not Path("p.md").exists()


JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJzbW0ifQ.c2lnbmF0dXJlX29mX3RoZV90b2tlbg"
AWS = "AKIAZGSYEBANND6YZ2EM / IRlNQb0prFmbh7/wy5yq1XoY1BaIMcAxYmfsB4Hb"


def _with(policy: Path, key: str, value: str) -> None:
    """Put `value` at `key`: the `access` of the first platform, or the
    `recommendations` of the first tool."""
    text = policy.read_text(encoding="utf-8")
    old = {
        "access": "access = \"Password manager, vault 'Social', item 'Instagram'\"",
        "recommendations": 'recommendations = "Plan on Mondays; never schedule during a live '
        'incident."',
    }[key]
    assert old in text
    policy.write_text(text.replace(old, f"{key} = {json.dumps(value)}"), encoding="utf-8")


@pytest.mark.parametrize("secret", [JWT, AWS])
def test_warnings_are_printed_but_do_not_stop_the_export(
    run: Run, policy: Path, secret: str
) -> None:
    _with(policy, "recommendations", f"Staging API: {secret}")
    code, _, err = run("export", "brand-policy.toml")
    assert code == 0
    lines = err.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("brand-policy.toml:")
    assert ": warning: tools[0].recommendations: looks like a password" in lines[0]
    assert lines[-1] == "brand-policy.toml: exported to brand-policy.md"
    assert secret[:20] in policy.with_suffix(".md").read_text(encoding="utf-8")  # not cut


def test_a_secret_in_access_counts_only_when_access_is_exported(run: Run, policy: Path) -> None:
    _with(policy, "access", "https://user:Kyiv2024@host")
    code, _, err = run("export", "brand-policy.toml", "--fail-on", "warning")
    assert (code, err) == (0, "brand-policy.toml: exported to brand-policy.md\n")
    code, _, err = run("export", "brand-policy.toml", "-o", "-", "--include-access")
    assert code == 0
    assert "warning: platforms[0].access: looks like a password" in err.splitlines()[0]
    code, out, err = run(
        "export", "brand-policy.toml", "-o", "-", "--include-access", "--fail-on", "warning"
    )
    assert (code, out) == (1, "")
    assert err.splitlines()[-1] == (
        "brand-policy.toml: not exported: 1 warning (--fail-on warning)"
    )
    # validate still reports it: the file holds a password
    assert "platforms[0].access" in run("validate", "brand-policy.toml")[1]


def test_fail_on_warning_refuses_any_warning(run: Run, policy: Path) -> None:
    _with(policy, "recommendations", f"Staging API: {JWT}")
    policy.with_suffix(".md").unlink(missing_ok=True)
    code, out, err = run("export", "brand-policy.toml", "--fail-on", "warning")
    assert (code, out) == (1, "")
    lines = err.splitlines()
    assert ": warning: tools[0].recommendations: looks like a password" in lines[0]
    assert lines[1:] == ["brand-policy.toml: not exported: 1 warning (--fail-on warning)"]
    assert not policy.with_suffix(".md").exists()


def test_fail_on_missing_refuses_a_draft_and_warning_refuses_it_too(run: Run, policy: Path) -> None:
    _draft(policy)
    for level in ("missing", "warning"):
        code, _, err = run("export", "brand-policy.toml", "--fail-on", level)
        assert code == 1
        lines = err.splitlines()
        assert lines[-1] == f"brand-policy.toml: not exported: 3 missing (--fail-on {level})"
        assert [line.split(": missing: ")[1] for line in lines[:-1]] == [
            "document.approved_by",
            "communication.style",
            "communication.negative.moderator_autonomy",
        ]
    assert not policy.with_suffix(".md").exists()
    code, _, err = run("export", "brand-policy.toml", "--fail-on", "error")
    assert code == 0
    assert "exported a draft" in err


def test_fail_on_error_is_the_default_and_lets_warnings_pass(run: Run, policy: Path) -> None:
    _with(policy, "recommendations", f"Staging API: {JWT}")
    assert run("export", "brand-policy.toml", "--fail-on", "error")[0] == 0
    assert run("export", "brand-policy.toml")[0] == 0


def test_fail_on_takes_only_the_three_levels(run: Run, policy: Path) -> None:
    code, _, err = run("export", "brand-policy.toml", "--fail-on", "warnings")
    assert code == 2
    assert "'error', 'missing', 'warning'" in err


def test_export_of_an_unreadable_file_exits_2(run: Run) -> None:
    code, _, err = run("export", "nothing.toml")
    assert code == 2
    assert err.startswith("nothing.toml: error: ")
    assert not Path("nothing.md").exists()


def test_a_failed_write_exits_2_and_leaves_nothing(run: Run, policy: Path) -> None:
    code, _, err = run("export", "brand-policy.toml", "-o", "no/such/folder/p.md")
    assert code == 2
    assert err.startswith("no/such/folder/p.md: error: ")
    assert sorted(p.name for p in policy.parent.iterdir()) == ["brand-policy.toml"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_read_only_folder_exits_2(run: Run, policy: Path, tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        code, _, err = run("export", "brand-policy.toml", "-o", "locked/p.md")
    finally:
        locked.chmod(0o700)
    assert code == 2
    assert "locked/p.md: error: " in err


def test_export_never_overwrites_the_policy(run: Run, policy: Path) -> None:
    before = policy.read_bytes()
    code, _, err = run("export", "brand-policy.toml", "-o", "./brand-policy.toml")
    assert code == 2
    assert "policy itself" in err
    assert policy.read_bytes() == before


def test_an_existing_document_is_replaced_whole(run: Run, policy: Path) -> None:
    target = policy.with_suffix(".md")
    target.write_text("old text that is much longer than nothing " * 1000, encoding="utf-8")
    assert run("export", "brand-policy.toml")[0] == 0
    assert "old text" not in target.read_text(encoding="utf-8")


@pytest.mark.parametrize("name", ["a" * 252 + ".md", "д" * 126 + ".md", "b" * 243 + ".md"])
def test_an_output_name_up_to_255_bytes_is_written(run: Run, policy: Path, name: str) -> None:
    """The temporary file's name does not grow with the target's: `-o` takes any name
    the file system takes."""
    assert len(os.fsencode(name)) <= 255
    code, _, err = run("export", "brand-policy.toml", "-o", name)
    assert (code, err) == (0, f"brand-policy.toml: exported to {name}\n")
    assert sorted(p.name for p in policy.parent.iterdir()) == sorted(["brand-policy.toml", name])


_KILLED_EXPORT = """
import os, signal, sys
from wizard.cli import program as cli
os.fsync = lambda fd: os.kill(os.getpid(), signal.SIGKILL)  # killed while writing
cli.main(sys.argv[1:])
"""


def _killed_export(folder: Path, *argv: str) -> set[str]:
    """`presence ARGV` in `folder`, killed (SIGKILL) with its document half written;
    the names of the files it left there."""
    before = {p.name for p in folder.iterdir()}
    done = subprocess.run(
        [sys.executable, "-c", _KILLED_EXPORT, *argv],
        cwd=folder,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        timeout=120,
    )
    assert done.returncode == -9, done.stderr
    return {p.name for p in folder.iterdir()} - before


def _age(path: Path, seconds: float) -> None:
    then = time.time() - seconds
    os.utime(path, (then, then))


def test_a_killed_write_leaves_a_temporary_file_the_next_write_removes(
    policy: Path, tmp_path: Path
) -> None:
    (left,) = _killed_export(tmp_path, "export", "brand-policy.toml", "-o", "out.md")
    assert not (tmp_path / "out.md").exists()
    _age(tmp_path / left, 120)
    # Files that are not this output's temporaries stay, however old.
    others = ["notes.tmp", ".out.md.x1y2z3w4.tmp", ".presence-00000000-abcdefgh.tmp", "out.md.tmp"]
    for name in others:
        (tmp_path / name).write_text("keep", encoding="utf-8")
        _age(tmp_path / name, 3600)
    # A second killed run: its own temporary is young, so the next run leaves it.
    (young,) = _killed_export(tmp_path, "export", "brand-policy.toml", "-o", "out.md")
    assert len(young) <= 40
    done = subprocess.run(
        [sys.executable, "-m", "wizard", "export", "brand-policy.toml", "-o", "out.md"],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    left_now = {p.name for p in tmp_path.iterdir()}
    assert left not in left_now
    assert left_now == {"brand-policy.toml", "out.md", young, *others}


def test_a_read_only_output_is_refused_unless_forced(run: Run, policy: Path) -> None:
    target = policy.with_suffix(".md")
    target.write_text("kept\n", encoding="utf-8")
    target.chmod(0o444)
    code, out, err = run("export", "brand-policy.toml")
    assert (code, out) == (2, "")
    assert err.endswith(
        "brand-policy.md: error: cannot write: the file is read-only (--force replaces it)\n"
    )
    assert target.read_text(encoding="utf-8") == "kept\n"
    code, _, err = run("export", "brand-policy.toml", "--force")
    assert (code, err) == (0, "brand-policy.toml: exported to brand-policy.md\n")
    assert target.read_text(encoding="utf-8").startswith("# ")
    assert stat.S_IMODE(target.stat().st_mode) == 0o444
    schema = Path("policy.schema.json")
    schema.write_text("{}", encoding="utf-8")
    schema.chmod(0o444)
    assert run("schema", "-o", str(schema))[0] == 2
    assert schema.read_text(encoding="utf-8") == "{}"
    assert run("schema", "-o", str(schema), "--force")[0] == 0
    assert json.loads(schema.read_text(encoding="utf-8"))


def test_an_output_ending_in_a_slash_is_a_folder(run: Run, policy: Path, tmp_path: Path) -> None:
    code, _, err = run("export", "brand-policy.toml", "-o", "out.md/")
    assert code == 2
    assert err == "out.md/: error: cannot write: no such folder (a name ending in / is a folder)\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["brand-policy.toml"]
    Path("out.md").mkdir()
    code, _, err = run("export", "brand-policy.toml", "-o", "out.md/")
    assert (code, err) == (0, "brand-policy.toml: exported to out.md/brand-policy.md\n")
    assert Path("out.md/brand-policy.md").read_text(encoding="utf-8").startswith("# ")
    Path("plain.md").write_text("kept\n", encoding="utf-8")
    code, _, err = run("export", "brand-policy.toml", "-o", "plain.md/")
    assert code == 2
    assert err == "plain.md/: error: cannot write: not a folder (a name ending in / is a folder)\n"
    assert Path("plain.md").read_text(encoding="utf-8") == "kept\n"


def test_an_existing_folder_takes_the_document_under_its_default_name(
    run: Run, policy: Path
) -> None:
    Path("docs.html").mkdir()
    code, _, err = run("export", "brand-policy.toml", "-o", "docs.html")
    assert (code, err) == (0, "brand-policy.toml: exported to docs.html/brand-policy.md\n")
    code, _, err = run("export", "brand-policy.toml", "-o", "docs.html", "--to", "html")
    assert (code, err) == (0, "brand-policy.toml: exported to docs.html/brand-policy.html\n")
    assert Path("docs.html/brand-policy.html").read_text(encoding="utf-8").startswith("<!")
    assert run("schema", "-o", "docs.html")[0] == 0
    assert json.loads(Path("docs.html/policy.schema.json").read_text(encoding="utf-8"))
    assert run("export", "brand-policy.toml", "-o", "")[0] == 2


# --- schema ---------------------------------------------------------------------------


def test_schema_is_json_schema(run: Run) -> None:
    code, out, _ = run("schema")
    assert code == 0
    schema = json.loads(out)
    assert "$schema" in schema
    assert "schema_version" in json.dumps(schema)


def test_schema_to_a_file(run: Run) -> None:
    assert run("schema", "-o", "policy.schema.json") == (0, "", "")
    text = Path("policy.schema.json").read_text(encoding="utf-8")
    assert text.startswith('{\n  "')
    assert json.loads(text) == json.loads(run("schema")[1])
    assert run("schema", "-o", "missing/dir/s.json")[0] == 2


# --- diff -------------------------------------------------------------------------------


def test_diff_of_identical_policies(run: Run, policy: Path) -> None:
    said = f"{EXAMPLE} and brand-policy.toml: no differences\n"
    assert run("diff", str(EXAMPLE), "brand-policy.toml") == (0, "", said)
    code, out, err = run("diff", "--format", "md", str(EXAMPLE), "brand-policy.toml")
    assert (code, err) == (0, "") and "No differences." in out


def test_diff_ignores_comments_and_order(run: Run, policy: Path) -> None:
    text = policy.read_text(encoding="utf-8")
    text = text.replace("# full | routine | none", "").replace(
        'company = "Northwind Bakery"\ntitle = "Brand presence policy"',
        'title = "Brand presence policy" # the title\ncompany = "Northwind Bakery"',
    )
    policy.write_text(text, encoding="utf-8")
    assert run("diff", str(EXAMPLE), "brand-policy.toml")[:2] == (0, "")


def test_diff_shows_changes_by_section(run: Run, policy: Path) -> None:
    text = policy.read_text(encoding="utf-8")
    policy.write_text(text.replace("first_reply_max_minutes = 30", "first_reply_max_minutes = 60"))
    code, out, err = run("diff", str(EXAMPLE), "brand-policy.toml")
    assert (code, err) == (1, "")
    assert out == (
        "[communication]\ncommunication.response_time.first_reply_max_minutes: 30 → 60\n"
    )
    code, md, _ = run("diff", str(EXAMPLE), "brand-policy.toml", "--format", "md")
    assert code == 1
    assert "## communication" in md
    assert "| `communication.response_time.first_reply_max_minutes` |" in md


def test_diff_of_an_unreadable_file_exits_2(run: Run, policy: Path) -> None:
    code, out, err = run("diff", "brand-policy.toml", "nope.toml")
    assert (code, out) == (2, "")
    assert err.startswith("nope.toml: error: ")
    code, _, err = run("diff", str(FIXTURES / "newer.toml"), "brand-policy.toml")
    assert code == 2
    assert "newer.toml:1:" in err


def test_diff_hides_access_values_unless_asked(run: Run, policy: Path) -> None:
    text = policy.read_text(encoding="utf-8")
    old_access = "Password manager, vault 'Social', item 'Instagram'"
    assert old_access in text
    text = text.replace(old_access, "Vault 'Marketing', item 'IG'")
    text = text.replace("access = \"Password manager, vault 'Social', item 'Buffer'\"", "")
    policy.write_text(text, encoding="utf-8")
    code, out, err = run("diff", str(EXAMPLE), "brand-policy.toml")
    assert code == 1
    assert "Vault" not in out and "Password manager" not in out
    assert "platforms[0].access: changed (access value hidden)  (Instagram)" in out
    assert "tools[0].access: removed (access value hidden)" in out
    assert err.endswith("access values are hidden (--include-access shows them)\n")
    code, md, _ = run("diff", str(EXAMPLE), "brand-policy.toml", "--format", "md")
    assert "Vault" not in md and "Password manager" not in md
    assert "| `platforms[0].access` | Instagram | changed | *(access value hidden)* |" in md
    assert "`access` values are hidden" in md
    code, out, err = run("diff", str(EXAMPLE), "brand-policy.toml", "--include-access")
    assert f"\"{old_access}\" → \"Vault 'Marketing', item 'IG'\"" in out
    assert "hidden" not in out + err
