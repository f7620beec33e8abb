"""One atomic write (`exports.atomic.replace_file`) for policies, documents and the
wizard's own state files: drafts, locks, recent files, the remembered author."""

from __future__ import annotations

import errno
import json
import os
import stat
from collections.abc import Callable
from pathlib import Path

import pytest

from exports.atomic import replace_file
from wizard.core import drafts, lock, recent, revisions


@pytest.fixture(autouse=True)
def _state_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PRESENCE_STATE_DIR", str(tmp_path / "state"))


def _write_lock(policy: Path) -> Path:
    lock.acquire(policy)  # False when the write failed
    return lock.lock_file(policy)


def _write_draft(policy: Path) -> Path:
    return drafts.write_draft(policy, {"schema_version": 1}, "")


def _write_recent(policy: Path) -> Path:
    recent.remember(policy)
    return recent.state_dir() / "recent.json"


def _write_author(policy: Path) -> Path:
    revisions.remember_author("Olena")
    return recent.state_dir() / "author.json"


WRITERS: dict[str, Callable[[Path], Path]] = {
    "lock": _write_lock,
    "draft": _write_draft,
    "recent": _write_recent,
    "author": _write_author,
}


@pytest.mark.parametrize("kind", WRITERS)
def test_state_files_are_private(tmp_path: Path, kind: str) -> None:
    """Every state file is the user's alone (0600), whatever the umask."""
    old = os.umask(0o022)
    try:
        target = WRITERS[kind](tmp_path / "p.toml")
    finally:
        os.umask(old)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


@pytest.mark.parametrize("kind", WRITERS)
def test_a_link_planted_at_a_state_file_is_replaced_not_followed(tmp_path: Path, kind: str) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me", encoding="utf-8")
    policy = tmp_path / "p.toml"
    target = WRITERS[kind](policy)  # where this kind of file goes
    target.unlink()
    target.symlink_to(victim)
    WRITERS[kind](policy)
    assert victim.read_text(encoding="utf-8") == "keep me"
    assert not target.is_symlink()
    json.loads(target.read_text(encoding="utf-8"))


def test_a_lock_is_not_written_through_a_guessable_temporary_name(tmp_path: Path) -> None:
    """The temporary name is made by `mkstemp` (O_EXCL, unpredictable), never one that
    another user could plant a link at beforehand (`.NAME.<pid>.tmp` was)."""
    policy = tmp_path / "p.toml"
    target = lock.lock_file(policy)
    target.parent.mkdir(parents=True)
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me", encoding="utf-8")
    (target.parent / f".{target.name}.{os.getpid()}.tmp").symlink_to(victim)
    assert lock.acquire(policy)
    assert victim.read_text(encoding="utf-8") == "keep me"
    assert lock.read_lock(policy) is not None


@pytest.mark.parametrize("kind", WRITERS)
def test_a_failed_state_write_leaves_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    policy = tmp_path / "p.toml"
    target = WRITERS[kind](policy)
    before = target.read_bytes()
    names = sorted(p.name for p in target.parent.iterdir())

    def fail(*args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    try:
        WRITERS[kind](tmp_path / "p.toml")
    except OSError:
        assert kind == "draft"  # a draft's failure is reported; the others are best effort
    monkeypatch.undo()
    assert target.read_bytes() == before
    assert sorted(p.name for p in target.parent.iterdir()) == names


def test_replace_file_flushes_when_durable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    synced: list[int] = []
    real_fsync = os.fsync

    def fsync(fd: int) -> None:
        synced.append(fd)
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    replace_file(tmp_path / "a.json", b"{}", durable=False)
    assert synced == []
    replace_file(tmp_path / "a.json", b"[]")
    assert len(synced) == 2  # the file, then its folder
    assert (tmp_path / "a.json").read_bytes() == b"[]"


def test_replace_file_gives_the_mode_asked_for(tmp_path: Path) -> None:
    replace_file(tmp_path / "a.txt", b"x", mode=0o640)
    assert stat.S_IMODE((tmp_path / "a.txt").stat().st_mode) == 0o640
    replace_file(tmp_path / "a.txt", b"y")
    assert stat.S_IMODE((tmp_path / "a.txt").stat().st_mode) == 0o600


def test_replace_file_raises_os_errors(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        replace_file(tmp_path / "nowhere" / "a.txt", b"x")
