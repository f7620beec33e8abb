"""`presence merge` as a git merge driver and `presence diff --textconv` as a diff driver:
in-process, and through real `git merge` in a temporary repository."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from tests.unit.conftest import Run

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = (ROOT / "wizard" / "data" / "example-policy.toml").read_text(encoding="utf-8")
COMMENTED = (ROOT / "tests" / "fixtures" / "preserve" / "02-comments-everywhere.toml").read_text(
    encoding="utf-8"
)


def edit(text: str, *replacements: tuple[str, str]) -> str:
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new, 1)
    return text


def _files(tmp_path: Path, base: str, ours: str, theirs: str) -> tuple[str, str, str]:
    names = []
    for name, text in (("base", base), ("ours", ours), ("theirs", theirs)):
        path = tmp_path / f".merge_file_{name}"
        path.write_text(text, encoding="utf-8", newline="")
        names.append(str(path))
    return names[0], names[1], names[2]


def test_a_clean_merge_is_written_into_ours_and_named_by_path(cli: Run, tmp_path: Path) -> None:
    ours = edit(EXAMPLE, ('version = "1.1"', 'version = "1.2"   # hand'))
    theirs = edit(EXAMPLE, ("first_reply_max_minutes = 30", "first_reply_max_minutes = 25"))
    base, mine, other = _files(tmp_path, EXAMPLE, ours, theirs)
    code, out, err = cli("merge", base, mine, other, "brand-policy.toml")
    assert (code, out, err) == (0, "", "brand-policy.toml: merged\n")
    text = Path(mine).read_text(encoding="utf-8")
    assert 'version = "1.2"   # hand' in text and "first_reply_max_minutes = 25" in text
    assert Path(other).read_text(encoding="utf-8") == theirs


def test_conflicts_are_marked_listed_and_exit_1(cli: Run, tmp_path: Path) -> None:
    ours = edit(EXAMPLE, ("first_reply_max_minutes = 30", "first_reply_max_minutes = 25"))
    theirs = edit(EXAMPLE, ("first_reply_max_minutes = 30", "first_reply_max_minutes = 20"))
    base, mine, other = _files(tmp_path, EXAMPLE, ours, theirs)
    code, out, err = cli("merge", base, mine, other, "brand-policy.toml")
    assert code == 1 and out == ""
    first, summary = err.splitlines()
    match = re.fullmatch(
        r"brand-policy\.toml:(\d+):(\d+): conflict: "
        r"communication\.response_time\.first_reply_max_minutes: ours 25 / theirs 20",
        first,
    )
    assert match, first
    assert summary.startswith("brand-policy.toml: 1 conflict; ")
    lines = Path(mine).read_text(encoding="utf-8").splitlines()
    line, column = int(match[1]), int(match[2])
    assert lines[line - 1][column - 1 :] == "25"
    assert lines[line - 2 : line + 3] == [
        "<<<<<<< ours",
        "first_reply_max_minutes = 25",
        "=======",
        "first_reply_max_minutes = 20",
        ">>>>>>> theirs",
    ]


def test_an_empty_base_means_no_common_version(cli: Run, tmp_path: Path) -> None:
    ours = edit(EXAMPLE, ('version = "1.1"', 'version = "1.2"'))
    base, mine, other = _files(tmp_path, "", ours, EXAMPLE)
    code, _, err = cli("merge", base, mine, other, "p.toml")
    assert code == 1
    assert 'conflict: document.version: ours "1.2" / theirs "1.1"' in err
    base, mine, other = _files(tmp_path, "", EXAMPLE, EXAMPLE)
    assert cli("merge", base, mine, other, "p.toml")[0] == 0


def test_a_version_that_cannot_be_read_exits_2_naming_the_file(cli: Run, tmp_path: Path) -> None:
    broken = 'schema_version = 1\n[document]\ncompany = "Acme\n'
    base, mine, other = _files(tmp_path, EXAMPLE, EXAMPLE, broken)
    before = Path(mine).read_bytes()
    code, out, err = cli("merge", base, mine, other, "brand-policy.toml")
    assert code == 2 and out == ""
    assert err == (
        "brand-policy.toml:3:16: error: their version (THEIRS) cannot be read: "
        "TOML syntax: line ends inside a string (missing quote?)\n"
    )
    assert Path(mine).read_bytes() == before  # nothing written
    code, _, err = cli("merge", base, str(tmp_path / "missing.toml"), other, "x\x1b[2J.toml")
    assert code == 2
    assert "\x1b" not in err and "x\\u001b[2J.toml: error: our version (OURS) cannot be read" in err


def test_nothing_raw_from_a_file_reaches_the_terminal(cli: Run, tmp_path: Path) -> None:
    ours = edit(EXAMPLE, ('version = "1.1"', 'version = "\\u001b]52;c;ZXZpbA==\\u0007"'))
    theirs = edit(EXAMPLE, ('version = "1.1"', 'version = "\\u009b2J"'))
    base, mine, other = _files(tmp_path, EXAMPLE, ours, theirs)
    code, _, err = cli("merge", base, mine, other)
    assert code == 1
    assert not any(0x80 <= ord(c) <= 0x9F or (ord(c) < 0x20 and c != "\n") for c in err)
    assert "\\u001b]52" in err and "\\u009b2J" in err


def test_access_values_are_hidden_in_conflict_lines(cli: Run, tmp_path: Path) -> None:
    old = "access = \"Password manager, vault 'Social', item 'Instagram'\""
    ours = edit(EXAMPLE, (old, 'access = "vault A"'))
    theirs = edit(EXAMPLE, (old, 'access = "vault B"'))
    base, mine, other = _files(tmp_path, EXAMPLE, ours, theirs)
    _, _, err = cli("merge", base, mine, other)
    assert "vault A" not in err and "(access value hidden)" in err
    base, mine, other = _files(tmp_path, EXAMPLE, ours, theirs)
    _, _, err = cli("merge", base, mine, other, "--include-access")
    assert 'ours "vault A" / theirs "vault B"' in err


def test_output_elsewhere_leaves_ours_alone(cli: Run, tmp_path: Path) -> None:
    ours = edit(EXAMPLE, ('version = "1.1"', 'version = "1.2"'))
    base, mine, other = _files(tmp_path, EXAMPLE, ours, EXAMPLE)
    out = tmp_path / "merged.toml"
    assert cli("merge", base, mine, other, "-o", str(out))[0] == 0
    assert Path(mine).read_text(encoding="utf-8") == ours
    assert out.read_text(encoding="utf-8") == ours
    code, printed, _ = cli("merge", base, mine, other, "-o", "-")
    assert code == 0 and printed == ours
    assert cli("merge", base, mine, other, "-o", str(tmp_path / "no" / "x.toml"))[0] == 2


def test_a_merge_with_an_error_neither_side_had_is_not_clean(cli: Run, tmp_path: Path) -> None:
    ours = edit(EXAMPLE, ("first_reply_max_minutes = 30", "first_reply_max_minutes = 20"))
    theirs = edit(EXAMPLE, ("first_reply_avg_minutes = 15", "first_reply_avg_minutes = 25"))
    base, mine, other = _files(tmp_path, EXAMPLE, ours, theirs)
    code, _, err = cli("merge", base, mine, other, "p.toml")
    assert code == 1
    assert "error: communication.response_time.first_reply_avg_minutes:" in err
    assert err.endswith("p.toml: merged, but the result has 1 error neither version had\n")
    assert "<<<<<<<" not in Path(mine).read_text(encoding="utf-8")


def test_textconv_prints_the_data_and_a_broken_file_as_text(cli: Run, tmp_path: Path) -> None:
    path = tmp_path / "p.toml"
    path.write_text(COMMENTED, encoding="utf-8")
    code, out, _ = cli("diff", "--textconv", str(path))
    assert code == 0 and "#" not in out
    assert tomllib.loads(out) == tomllib.loads(COMMENTED)
    path.write_text('a = "x\x1b"\n<<<<<<< ours\n', encoding="utf-8")
    code, out, err = cli("diff", "--textconv", str(path))
    assert code == 0 and out == 'a = "x\\u001b"\n<<<<<<< ours\n'
    assert "shown as text" in err
    code, _, err = cli("diff", "--textconv", str(path), str(path))
    assert code == 2


# -- real git ----------------------------------------------------------------------------

GIT = shutil.which("git")
DRIVER = f"'{sys.executable}' -m wizard merge %O %A %B %P"


def git(repo: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_AUTHOR_NAME": "Test",
        "GIT_AUTHOR_EMAIL": "test@example.com",
        "GIT_COMMITTER_NAME": "Test",
        "GIT_COMMITTER_EMAIL": "test@example.com",
        "PYTHONPATH": str(ROOT),
    }
    done = subprocess.run(
        ["git", *args], cwd=repo, capture_output=True, text=True, env=env, timeout=120
    )
    assert "Traceback" not in done.stdout + done.stderr, done.stderr
    if check:
        assert done.returncode == 0, done.stderr
    return done


def _repository(tmp_path: Path, text: str) -> Path:
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    git(repo, "config", "merge.presence.driver", DRIVER)
    git(repo, "config", "diff.presence.textconv", f"'{sys.executable}' -m wizard diff --textconv")
    (repo / ".gitattributes").write_text(
        "brand-policy.toml merge=presence diff=presence\n", encoding="utf-8"
    )
    (repo / "brand-policy.toml").write_text(text, encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "the policy")
    return repo


def _commit_on(repo: Path, branch: str, text: str, *, new: bool = True) -> None:
    git(repo, "checkout", "-q", *(["-b"] if new else []), branch)
    (repo / "brand-policy.toml").write_text(text, encoding="utf-8")
    git(repo, "commit", "-q", "-am", f"on {branch}")


pytestmark_git = pytest.mark.skipif(GIT is None, reason="git is not installed")


@pytestmark_git
def test_git_merges_edits_to_different_keys_with_both_sides_comments(
    cli: Run, tmp_path: Path
) -> None:
    repo = _repository(tmp_path, COMMENTED)
    client = edit(
        COMMENTED,
        ('company = "Northwind Bakery"', 'company = "Northwind Bakery Ltd"   # legal name'),
        ("# Telegram: planned for spring.\n", "# Telegram: planned for spring.\n# ask Olena\n"),
    )
    _commit_on(repo, "client", client)
    agency = edit(
        COMMENTED,
        ("first_reply_max_minutes = 30", "first_reply_max_minutes = 25   # agency: weekdays"),
        ('[[tools]]\nname = "Buffer"\n', '[[tools]]\nname = "Buffer"\n# paid plan since May\n'),
    )
    _commit_on(repo, "main", agency, new=False)
    done = git(repo, "merge", "--no-edit", "client")
    assert "brand-policy.toml: merged" in done.stderr + done.stdout
    text = (repo / "brand-policy.toml").read_text(encoding="utf-8")
    for line in [
        'company = "Northwind Bakery Ltd"   # legal name',
        "# ask Olena",
        "first_reply_max_minutes = 25   # agency: weekdays",
        "# paid plan since May",
        "# === 2. Platforms ===",
        "# end of file comment",
    ]:
        assert line + "\n" in text, line
    assert git(repo, "status", "--porcelain").stdout == ""
    _, _, err = cli("validate", str(repo / "brand-policy.toml"))
    assert "error" not in err


@pytestmark_git
def test_git_stops_at_the_same_key_changed_on_both_branches(tmp_path: Path) -> None:
    repo = _repository(tmp_path, EXAMPLE)
    _commit_on(repo, "client", edit(EXAMPLE, ('version = "1.1"', 'version = "1.2-client"')))
    _commit_on(
        repo, "main", edit(EXAMPLE, ('version = "1.1"', 'version = "1.2-agency"')), new=False
    )
    done = git(repo, "merge", "--no-edit", "client", check=False)
    assert done.returncode == 1
    assert re.search(
        r"brand-policy\.toml:\d+:\d+: conflict: document\.version: "
        r'ours "1\.2-agency" / theirs "1\.2-client"',
        done.stderr + done.stdout,
    )
    assert git(repo, "status", "--porcelain").stdout.startswith("UU brand-policy.toml")
    text = (repo / "brand-policy.toml").read_text(encoding="utf-8")
    assert (
        '<<<<<<< ours\nversion = "1.2-agency"\n=======\nversion = "1.2-client"\n>>>>>>> theirs'
        in text
    )
    # `git diff` with the textconv driver still works on the file with markers.
    assert "version" in git(repo, "diff").stdout


@pytestmark_git
@pytest.mark.parametrize(
    ("client_edit", "agency_edit"),
    [
        (
            ('name = "Telegram"', 'name = "Telegram"\nhandle = "@northwind_tg"'),
            ('status = "active"', 'status = "paused"'),
        ),
        (
            ("[[tools]]", '[[tools]]\nname = "Canva"\ncategory = "design"\n\n[[tools]]'),
            ("[[tools]]", '[[tools]]\nname = "Later"\ncategory = "scheduling"\n\n[[tools]]'),
        ),
        (
            ('"#NorthwindBakery", ', '"#NorthwindBakery", "#Fresh", '),
            ('"#BakedAtDawn"]', '"#BakedAtDawn", "#Kyiv"]'),
        ),
    ],
)
def test_clean_git_merges_validate(
    cli: Run, tmp_path: Path, client_edit: tuple[str, str], agency_edit: tuple[str, str]
) -> None:
    repo = _repository(tmp_path, EXAMPLE)
    _commit_on(repo, "client", edit(EXAMPLE, client_edit))
    _commit_on(repo, "main", edit(EXAMPLE, agency_edit), new=False)
    git(repo, "merge", "--no-edit", "client")
    code, out, err = cli("validate", str(repo / "brand-policy.toml"))
    assert code == 0, out + err
    data = tomllib.loads((repo / "brand-policy.toml").read_text(encoding="utf-8"))
    assert client_edit[1].split("\n")[0] in (repo / "brand-policy.toml").read_text(encoding="utf-8")
    assert data["schema_version"] == tomllib.loads(EXAMPLE)["schema_version"]


@pytestmark_git
def test_git_diff_compares_data_through_textconv(tmp_path: Path) -> None:
    repo = _repository(tmp_path, COMMENTED)
    (repo / "brand-policy.toml").write_text(
        edit(
            COMMENTED,
            ("# who we are\n", "# who we are, reworded\n"),
            ("style = ", 'voice = "warm"\nstyle = '),
        ),
        encoding="utf-8",
    )
    diff = git(repo, "diff").stdout
    assert '+voice = "warm"' in diff
    assert "reworded" not in diff  # a comment is not data
