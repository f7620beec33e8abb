"""Atomic saves: a failure at any step leaves the original file and no temporary file."""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from exports.atomic import (
    STALE_AFTER,
    PolicyWriteError,
    ReadOnlyFileError,
    atomic_write,
    remove_stale_temporaries,
    temp_prefix,
)
from exports.store import file_changed_on_disk, read_policy, save_policy

ORIGINAL = b'schema_version = 1\n\n[document]\ncompany = "Old"\n'


@pytest.fixture
def policy(tmp_path: Path) -> Path:
    path = tmp_path / "policy.toml"
    path.write_bytes(ORIGINAL)
    return path


@pytest.fixture
def umask_022() -> Iterator[None]:
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def failing(code: int) -> Callable[..., Any]:
    """A stand-in for an os function that fails with `code`."""

    def fail(*args: Any, **kwargs: Any) -> Any:
        raise OSError(code, os.strerror(code))

    return fail


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name != "policy.toml")


@pytest.mark.parametrize(
    ("function", "code", "reason"),
    [
        ("write", errno.ENOSPC, "no space left on device"),
        ("write", errno.EDQUOT, "disk quota exceeded"),
        ("fchmod", errno.EPERM, "permission denied"),
        ("fsync", errno.EIO, "input/output error"),
        ("replace", errno.EACCES, "permission denied"),
        ("replace", errno.EROFS, "read-only file system"),
    ],
)
def test_failure_at_each_step_keeps_the_original(
    policy: Path, monkeypatch: pytest.MonkeyPatch, function: str, code: int, reason: str
) -> None:
    monkeypatch.setattr(os, function, failing(code))
    with pytest.raises(PolicyWriteError) as caught:
        atomic_write(policy, b"new content\n")
    monkeypatch.undo()
    assert policy.read_bytes() == ORIGINAL
    assert leftovers(policy.parent) == []
    assert caught.value.message == reason
    assert caught.value.file == str(policy)
    assert str(caught.value) == f"{policy}: error: cannot save: {reason}"


def test_short_writes_are_completed(policy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_write = os.write

    def one_byte(fd: int, data: Any) -> int:
        return real_write(fd, bytes(data[:1]))

    monkeypatch.setattr(os, "write", one_byte)
    atomic_write(policy, "новий\n".encode())
    monkeypatch.undo()
    assert policy.read_text() == "новий\n"


def test_read_only_folder(policy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Tests run as root, where chmod cannot make a folder read-only: patch the temp file.
    import tempfile

    monkeypatch.setattr(tempfile, "mkstemp", failing(errno.EACCES))
    with pytest.raises(PolicyWriteError) as caught:
        atomic_write(policy, b"x")
    monkeypatch.undo()
    assert caught.value.message == "permission denied"
    assert policy.read_bytes() == ORIGINAL


def test_folder_that_does_not_exist(tmp_path: Path) -> None:
    target = tmp_path / "missing" / "policy.toml"
    with pytest.raises(PolicyWriteError) as caught:
        atomic_write(target, b"x")
    assert caught.value.message == "folder does not exist"
    assert not (tmp_path / "missing").exists()


def test_folder_sync_failure_is_tolerated(policy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_open = os.open

    def no_folders(path: Any, flags: int, *args: Any) -> int:
        if Path(path).is_dir():
            raise OSError(errno.EACCES, "no")
        return real_open(path, flags, *args)

    monkeypatch.setattr(os, "open", no_folders)
    atomic_write(policy, b"saved\n")
    monkeypatch.undo()
    assert policy.read_bytes() == b"saved\n"


def test_permission_bits_are_kept(policy: Path) -> None:
    policy.chmod(0o640)
    atomic_write(policy, b"saved\n")
    assert stat.S_IMODE(policy.stat().st_mode) == 0o640
    assert policy.read_bytes() == b"saved\n"


@pytest.mark.usefixtures("umask_022")
def test_new_file_gets_the_usual_mode(tmp_path: Path) -> None:
    target = tmp_path / "new.toml"
    atomic_write(target, b"x = 1\n")
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
    assert leftovers(tmp_path) == ["new.toml"]


def test_symbolic_link_target_is_replaced(policy: Path) -> None:
    link = policy.parent / "link.toml"
    link.symlink_to(policy)
    atomic_write(link, b"through the link\n")
    assert link.is_symlink()
    assert policy.read_bytes() == b"through the link\n"


def test_save_policy_failure_keeps_the_file(policy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = read_policy(policy)
    data = {"schema_version": 1, "document": {"company": "New"}}
    monkeypatch.setattr(os, "replace", failing(errno.ENOSPC))
    with pytest.raises(PolicyWriteError):
        save_policy(policy, data, source)
    monkeypatch.undo()
    assert policy.read_bytes() == ORIGINAL
    saved = save_policy(policy, data, source)
    assert policy.read_bytes() == ORIGINAL.replace(b'"Old"', b'"New"')
    assert saved.data == data


def test_file_changed_on_disk(policy: Path) -> None:
    source = read_policy(policy)
    assert not file_changed_on_disk(source)
    policy.write_bytes(ORIGINAL + b"# edited elsewhere\n")
    assert file_changed_on_disk(source)
    assert not file_changed_on_disk(read_policy(policy))
    policy.unlink()
    assert file_changed_on_disk(source)


@pytest.mark.parametrize("interruption", [KeyboardInterrupt, SystemExit])
def test_an_interrupted_write_leaves_no_temporary_file(
    policy: Path, monkeypatch: pytest.MonkeyPatch, interruption: type[BaseException]
) -> None:
    def interrupted(*args: Any) -> Any:
        raise interruption

    monkeypatch.setattr(os, "fsync", interrupted)
    with pytest.raises(interruption):
        atomic_write(policy, b"new content\n")
    monkeypatch.undo()
    assert policy.read_bytes() == ORIGINAL
    assert leftovers(policy.parent) == []


def test_a_pipe_is_written_into_not_replaced(tmp_path: Path) -> None:
    import threading

    fifo = tmp_path / "out.fifo"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    atomic_write(fifo, b"through the pipe\n")
    reader.join(timeout=10)
    assert received == [b"through the pipe\n"]
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.fifo"]


def test_a_loop_of_links_or_a_folder_is_a_clear_failure(tmp_path: Path) -> None:
    (tmp_path / "a").symlink_to(tmp_path / "b")
    (tmp_path / "b").symlink_to(tmp_path / "a")
    with pytest.raises(PolicyWriteError) as caught:
        atomic_write(tmp_path / "a", b"x")
    assert caught.value.message == "too many levels of symbolic links"
    (tmp_path / "folder").mkdir()
    with pytest.raises(PolicyWriteError) as caught:
        atomic_write(tmp_path / "folder", b"x")
    assert caught.value.message == "is a directory"


def test_a_read_only_file_is_replaced_only_when_asked(policy: Path) -> None:
    policy.chmod(0o444)
    with pytest.raises(ReadOnlyFileError) as caught:
        atomic_write(policy, b"new\n")
    assert caught.value.message == "the file is read-only"
    with pytest.raises(ReadOnlyFileError):
        save_policy(
            policy, {"schema_version": 1, "document": {"company": "New"}}, read_policy(policy)
        )
    assert policy.read_bytes() == ORIGINAL
    atomic_write(policy, b"new\n", replace_read_only=True)
    assert policy.read_bytes() == b"new\n"
    assert stat.S_IMODE(policy.stat().st_mode) == 0o444
    assert leftovers(policy.parent) == []


def test_only_old_temporaries_of_the_same_target_are_removed(policy: Path) -> None:
    folder = policy.parent
    own = temp_prefix(policy.name)
    assert own == temp_prefix("policy.toml") != temp_prefix("other.toml")
    old, young = folder / f"{own}abcd1234.tmp", folder / f"{own}wxyz6789.tmp"
    others = [
        folder / f"{temp_prefix('other.toml')}abcd1234.tmp",
        folder / f"{own}abcd1234.tmp.bak",
        folder / f"x{own}abcd1234.tmp",
        folder / ".policy.toml.abcd1234.tmp",
    ]
    for path in [old, young, *others]:
        path.write_text("x", encoding="utf-8")
    (folder / f"{own}folder00.tmp").mkdir()
    (folder / f"{own}symlink0.tmp").symlink_to(policy)
    now = young.stat().st_mtime + STALE_AFTER / 2
    os.utime(old, (now - 2 * STALE_AFTER, now - 2 * STALE_AFTER))
    for path in [*others, folder / f"{own}folder00.tmp", folder / f"{own}symlink0.tmp"]:
        os.utime(path, (now - 9999, now - 9999), follow_symlinks=False)
    remove_stale_temporaries(folder, own, now=now)
    assert not old.exists()
    assert young.exists() and all(path.exists() for path in others)
    assert (folder / f"{own}folder00.tmp").is_dir()
    assert (folder / f"{own}symlink0.tmp").is_symlink()
    assert policy.read_bytes() == ORIGINAL


def test_the_temporary_name_is_short_whatever_the_target(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    names: list[str] = []
    real_fsync = os.fsync

    def seen(fd: int) -> None:
        names.append(os.path.basename(os.readlink(f"/proc/self/fd/{fd}")))
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", seen)
    target = tmp_path / ("é" * 126 + ".md")  # 255 bytes
    atomic_write(target, b"x")
    monkeypatch.undo()
    assert target.read_bytes() == b"x"
    assert names[0].startswith(temp_prefix(target.name)) and names[0].endswith(".tmp")
    assert len(names[0]) == len(temp_prefix("")) + 8 + len(".tmp") <= 32
