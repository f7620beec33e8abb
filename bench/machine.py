"""A description of the machine and the software a benchmark ran on."""

from __future__ import annotations

import datetime as dt
import os
import platform
from importlib import metadata
from pathlib import Path

PACKAGES = ("textual", "pydantic", "tomlkit", "markdown-it-py")


def _cpu_model() -> str:
    """The CPU model name from /proc/cpuinfo."""
    try:
        text = Path("/proc/cpuinfo").read_text(encoding="utf-8")
    except OSError:
        return platform.processor() or "unknown"
    for line in text.splitlines():
        key, _, value = line.partition(":")
        if key.strip() == "model name":
            return value.strip()
    return platform.processor() or "unknown"


def _memory() -> str:
    """Total memory from /proc/meminfo."""
    try:
        text = Path("/proc/meminfo").read_text(encoding="utf-8")
    except OSError:
        return "unknown"
    for line in text.splitlines():
        if line.startswith("MemTotal:"):
            kib = int(line.split()[1])
            return f"{kib / 1024 / 1024:.1f} GiB"
    return "unknown"


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "not installed"


def describe_machine() -> list[tuple[str, str]]:
    """Name/value pairs: CPU, cores, memory, OS, Python, package versions, date, load."""
    load = ", ".join(f"{value:.2f}" for value in os.getloadavg())
    return [
        ("CPU", _cpu_model()),
        ("cores", str(os.cpu_count())),
        ("memory", _memory()),
        ("system", f"{platform.system()} {platform.release()}"),
        ("Python", platform.python_version()),
        *((package, _version(package)) for package in PACKAGES),
        ("date", dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")),
        ("load average at start (1, 5, 15 min)", load),
    ]
