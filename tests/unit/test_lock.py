"""Locks: the holder's pid and host; dead holders cleared; only the holder releases; of
wizards racing for a lock, exactly one takes it."""

from __future__ import annotations

import json
import multiprocessing
import os
import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

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


# -- taking the lock is one atomic step ---------------------------------------------------
# Real processes race for the lock of a fresh policy each round; they start each round
# together (a barrier) and stay alive until every process has tried, so that no lock
# holder is gone (and its lock stale) while the others try.

RACERS = 6
ROUNDS = 40


def _racer(
    state: str,
    folder: str,
    rounds: int,
    plant_stale: bool,
    barrier: Any,
    results: Any,
) -> None:
    """One wizard: each round, take the lock of `p<round>.toml` (after the dead holder's
    lock was planted, with `plant_stale`); report the pid, whether it was taken, and the
    holder it found otherwise."""
    os.environ["PRESENCE_STATE_DIR"] = state
    for number in range(rounds):
        policy = Path(folder) / f"p{number}.toml"
        barrier.wait()  # the stale lock (if any) is planted before this
        if plant_stale and number % 2:
            # half the rounds, some racers look first: `holder` clears a dead holder's
            # lock while the others take it
            lock.holder(policy)
        claim = lock.acquire(policy)
        other = claim.holder.pid if claim.holder is not None else None
        results.put((number, os.getpid(), claim.taken, other))
        barrier.wait()  # everyone has tried: the winner is still alive


def _race(tmp_path: Path, *, plant_stale: bool) -> None:
    context = multiprocessing.get_context("spawn")
    barrier = context.Barrier(RACERS + 1)
    results = context.Queue()
    state = str(tmp_path / "state")
    racers = [
        context.Process(
            target=_racer,
            args=(state, str(tmp_path), ROUNDS, plant_stale, barrier, results),
        )
        for _ in range(RACERS)
    ]
    for racer in racers:
        racer.start()
    dead = _dead_pid()
    try:
        for number in range(ROUNDS):
            policy = tmp_path / f"p{number}.toml"
            if plant_stale:
                _write(policy, dead, socket.gethostname())
            barrier.wait(timeout=120)
            barrier.wait(timeout=120)
            found = [results.get(timeout=120) for _ in range(RACERS)]
            winners = [pid for _, pid, taken, _ in found if taken]
            assert len(winners) == 1, f"round {number}: {len(winners)} took the lock: {found}"
            (winner,) = winners
            assert {other for _, _, taken, other in found if not taken} == {winner}, (
                f"round {number}: a loser found another holder than the winner: {found}"
            )
            info = lock.read_lock(policy)
            assert info is not None and info.pid == winner, f"round {number}: {info}"
    finally:
        for racer in racers:
            racer.join(timeout=120)
            if racer.is_alive():
                racer.kill()
    assert [racer.exitcode for racer in racers] == [0] * RACERS


def test_of_wizards_starting_at_the_same_moment_exactly_one_takes_the_lock(
    tmp_path: Path,
) -> None:
    _race(tmp_path, plant_stale=False)


def test_a_dead_holders_lock_is_taken_over_by_exactly_one(tmp_path: Path) -> None:
    _race(tmp_path, plant_stale=True)


def test_acquire_never_replaces_a_live_holders_lock(tmp_path: Path) -> None:
    """It used to write over whatever lock was there ("call `holder` first")."""
    policy = tmp_path / "p.toml"
    _write(policy, os.getppid(), socket.gethostname())
    claim = lock.acquire(policy)
    assert not claim
    assert claim.holder is not None and claim.holder.pid == os.getppid()
    info = lock.read_lock(policy)
    assert info is not None and info.pid == os.getppid()


def test_acquire_again_keeps_the_lock(tmp_path: Path) -> None:
    policy = tmp_path / "p.toml"
    assert lock.acquire(policy)
    first = lock.lock_file(policy).read_bytes()
    assert lock.acquire(policy)
    assert lock.lock_file(policy).read_bytes() == first


def test_the_lock_file_is_created_exclusively(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Created in place with O_CREAT | O_EXCL | O_NOFOLLOW and mode 0600, never renamed over."""
    opened: list[tuple[str, int, int]] = []
    real_open = os.open

    def spy(path: Any, flags: int, mode: int = 0o777, *args: Any, **kwargs: Any) -> int:
        opened.append((os.fspath(path), flags, mode))
        return real_open(path, flags, mode, *args, **kwargs)

    def no_replace(*args: object) -> None:
        raise AssertionError("the lock is not renamed into place")

    policy = tmp_path / "p.toml"
    target = str(lock.lock_file(policy))
    monkeypatch.setattr(os, "open", spy)
    monkeypatch.setattr(os, "replace", no_replace)
    monkeypatch.setattr(os, "rename", no_replace)
    assert lock.acquire(policy)
    creations = [(flags, mode) for path, flags, mode in opened if path == target]
    assert len(creations) == 1
    flags, mode = creations[0]
    wanted = os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_WRONLY
    assert flags & wanted == wanted and mode == 0o600


def test_release_leaves_another_wizards_lock(tmp_path: Path) -> None:
    policy = tmp_path / "p.toml"
    assert lock.acquire(policy)
    lock.lock_file(policy).unlink()  # ours went; another wizard took it
    _write(policy, os.getppid(), socket.gethostname())
    assert not lock.release(policy)
    info = lock.read_lock(policy)
    assert info is not None and info.pid == os.getppid()
