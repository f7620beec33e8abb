"""The rules of opening, creating and exporting a policy (`wizard.core.service`), which
the command line and the wizard both call."""

from __future__ import annotations

import os
import stat
import tomllib
from pathlib import Path
from typing import Any

import pytest

from exports.store import (
    NewerFormatError,
    PolicyFileError,
    PolicyNotFoundError,
    PolicySyntaxError,
)
from schemas import check_policy
from schemas.problems import Problem
from wizard.core import drafts
from wizard.core.service import (
    EXAMPLE_PATH,
    Create,
    DraftOnly,
    Exists,
    Exported,
    ExportFormat,
    ExportRequest,
    HasErrors,
    Opened,
    PathRefused,
    Unreadable,
    WriteFailed,
    check_export_target,
    check_new_path,
    default_export_path,
    export_errors,
    export_format,
    export_policy,
    open_for_edit,
    open_policy,
    render_document,
    start_new,
    template_data,
    typed_path,
)

ROOT = Path(__file__).parents[2]
BROKEN = ROOT / "tests" / "fixtures" / "broken"
EXAMPLE: dict[str, Any] = tomllib.loads(EXAMPLE_PATH.read_text(encoding="utf-8"))
TOO_LONG = "x" * 300 + ".toml"


@pytest.fixture(autouse=True)
def _state_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PRESENCE_STATE_DIR", str(tmp_path / "state"))


@pytest.fixture
def policy(tmp_path: Path) -> Path:
    path = tmp_path / "brand-policy.toml"
    path.write_bytes(EXAMPLE_PATH.read_bytes())
    return path


def _problems(data: dict[str, Any]) -> list[Problem]:
    return check_policy(data)


# -- typed paths -----------------------------------------------------------------------
def test_typed_path(tmp_path: Path) -> None:
    assert typed_path("   ", tmp_path) is None
    assert typed_path("") is None
    assert typed_path(" p.toml ", tmp_path) == tmp_path / "p.toml"
    assert typed_path("/abs/p.toml", tmp_path) == Path("/abs/p.toml")
    assert typed_path("~/p.toml", tmp_path) == Path.home() / "p.toml"
    assert typed_path("p.toml") == Path("p.toml")  # no folder: as the system takes it


# -- creating --------------------------------------------------------------------------
def test_a_new_policy_can_go_into_an_existing_folder(tmp_path: Path) -> None:
    assert check_new_path(tmp_path / "p.toml") is None
    assert start_new(tmp_path / "p.toml") == Create(tmp_path / "p.toml")


def test_a_new_policy_is_not_a_folder(tmp_path: Path) -> None:
    assert check_new_path(tmp_path) == PathRefused(tmp_path, "is_folder")


def test_a_new_policy_needs_its_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "nowhere" / "p.toml"
    assert check_new_path(target) == PathRefused(target, "no_folder", folder=tmp_path / "nowhere")
    monkeypatch.chdir(tmp_path)
    relative = Path("nowhere/p.toml")
    refused = check_new_path(relative)
    assert refused is not None and refused.folder == tmp_path / "nowhere"  # named in full


def test_a_new_policy_name_the_system_refuses(tmp_path: Path) -> None:
    target = tmp_path / TOO_LONG
    assert check_new_path(target) == PathRefused(target, "system", detail="file name too long")
    assert start_new(target) == PathRefused(target, "system", detail="file name too long")


@pytest.mark.parametrize("content", [b"schema_version = 1\n", b"not = [toml\n", b""])
def test_an_existing_file_is_never_replaced_by_a_new_policy(tmp_path: Path, content: bytes) -> None:
    target = tmp_path / "p.toml"
    target.write_bytes(content)
    assert start_new(target, "example") == Exists(target)
    assert target.read_bytes() == content


def test_a_new_policy_from_the_example_has_no_revisions(tmp_path: Path) -> None:
    started = start_new(tmp_path / "p.toml", "example")
    assert isinstance(started, Create) and started.data is not None
    assert started.data["document"] == EXAMPLE["document"]
    assert "revisions" in EXAMPLE and "revisions" not in started.data


def test_a_new_policy_from_the_example_keeps_its_text_and_comments(tmp_path: Path) -> None:
    started = start_new(tmp_path / "p.toml", "example")
    assert isinstance(started, Create) and started.text is not None
    assert tomllib.loads(started.text) == started.data
    assert "# where the login lives, never the password" in started.text
    assert "[[revisions]]" not in started.text
    example = EXAMPLE_PATH.read_text(encoding="utf-8")
    assert started.text == example[: example.index("[[revisions]]")].rstrip("\n") + "\n"


def test_a_new_policy_from_another_file(tmp_path: Path, policy: Path) -> None:
    data = template_data(str(policy))
    assert isinstance(data, dict) and data["mission"] == EXAMPLE["mission"]
    assert "revisions" not in data


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("nowhere.toml", PolicyNotFoundError),
        ("newer-version.toml", NewerFormatError),
        ("bad-key.toml", PolicySyntaxError),
    ],
)
def test_a_template_that_cannot_be_read(tmp_path: Path, name: str, kind: type) -> None:
    started = start_new(tmp_path / "p.toml", str(BROKEN / name))
    assert isinstance(started, Unreadable)
    assert started.path == BROKEN / name
    assert isinstance(started.error, kind)
    assert not (tmp_path / "p.toml").exists()


# -- opening ---------------------------------------------------------------------------
def test_open_a_policy(policy: Path) -> None:
    opened = open_policy(policy)
    assert isinstance(opened, Opened)
    assert opened.path == policy and opened.source.data == EXAMPLE


@pytest.mark.parametrize("where", ["nowhere.toml", "brand-policy.toml/p.toml"])
def test_open_a_file_that_is_not_there(tmp_path: Path, policy: Path, where: str) -> None:
    opened = open_policy(tmp_path / where)
    assert isinstance(opened, Unreadable)
    assert opened.missing and not opened.broken
    assert isinstance(opened.error, PolicyNotFoundError)


def test_open_a_name_the_system_cannot_look_up(tmp_path: Path) -> None:
    (tmp_path / "a").symlink_to(tmp_path / "b")
    (tmp_path / "b").symlink_to(tmp_path / "a")
    for path, reason in (
        (tmp_path / TOO_LONG, "file name too long"),
        (tmp_path / "a", "too many levels of symbolic links"),
    ):
        opened = open_policy(path)
        assert isinstance(opened, Unreadable) and not opened.missing
        assert isinstance(opened.error, PolicyFileError)
        assert opened.error.message == reason


@pytest.mark.parametrize(
    ("name", "broken"),
    [("bad-key.toml", True), ("latin1.toml", True), ("newer-version.toml", False)],
)
def test_open_a_file_that_is_not_a_policy(name: str, broken: bool) -> None:
    opened = open_policy(BROKEN / name)
    assert isinstance(opened, Unreadable)
    assert opened.broken is broken and not opened.missing


def test_edit_opens_the_draft_of_a_policy_never_saved(tmp_path: Path) -> None:
    path = tmp_path / "never-saved.toml"
    assert isinstance(open_for_edit(path), Unreadable)
    drafts.write_draft(path, {"schema_version": 1}, "")
    assert open_for_edit(path) == DraftOnly(path)
    path.write_bytes(EXAMPLE_PATH.read_bytes())  # a file wins over a draft
    assert isinstance(open_for_edit(path), Opened)


# -- exporting -------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("path", "asked", "fmt"),
    [
        ("out.html", None, "html"),
        ("out.HTM", None, "html"),
        ("out.markdown", None, "md"),
        ("out.txt", None, "md"),
        ("out", None, "md"),
        (None, None, "md"),
        ("out.html", "md", "md"),
        (None, "html", "html"),
    ],
)
def test_export_format(path: str | None, asked: Any, fmt: str) -> None:
    assert export_format(path, asked) == fmt


def test_default_export_path() -> None:
    assert default_export_path(Path("a/p.toml"), "html") == Path("a/p.html")
    assert default_export_path(None, "md") == Path("brand-policy.md")


def test_only_errors_stop_an_export() -> None:
    problems = [
        Problem("mission.statement", "missing", "required"),
        Problem("platforms[0].owner", "warning", "active_without_owner"),
        Problem("document.version", "error", "wrong_type"),
    ]
    assert export_errors(problems) == [problems[2]]


def test_a_policy_with_errors_is_not_exported(tmp_path: Path, policy: Path) -> None:
    data = {**EXAMPLE, "schema_version": "1"}
    problems = _problems(data)
    target = tmp_path / "out.md"
    result = export_policy(data, problems, ExportRequest("md", target), policy=policy)
    assert isinstance(result, HasErrors)
    assert result.errors == tuple(p for p in problems if p.level == "error")
    assert not target.exists()


def test_a_draft_is_exported_and_counted(tmp_path: Path, policy: Path) -> None:
    data = {key: value for key, value in EXAMPLE.items() if key != "mission"}
    target = tmp_path / "out.md"
    result = export_policy(data, _problems(data), ExportRequest("md", target), policy=policy)
    assert isinstance(result, Exported) and result.missing > 0
    assert target.read_bytes() == result.document


def test_the_renderer_is_chosen_by_format(tmp_path: Path, policy: Path) -> None:
    problems = _problems(EXAMPLE)
    starts: tuple[tuple[ExportFormat, bytes], ...] = (
        ("md", b"# "),
        ("html", b"<!DOCTYPE html>"),
        ("pdf", b"%PDF-"),
        ("docx", b"PK\x03\x04"),  # a zip file
    )
    for fmt, start in starts:
        target = tmp_path / f"out.{fmt}"
        result = export_policy(EXAMPLE, problems, ExportRequest(fmt, target), policy=policy)
        assert isinstance(result, Exported) and result.missing == 0 and result.pages is None
        assert result.document.startswith(start)
        if fmt in ("md", "html"):  # the PDF and DOCX carry no date, but zip entries do
            rendered = render_document(EXAMPLE, fmt, include_access=False, problems=problems)
            assert result.document == rendered.content
        assert target.read_bytes() == result.document


def test_access_data_only_when_asked(tmp_path: Path, policy: Path) -> None:
    access = "Password manager"  # the words of the example's access values
    assert any(access in p.get("access", "") for p in EXAMPLE["platforms"])
    problems = _problems(EXAMPLE)
    without = export_policy(EXAMPLE, problems, ExportRequest("md", None), policy=policy)
    request = ExportRequest("md", None, include_access=True)
    with_access = export_policy(EXAMPLE, problems, request, policy=policy)
    assert isinstance(without, Exported) and isinstance(with_access, Exported)
    assert access.encode() not in without.document and access.encode() in with_access.document


def test_without_a_path_nothing_is_written(tmp_path: Path, policy: Path) -> None:
    before = sorted(tmp_path.iterdir())
    result = export_policy(EXAMPLE, _problems(EXAMPLE), ExportRequest("md", None), policy=policy)
    assert isinstance(result, Exported) and result.document
    assert sorted(tmp_path.iterdir()) == before


@pytest.mark.parametrize("name", ["itself", "symlink", "hardlink", "relative", "dotted"])
def test_the_policy_itself_is_never_written_over(
    tmp_path: Path, policy: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    raw = policy.read_bytes()
    monkeypatch.chdir(tmp_path)
    target = {
        "itself": policy,
        "symlink": tmp_path / "link.md",
        "hardlink": tmp_path / "hard.md",
        "relative": Path("brand-policy.toml"),
        "dotted": Path("./sub/../brand-policy.toml"),
    }[name]
    (tmp_path / "sub").mkdir()
    (tmp_path / "link.md").symlink_to(policy)
    (tmp_path / "hard.md").hardlink_to(policy)
    assert check_export_target(target, policy) == PathRefused(target, "is_policy")
    result = export_policy(EXAMPLE, _problems(EXAMPLE), ExportRequest("md", target), policy=policy)
    assert result == PathRefused(target, "is_policy")
    assert policy.read_bytes() == raw


def test_an_export_target_must_be_a_file_in_a_folder(tmp_path: Path, policy: Path) -> None:
    nowhere = tmp_path / "nowhere" / "a.md"
    long_name = tmp_path / (TOO_LONG + ".md")
    assert check_export_target(tmp_path, policy) == PathRefused(tmp_path, "is_folder")
    assert check_export_target(nowhere, policy) == PathRefused(
        nowhere, "no_folder", folder=tmp_path / "nowhere"
    )
    assert check_export_target(long_name, policy) == PathRefused(
        long_name, "system", detail="file name too long"
    )
    assert check_export_target(tmp_path / "a.md", policy) is None
    assert check_export_target(tmp_path / "a.md", None) is None
    assert check_export_target(policy, None) is None  # no policy file to protect


def test_a_read_only_document_is_replaced_only_when_asked(tmp_path: Path, policy: Path) -> None:
    target = tmp_path / "out.md"
    target.write_text("old", encoding="utf-8")
    os.chmod(target, 0o444)
    problems = _problems(EXAMPLE)
    result = export_policy(EXAMPLE, problems, ExportRequest("md", target), policy=policy)
    assert isinstance(result, WriteFailed) and result.read_only and result.path == target
    assert target.read_text(encoding="utf-8") == "old"
    request = ExportRequest("md", target, replace_read_only=True)
    result = export_policy(EXAMPLE, problems, request, policy=policy)
    assert isinstance(result, Exported)
    assert target.read_bytes() == result.document
    assert stat.S_IMODE(target.stat().st_mode) == 0o444  # its permissions are kept


def test_a_write_that_fails_says_why(
    tmp_path: Path, policy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full)
    target = tmp_path / "out.md"
    result = export_policy(EXAMPLE, _problems(EXAMPLE), ExportRequest("md", target), policy=policy)
    assert isinstance(result, WriteFailed) and not result.read_only
    assert result.error.message == "no space left on device"
    assert not target.exists()
