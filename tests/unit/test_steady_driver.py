"""Trick 7 of `screens/textual_tricks.py`: a wizard whose terminal closes ends.

A terminal hanging up sends SIGHUP and SIGCONT. Textual's driver answered the SIGCONT by
starting the terminal again (a second writer thread); that writer died on the closed
terminal, its queue filled, and the shutdown waited for it for ever. The steady driver
resumes only after suspending itself; the steady writer never blocks on a terminal that
is gone. (`tests/app/test_terminal_close.py` closes a real terminal.)
"""

from __future__ import annotations

import errno
import io
import threading
from typing import Any

import pytest
from textual.drivers import linux_driver
from textual.drivers.headless_driver import HeadlessDriver
from textual.drivers.linux_driver import LinuxDriver

from screens.textual_tricks import SteadyLinuxDriver, SteadyWriterThread, steady_driver

DEADLOCK = 60.0
"""Seconds after which a thread still waiting counts as stuck (never a measure of speed)."""


class _Gone(io.StringIO):
    """A terminal that has hung up: every write and flush fails as a tty's does."""

    def write(self, text: str) -> int:
        raise OSError(errno.EIO, "Input/output error")

    def flush(self) -> None:
        raise OSError(errno.EIO, "Input/output error")


def _in_thread(work: Any) -> threading.Thread:
    thread = threading.Thread(target=work, daemon=True)
    thread.start()
    thread.join(DEADLOCK)
    return thread


def test_a_writer_on_a_closed_terminal_takes_every_write_and_stops() -> None:
    writer = SteadyWriterThread(_Gone())
    writer.start()

    def write_then_stop() -> None:
        for number in range(200):  # far more than the queue holds (30)
            writer.write(f"frame {number}")
        writer.stop()

    assert not _in_thread(write_then_stop).is_alive(), "a write or the stop waited for ever"
    assert not writer.is_alive()


def test_a_writer_on_a_terminal_writes_everything_in_order() -> None:
    out = io.StringIO()
    writer = SteadyWriterThread(out)
    writer.start()
    for number in range(100):
        writer.write(f"{number};")
    writer.stop()
    assert out.getvalue() == "".join(f"{number};" for number in range(100))


def _driver(cls: type[LinuxDriver], *, suspended: bool) -> tuple[LinuxDriver, list[str]]:
    """A driver made without its constructor (which takes over this process's signals
    and terminal), with what its SIGCONT handler reads, recording what it starts."""
    driver = object.__new__(cls)
    driver._auto_restart = True
    driver._must_signal_resume = suspended
    resumed: list[str] = []
    driver.resume_application_mode = lambda: resumed.append("resumed")  # type: ignore[method-assign]
    return driver, resumed


def test_a_stray_sigcont_leaves_the_running_app_alone() -> None:
    driver, resumed = _driver(SteadyLinuxDriver, suspended=False)
    driver._sigcont_application()
    assert resumed == []


def test_a_sigcont_after_the_drivers_own_suspension_resumes() -> None:
    driver, resumed = _driver(SteadyLinuxDriver, suspended=True)
    driver._sigcont_application()
    assert resumed == ["resumed"]


def test_textuals_own_driver_resumes_on_any_sigcont() -> None:
    """What the trick mends: when this fails, Textual no longer resumes a running app on
    a stray SIGCONT, and trick 7 can go (bench/README.md, "Tricks")."""
    driver, resumed = _driver(LinuxDriver, suspended=False)
    driver._sigcont_application()
    assert resumed == ["resumed"]


def test_the_terminal_driver_is_replaced_and_others_are_kept(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    writer = vars(linux_driver)["WriterThread"]
    monkeypatch.setattr(linux_driver, "WriterThread", writer)  # restored after the test
    assert steady_driver(LinuxDriver) is SteadyLinuxDriver
    assert vars(linux_driver)["WriterThread"] is SteadyWriterThread
    assert steady_driver(HeadlessDriver) is HeadlessDriver
