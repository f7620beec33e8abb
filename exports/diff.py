"""Differences between two versions of a policy, by section and key, from the data model.

Two policies are compared as data, not as text lines: comments, key order, quoting
and blank lines make no difference. Entries of arrays (platforms, rubrics, templates,
values, objectives, …) are matched by their `name`, `title` or `topic` where they have
one, then by equal content, then by order of what is left where the entries are alike
(a named table must keep at least half of its other values) — so a reordered list
shows as "moved", a renamed platform as a changed `name`, and a platform replaced by
another as one removed and one added.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal, TypeGuard

from exports import tomlrender
from schemas.controls import escape, quoted
from schemas.sections import TOP_LEVEL_ORDER

ChangeKind = Literal["added", "removed", "changed", "moved"]

IDENTITY_KEYS: tuple[str, ...] = ("name", "title", "topic")
"""Keys that identify an entry of an array of tables, in order of preference."""

_LAST_SECTIONS: tuple[str, ...] = ("revisions",)
_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")


@dataclass(frozen=True)
class Change:
    """One difference between two policies."""

    section: str
    """The top-level key the change belongs to, e.g. "communication" or "schema_version"."""

    path: str
    """Key path with [i] for array items: the new index for added, changed and moved
    items, the old index for removed ones."""

    kind: ChangeKind
    old: object = None
    """The value before (None when added); for "moved", the old index."""

    new: object = None
    """The value after (None when removed); for "moved", the new index."""

    label: str = ""
    """The name, title or topic of the innermost array entry on the path, if any."""

    item: object = None
    """For "moved": the entry itself when it is a plain value (a hashtag, an objective),
    which has no name to show it by."""


def diff_policies(old: Mapping[str, object], new: Mapping[str, object]) -> list[Change]:
    """Every difference between two policies (plain data as read by tomllib).

    The list is ordered by section (the file's top-level order, unknown keys after
    the known ones, `revisions` last), then by position in the new version.
    """
    changes = list(_diff_tables(old, new, "", ""))
    order = {name: i for i, name in enumerate(section_order(c.section for c in changes))}
    return sorted(changes, key=lambda change: order[change.section])


def section_order(sections: Iterable[str]) -> list[str]:
    """The given section names, unique, in the order changes are reported."""
    seen = list(dict.fromkeys(sections))
    known = [s for s in TOP_LEVEL_ORDER if s in seen and s not in _LAST_SECTIONS]
    unknown = [s for s in seen if s not in TOP_LEVEL_ORDER and s not in _LAST_SECTIONS]
    last = [s for s in _LAST_SECTIONS if s in seen]
    return known + unknown + last


# --- comparing ---------------------------------------------------------------------


def same(a: object, b: object) -> bool:
    """Equality that tells TOML types apart (`1`, `1.0` and `true` all differ)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, Mapping) and isinstance(b, Mapping):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b):
        return True
    return a == b


def _join(base: str, key: str) -> str:
    return f"{base}.{key}" if base else key


def _section_of(path: str) -> str:
    return re.split(r"[.\[]", path, maxsplit=1)[0]


def _diff_tables(
    old: Mapping[str, object], new: Mapping[str, object], base: str, label: str
) -> Iterator[Change]:
    for key in new:
        path = _join(base, key)
        if key in old:
            yield from _diff_values(old[key], new[key], path, label)
        else:
            yield from _whole(new[key], path, "added", label)
    for key in old:
        if key not in new:
            yield from _whole(old[key], _join(base, key), "removed", label)


def _diff_values(old: object, new: object, path: str, label: str) -> Iterator[Change]:
    if same(old, new):
        return
    if isinstance(old, Mapping) and isinstance(new, Mapping):
        yield from _diff_tables(old, new, path, label)
    elif _is_uniform_list(old) and _is_uniform_list(new) and _kinds_agree(old, new):
        yield from _diff_lists(old, new, path, label)
    else:
        yield Change(_section_of(path), path, "changed", old, new, label)


def _whole(value: object, path: str, kind: ChangeKind, label: str) -> Iterator[Change]:
    """A key present on one side only: tables are spelled out key by key."""
    if isinstance(value, Mapping) and value:
        for key, item in value.items():
            yield from _whole(item, _join(path, key), kind, label)
    elif isinstance(value, list) and value and all(isinstance(v, Mapping) for v in value):
        for index, entry in enumerate(value):
            yield from _whole(entry, f"{path}[{index}]", kind, _label_of(entry) or label)
    else:
        old, new = (None, value) if kind == "added" else (value, None)
        yield Change(_section_of(path), path, kind, old, new, label)


def _is_uniform_list(value: object) -> TypeGuard[list[object]]:
    """A list of tables only, or of plain values only."""
    if not isinstance(value, list):
        return False
    tables = [isinstance(v, Mapping) for v in value]
    return all(tables) or not any(tables)


def _kinds_agree(old: Sequence[object], new: Sequence[object]) -> bool:
    """Both lists hold tables, or both hold plain values (an empty list fits either)."""
    return not old or not new or isinstance(old[0], Mapping) == isinstance(new[0], Mapping)


def _label_of(entry: object) -> str:
    if isinstance(entry, Mapping):
        for key in IDENTITY_KEYS:
            value = entry.get(key)
            if isinstance(value, str) and value.strip():
                return value
    return ""


def _identity(entry: object) -> object:
    """What identifies a list entry: its name/title/topic, or a plain value itself."""
    if isinstance(entry, Mapping):
        label = _label_of(entry)
        return label.strip().casefold() if label else None
    if isinstance(entry, str):
        return ("str", entry)
    if isinstance(entry, (int, float, bool, dt.date, dt.time)):
        return (type(entry).__name__, entry)
    return None


def match_entries(old: Sequence[object], new: Sequence[object]) -> list[tuple[int, int]]:
    """Pairs (old index, new index) of entries taken to be the same entry.

    First by identity (name/title/topic, or the value of a plain item), then by
    equal content, then what is left on both sides by order where alike (`_alike`).
    """
    pairs: list[tuple[int, int]] = []
    free_old = list(range(len(old)))
    free_new = list(range(len(new)))

    def pair(i: int, j: int) -> None:
        pairs.append((i, j))
        free_old.remove(i)
        free_new.remove(j)

    by_identity: dict[object, list[int]] = {}
    for i in free_old:
        ident = _identity(old[i])
        if ident is not None:
            by_identity.setdefault(ident, []).append(i)
    for j in list(free_new):
        ident = _identity(new[j])
        candidates = by_identity.get(ident, []) if ident is not None else []
        if candidates:
            pair(candidates.pop(0), j)

    for j in list(free_new):
        equal = next((i for i in free_old if same(old[i], new[j])), None)
        if equal is not None:
            pair(equal, j)

    for j in list(free_new):
        alike = next((i for i in free_old if _alike(old[i], new[j])), None)
        if alike is not None:
            pair(alike, j)
    return sorted(pairs, key=lambda p: p[1])


def _alike(old: object, new: object) -> bool:
    """Whether two entries left unmatched may be one entry changed (by order).

    Two named tables must agree on at least half of their other keys: a platform
    renamed keeps its status, link and owner, while one replaced by another (TikTok
    gone, Viber new) is reported as removed and added, not as a rename. Plain values
    and unnamed tables pair by order (an objective reworded is a change).
    """
    if not (isinstance(old, Mapping) and isinstance(new, Mapping)):
        return True
    if not (_label_of(old) and _label_of(new)):
        return True
    keys = (set(old) | set(new)) - set(IDENTITY_KEYS)
    equal = sum(1 for key in keys if key in old and key in new and same(old[key], new[key]))
    return 2 * equal >= len(keys)


def _moved(pairs: Sequence[tuple[int, int]]) -> set[int]:
    """New indices of entries whose order relative to the others changed.

    The entries kept in place are a longest run in which both old and new indices
    rise; every other matched entry counts as moved.
    """
    by_old = sorted(pairs)
    news = [j for _, j in by_old]
    best: list[int] = [1] * len(news)
    prev: list[int] = [-1] * len(news)
    for b in range(len(news)):
        for a in range(b):
            if news[a] < news[b] and best[a] + 1 > best[b]:
                best[b], prev[b] = best[a] + 1, a
    kept: set[int] = set()
    if news:
        k = max(range(len(news)), key=best.__getitem__)
        while k != -1:
            kept.add(news[k])
            k = prev[k]
    return {j for j in news if j not in kept}


def _diff_lists(
    old: Sequence[object], new: Sequence[object], path: str, label: str
) -> Iterator[Change]:
    pairs = match_entries(old, new)
    matched_old = {i for i, _ in pairs}
    matched_new = {j: i for i, j in pairs}
    moved = _moved(pairs)
    section = _section_of(path)
    for i, entry in enumerate(old):
        if i not in matched_old:
            yield from _whole(entry, f"{path}[{i}]", "removed", _label_of(entry) or label)
    for j, entry in enumerate(new):
        item_path = f"{path}[{j}]"
        item_label = _label_of(entry) or label
        if j not in matched_new:
            yield from _whole(entry, item_path, "added", item_label)
            continue
        i = matched_new[j]
        if j in moved:
            plain = None if isinstance(entry, (Mapping, list)) else entry
            yield Change(section, item_path, "moved", i, j, item_label, plain)
        yield from _diff_values(old[i], entry, item_path, item_label)


# --- showing -------------------------------------------------------------------------


def render_value(value: object) -> str:
    """A value on one line, written as TOML writes it (strings quoted), every control
    character as its escape (`schemas.controls.quoted`: `\\n`, `\\u001b`, `\\u202e`)."""
    if isinstance(value, str):
        return quoted(value)
    if isinstance(value, list):
        return "[" + ", ".join(render_value(item) for item in value) + "]"
    if isinstance(value, Mapping):
        items = [
            f"{k if _BARE_KEY.fullmatch(k) else quoted(k)} = {render_value(v)}"
            for k, v in ((str(k), v) for k, v in value.items())
            if v is not None
        ]
        return "{ " + ", ".join(items) + " }" if items else "{}"
    return tomlrender.render_value(value, one_line=True)


def _old_path(change: Change) -> str:
    """For a moved entry: its path in the old version."""
    return re.sub(r"\[\d+\]$", f"[{change.old}]", change.path)


def describe(change: Change) -> str:
    """What happened at the change's path, e.g. `60 → 30` or `added "TikTok"`."""
    if change.kind == "changed":
        return f"{render_value(change.old)} → {render_value(change.new)}"
    if change.kind == "added":
        return f"added {render_value(change.new)}"
    if change.kind == "removed":
        return f"removed {render_value(change.old)}"
    if change.item is not None:
        return f"moved {render_value(change.item)} from {_old_path(change)}"
    return f"moved from {_old_path(change)}"


def format_text(changes: Sequence[Change]) -> str:
    """One line per change, `path: old → new`, grouped under a `[section]` line."""
    lines: list[str] = []
    for section in section_order(c.section for c in changes):
        lines.append(escape(f"[{section}]"))
        for change in changes:
            if change.section == section:
                line = f"{change.path}: {describe(change)}"
                line = f"{line}  ({change.label})" if change.label else line
                lines.append(escape(line))
    return "".join(f"{line}\n" for line in lines)


def _code(text: str) -> str:
    """A Markdown code span that holds any text, safe inside a table cell; control
    characters show as their escapes (a code span keeps everything else as it is)."""
    text = escape(text)
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") or not text.strip() else ""
    return f"{fence}{pad}{text}{pad}{fence}".replace("|", "\\|")


def _plain(text: str) -> str:
    """The author's text as literal Markdown: control characters as their escapes,
    then every ASCII punctuation escaped."""
    escaped = re.sub(r"([!-/:-@\[-`{-~])", r"\\\1", escape(text))
    return " ".join(escaped.split())


def format_markdown(changes: Sequence[Change], old_name: str, new_name: str) -> str:
    """A Markdown review document: one table per section with the values before and after."""
    out = [f"# Changes from {_plain(old_name)} to {_plain(new_name)}", ""]
    if not changes:
        out += ["No differences.", ""]
    for section in section_order(c.section for c in changes):
        out += [f"## {_plain(section)}", "", "| key | entry | change | before | after |"]
        out.append("|---|---|---|---|---|")
        for change in changes:
            if change.section != section:
                continue
            if change.kind == "moved":
                before, after = _code(_old_path(change)), _code(change.path)
                if change.item is not None:
                    moved = _code(render_value(change.item))
                    before, after = f"{moved} at {before}", f"{moved} at {after}"
            else:
                before = "" if change.kind == "added" else _code(render_value(change.old))
                after = "" if change.kind == "removed" else _code(render_value(change.new))
            label = _plain(change.label)
            out.append(f"| {_code(change.path)} | {label} | {change.kind} | {before} | {after} |")
        out.append("")
    return "\n".join(out)
