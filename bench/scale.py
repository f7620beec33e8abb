"""Policies of a given size: the example policy scaled x1, x10, x100 with unique names.

A policy scaled by `factor` holds, for each copy `i` of the example (1-based), the
example's platforms plus one more (Facebook), its tool, templates, rubrics, escalation
contacts and brand hashtags, and the lists of the sections of format version 2 (voice
traits and tones, people and approvals, crisis levels, statements and contacts,
metrics, acknowledgements); names of copy 2 onwards end in " i" ("Instagram 17"), and
each copy's references (a rubric's platforms, a person's backup, an approver, a
metric's source) name that copy's entries, so every scaled policy stays valid.

| list | entries |
|---|---|
| `platforms` | 3 x factor |
| `tools` | 1 x factor |
| `communication.templates` | 2 x factor |
| `communication.negative.escalation` | 2 x factor |
| `communication.traits`, `communication.tones` | 2 x factor each |
| `content.rubrics` | 2 x factor |
| `content.hashtags` | 2 x factor |
| `roles.people`, `roles.approvals` | 2 x factor each |
| `crisis.levels` | 2 x factor |
| `crisis.statements`, `crisis.contacts` | 1 x factor each |
| `results.metrics` | 2 x factor |
| `acknowledgements` | 1 x factor |
"""

from __future__ import annotations

import copy
import tomllib
from pathlib import Path
from typing import Any

import tomlkit
from tomlkit.items import Item

ROOT = Path(__file__).resolve().parent.parent
"""The project's root folder."""

EXAMPLE_PATHS: tuple[Path, ...] = (
    ROOT / "wizard" / "data" / "example-policy.toml",
    Path("/work/shared/spec/example-policy.toml"),
)
"""Where the example policy is looked for, in order."""

EXTRA_PLATFORM: dict[str, Any] = {
    "name": "Facebook",
    "status": "active",
    "url": "https://www.facebook.com/northwind.bakery",
    "purpose": "Events and the Saturday class schedule.",
    "audience": "Parents 30-50",
    "frequency": "3 posts a week",
    "owner": "SMM manager",
    "admins": ["SMM manager", "Jane Doe"],
    "account_email": "social@northwind.example",
    "two_factor": True,
}
"""The platform each copy adds to the example's two, so that x100 holds 300 platforms."""

PLATFORMS_PER_COPY = 3
TOOLS_PER_COPY = 1
TEMPLATES_PER_COPY = 2
ESCALATION_PER_COPY = 2
RUBRICS_PER_COPY = 2
HASHTAGS_PER_COPY = 2
NAMED_V2_PER_COPY = 2 + 2 + 1 + 1 + 2 + 1
"""Entries of version 2 named by name or title in each copy: people, crisis levels,
statements, crisis contacts, metrics, acknowledgements."""


def example_policy_path() -> Path:
    """The example policy file: the program's own copy if present, else the spec's."""
    for path in EXAMPLE_PATHS:
        if path.is_file():
            return path
    raise FileNotFoundError(
        "example-policy.toml not found in " + ", ".join(map(str, EXAMPLE_PATHS))
    )


def example_policy() -> dict[str, Any]:
    """The example policy as plain data."""
    return tomllib.loads(example_policy_path().read_text(encoding="utf-8"))


def _suffix(copy_number: int) -> str:
    """The name suffix of a copy: none for the first, " 17" for the 17th."""
    return "" if copy_number == 1 else f" {copy_number}"


def _renamed(entry: dict[str, Any], key: str, suffix: str) -> dict[str, Any]:
    """A deep copy of a table with `suffix` appended to its `key`."""
    result = copy.deepcopy(entry)
    result[key] = f"{result[key]}{suffix}"
    return result


def scaled_policy(factor: int) -> dict[str, Any]:
    """The example policy with its lists repeated `factor` times under unique names."""
    if factor < 1:
        raise ValueError(f"factor must be at least 1, not {factor}")
    base = example_policy()
    policy = copy.deepcopy(base)
    communication = policy["communication"]
    content = policy["content"]
    base_platforms = [*base["platforms"], EXTRA_PLATFORM]
    platforms: list[dict[str, Any]] = []
    tools: list[dict[str, Any]] = []
    templates: list[dict[str, Any]] = []
    escalation: list[dict[str, Any]] = []
    rubrics: list[dict[str, Any]] = []
    hashtags: list[str] = []
    for number in range(1, factor + 1):
        suffix = _suffix(number)
        platforms += [_renamed(p, "name", suffix) for p in base_platforms]
        tools += [_renamed(t, "name", suffix) for t in base["tools"]]
        templates += [_renamed(t, "title", suffix) for t in base["communication"]["templates"]]
        escalation += [
            _renamed(e, "topic", suffix) for e in base["communication"]["negative"]["escalation"]
        ]
        for rubric in base["content"]["rubrics"]:
            scaled = _renamed(rubric, "name", suffix)
            scaled["platforms"] = [f"{name}{suffix}" for name in rubric.get("platforms", [])]
            rubrics.append(scaled)
        hashtags += [f"{tag}{suffix.strip()}" for tag in base["content"]["hashtags"]]
    policy["platforms"] = platforms
    policy["tools"] = tools
    communication["templates"] = templates
    communication["negative"]["escalation"] = escalation
    content["rubrics"] = rubrics
    content["hashtags"] = hashtags
    _scale_version_two(base, policy, factor)
    return policy


def _copies(entries: list[dict[str, Any]], factor: int, key: str, **refs: str) -> list[Any]:
    """`entries` repeated `factor` times, `key` and the references `refs` (key: what
    they name) given each copy's suffix."""
    scaled: list[dict[str, Any]] = []
    for number in range(1, factor + 1):
        suffix = _suffix(number)
        for entry in entries:
            item = _renamed(entry, key, suffix) if key in entry else copy.deepcopy(entry)
            for ref in refs:
                if isinstance(item.get(ref), str):
                    item[ref] = f"{item[ref]}{suffix}"
            scaled.append(item)
    return scaled


def _scale_version_two(base: dict[str, Any], policy: dict[str, Any], factor: int) -> None:
    """The lists of the keys and sections of format version 2, repeated as the rest."""
    communication = policy.get("communication", {})
    for key, identity in (("traits", "is"), ("tones", "situation")):
        if key in communication:
            communication[key] = _copies(base["communication"][key], factor, identity)
    if "roles" in policy:
        roles = base["roles"]
        policy["roles"]["people"] = _copies(roles["people"], factor, "name", backup="name")
        policy["roles"]["approvals"] = _copies(roles["approvals"], factor, "", approver="name")
    if "crisis" in policy:
        crisis = base["crisis"]
        policy["crisis"]["levels"] = _copies(crisis["levels"], factor, "name")
        policy["crisis"]["statements"] = _copies(crisis["statements"], factor, "title")
        policy["crisis"]["contacts"] = _copies(crisis["contacts"], factor, "name")
    if "results" in policy:
        metrics = base["results"]["metrics"]
        policy["results"]["metrics"] = _copies(metrics, factor, "name", source="name")
    if "acknowledgements" in policy:
        policy["acknowledgements"] = _copies(base["acknowledgements"], factor, "name")


RENAMED = " (renamed)"
"""What `renamed_policy` appends to every name, title and topic."""

IDENTITY_KEYS = ("name", "title", "topic")
"""The keys that name a list entry (as `exports.diff` matches them)."""


def renamed_policy(policy: dict[str, Any]) -> dict[str, Any]:
    """A copy of `policy` in which every list entry with a name, title or topic has it
    renamed (" (renamed)" appended), rubrics naming the renamed platforms: what a
    comparison must match by likeness, entry by entry, as nothing keeps its name."""

    def rename(value: Any, entry: bool = False) -> Any:
        if isinstance(value, dict):
            return {
                key: f"{item}{RENAMED}"
                if entry and key in IDENTITY_KEYS and isinstance(item, str)
                else rename(item)
                for key, item in value.items()
            }
        if isinstance(value, list):
            return [rename(item, entry=True) for item in value]
        return value

    renamed: dict[str, Any] = rename(policy)
    for rubric in renamed.get("content", {}).get("rubrics", []):
        rubric["platforms"] = [f"{name}{RENAMED}" for name in rubric.get("platforms", [])]
    roles = renamed.get("roles", {})
    for entries, ref in (
        (roles.get("people", []), "backup"),
        (roles.get("approvals", []), "approver"),
    ):
        for entry in entries:
            if isinstance(entry.get(ref), str):
                entry[ref] = f"{entry[ref]}{RENAMED}"
    for metric in renamed.get("results", {}).get("metrics", []):
        if isinstance(metric.get("source"), str):
            metric["source"] = f"{metric['source']}{RENAMED}"
    return renamed


def renamed_entries(policy: dict[str, Any]) -> int:
    """How many list entries `renamed_policy` renames."""

    def count(value: Any, in_list: bool) -> int:
        if isinstance(value, dict):
            own = int(in_list and any(isinstance(value.get(k), str) for k in IDENTITY_KEYS))
            return own + sum(count(item, False) for item in value.values())
        if isinstance(value, list):
            return sum(count(item, True) for item in value)
        return 0

    return count(policy, False)


def _toml_value(value: Any) -> Any:
    """Plain data with multi-line strings marked to be written as `\"\"\"` strings."""
    if isinstance(value, dict):
        return {key: _toml_value(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_toml_value(item) for item in value]
    if isinstance(value, str) and "\n" in value:
        return tomlkit.string(value, multiline=True)
    return value


def policy_toml(policy: dict[str, Any]) -> str:
    """A policy written as TOML text."""
    document = tomlkit.document()
    for key, value in policy.items():
        item: Item = tomlkit.item(_toml_value(value))
        document[key] = item
    return tomlkit.dumps(document)


def write_scaled_policy(folder: Path, factor: int) -> Path:
    """Write the policy scaled by `factor` as `policy-x{factor}.toml` in `folder`."""
    path = folder / f"policy-x{factor}.toml"
    path.write_text(policy_toml(scaled_policy(factor)), encoding="utf-8")
    return path


def write_renamed_policy(folder: Path, factor: int) -> Path:
    """Write the policy scaled by `factor` with every entry renamed (`renamed_policy`)
    as `policy-x{factor}-renamed.toml` in `folder`."""
    path = folder / f"policy-x{factor}-renamed.toml"
    path.write_text(policy_toml(renamed_policy(scaled_policy(factor))), encoding="utf-8")
    return path
