"""The command line on files of any size: a stated limit, and linear work under it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from exports.store import MAX_FILE_BYTES
from tests.unit.conftest import Run

EXAMPLE = Path(__file__).resolve().parents[2] / "wizard" / "data" / "example-policy.toml"
LIMIT = "16 MiB (16,777,216 bytes)"


def _sparse(path: Path, size: int) -> Path:
    """A file of `size` zero bytes that takes no room on the disk."""
    with path.open("wb") as file:
        file.truncate(size)
    return path


def test_a_file_over_the_limit_is_refused_naming_its_size_and_the_limit(
    cli: Run, tmp_path: Path
) -> None:
    huge = _sparse(tmp_path / "huge.toml", 20 * 1024 * 1024)
    message = (
        f"{huge}: error: too large for a policy file: 20,971,520 bytes (20.0 MiB), "
        f"over the limit of {LIMIT}\n"
    )
    for args in (
        ["validate", str(huge)],
        ["export", str(huge), "-o", str(tmp_path / "out.md")],
        ["export", str(huge), "--to", "html", "-o", str(tmp_path / "out.html")],
        ["diff", str(huge), str(EXAMPLE)],
        ["plan", str(huge), "-o", str(tmp_path / "out.md")],
    ):
        assert cli(*args) == (2, "", message)
    assert not (tmp_path / "out.md").exists()
    code, out, _ = cli("validate", "--format", "json", str(huge))
    assert code == 2
    assert "too large for a policy file" in out


def test_a_file_without_a_size_is_read_no_further_than_the_limit(cli: Run, tmp_path: Path) -> None:
    endless = tmp_path / "endless.toml"
    endless.symlink_to("/dev/zero")
    assert cli("validate", str(endless)) == (
        2,
        "",
        f"{endless}: error: too large for a policy file: more than the limit of {LIMIT}\n",
    )


def test_a_policy_of_exactly_the_limit_is_read(cli: Run, tmp_path: Path) -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    filler = "# filler\n"
    lines, rest = divmod(MAX_FILE_BYTES - len(text.encode("utf-8")), len(filler))
    policy = tmp_path / "p.toml"
    policy.write_text(text + filler * lines + "#" * (rest - 1) + "\n", encoding="utf-8")
    assert policy.stat().st_size == MAX_FILE_BYTES
    code, _, err = cli("validate", str(policy))
    assert (code, err) == (0, f"{policy}: valid\n")


@pytest.mark.parametrize(
    "statement",
    [
        '"' + "x" * 2_000_000 + '"',
        '"' + 'a \\"b\\" \\\\ \\u00e9 ' * 150_000 + '"',
        '"""\n' + 'one "two" \\"""\n' * 120_000 + '"""',
        "'''\n" + "C:\\path '' x\n" * 150_000 + "'''",
    ],
    ids=["single-line", "escapes", "multi-line", "multi-line literal"],
)
def test_a_huge_string_with_a_problem_elsewhere_is_located_exactly(
    cli: Run, tmp_path: Path, statement: str
) -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    text, replaced = re.subn(r"(?m)^statement = .*\n", lambda _: f"statement = {statement}\n", text)
    assert replaced == 1
    text = text.replace("first_reply_max_minutes = 30", 'first_reply_max_minutes = "30"')
    policy = tmp_path / "p.toml"
    policy.write_text(text, encoding="utf-8")
    line = text[: text.index('first_reply_max_minutes = "30"')].count("\n") + 1
    code, out, _ = cli("validate", str(policy))
    assert code == 1
    assert out == (
        f"{policy}:{line}:27: error: communication.response_time.first_reply_max_minutes: "
        'expected an integer, got a string "30"\n'
    )
