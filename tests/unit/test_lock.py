"""Locks: the holder's pid and host; dead holders cleared; only the holder releases."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from wizard.core import lock


@pytest.fixture(autouse=True)
def _state_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PRESENCE_STATE_DIR", str(tmp_path / "state"))


def _write(policy: Path, pid: int, host: str) -> None:
    target = lock.lock_file(policy)
    target.parent.mkdir(parents=True, exist_ok=True)
    body = {"pid": pid, "host": host, "started": "2026-01-01T10:00:00+00:00"}
    target.write_text(json.dumps(body), encoding="utf-8")


def _dead_pid() -> int:
    done = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    return int(done.stdout)


def test_acquire_writes_pid_and_host_and_release_removes(tmp_path: Path) -> None:
    policy = tmp_path / "p.toml"
    assert lock.acquire(policy)
    info = lock.read_lock(policy)
    assert info is not None
    assert (info.pid, info.host) == (os.getpid(), socket.gethostname())
    assert lock.holder(policy) is None  # our own lock is no warning
    assert lock.lock_file(policy).parent == tmp_path / "state" / "locks"
    assert lock.release(policy)
    assert not lock.lock_file(policy).exists()


def test_live_holder_is_reported(tmp_path: Path) -> None:
    policy = tmp_path / "p.toml"
    _write(policy, os.getppid(), socket.gethostname())
    info = lock.holder(policy)
    assert info is not None and info.pid == os.getppid()
    assert not lock.release(policy)  # not ours: left alone
    assert lock.lock_file(policy).exists()


def test_dead_holder_on_this_host_is_cleared_silently(tmp_path: Path) -> None:
    policy = tmp_path / "p.toml"
    _write(policy, _dead_pid(), socket.gethostname())
    assert lock.holder(policy) is None
    assert not lock.lock_file(policy).exists()


def test_holder_on_another_host_is_always_reported(tmp_path: Path) -> None:
    policy = tmp_path / "p.toml"
    _write(policy, _dead_pid(), "elsewhere.example")
    info = lock.holder(policy)
    assert info is not None and info.host == "elsewhere.example"


def test_damaged_lock_is_no_lock(tmp_path: Path) -> None:
    policy = tmp_path / "p.toml"
    target = lock.lock_file(policy)
    target.parent.mkdir(parents=True)
    target.write_text("not json", encoding="utf-8")
    assert lock.holder(policy) is None
    assert lock.acquire(policy)
    assert lock.read_lock(policy) is not None
