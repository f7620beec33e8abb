"""The wizard's side of a file changed on disk: what each side changed, the merge for the
author's choices, what an overwrite would undo, another name to save to."""

from __future__ import annotations

import tomllib
from pathlib import Path

from exports.store import PolicyReadError, parse_policy
from wizard.core.merging import DiskMerge, merge_with_disk, other_name

BASE = 'schema_version = 1\n[document]\ncompany = "Acme"\nversion = "1.0"\n'


def _disk(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "brand-policy.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_each_sides_changes_conflicts_and_what_an_overwrite_undoes(tmp_path: Path) -> None:
    theirs = BASE.replace('"1.0"', '"1.1"   # hand').replace('"Acme"', '"Theirs"')
    path = _disk(tmp_path, theirs)
    ours = tomllib.loads(BASE)
    ours["document"]["company"] = "Mine"
    ours["document"]["contact"] = "a@b.c"
    disk = merge_with_disk(tomllib.loads(BASE), ours, path)
    assert isinstance(disk, DiskMerge)
    assert [c.path for c in disk.ours_changes] == ["document.company", "document.contact"]
    assert [c.path for c in disk.theirs_changes] == ["document.company", "document.version"]
    [conflict] = disk.conflicts
    assert (conflict.ours, conflict.theirs) == ("Mine", "Theirs")
    assert sorted((c.path, c.old, c.new) for c in disk.undone) == [
        ("document.company", "Theirs", "Mine"),
        ("document.version", "1.1", "1.0"),
    ]
    merged = disk.merged(choices={conflict.key: "ours"})
    assert merged["document"] == {"company": "Mine", "version": "1.1", "contact": "a@b.c"}
    assert disk.merged()["document"]["company"] == "Theirs"
    assert not disk.changed_again()
    path.write_text(theirs + "\n", encoding="utf-8")
    assert disk.changed_again()


def test_the_session_entry_added_after_the_choice_is_merged_too(tmp_path: Path) -> None:
    path = _disk(tmp_path, BASE + '\n[[revisions]]\ndate = 2026-01-01\nnote = "theirs"\n')
    disk = merge_with_disk(tomllib.loads(BASE), tomllib.loads(BASE), path)
    assert isinstance(disk, DiskMerge)
    ours = {**tomllib.loads(BASE), "revisions": [{"note": "ours"}]}
    notes = [r["note"] for r in disk.merged(ours)["revisions"]]
    assert notes == ["theirs", "ours"]


def test_a_file_that_cannot_be_read_says_why(tmp_path: Path) -> None:
    path = _disk(tmp_path, "<<<<<<< ours\n")
    assert isinstance(merge_with_disk({}, {}, path), PolicyReadError)


def test_another_name_beside_the_file(tmp_path: Path) -> None:
    path = tmp_path / "brand-policy.toml"
    assert other_name(path) == tmp_path / "brand-policy.mine.toml"
    (tmp_path / "brand-policy.mine.toml").write_text("", encoding="utf-8")
    assert other_name(path) == tmp_path / "brand-policy.mine-2.toml"
    assert other_name(tmp_path / "policy") == tmp_path / "policy.mine.toml"


def test_the_merge_is_written_over_their_text(tmp_path: Path) -> None:
    from exports.store import render_policy

    theirs = BASE.replace('"1.0"', '"1.1"   # hand')
    path = _disk(tmp_path, theirs)
    ours = tomllib.loads(BASE)
    ours["document"]["company"] = "Mine"
    disk = merge_with_disk(tomllib.loads(BASE), ours, path)
    assert isinstance(disk, DiskMerge)
    source = parse_policy(path, path.read_bytes())
    text = render_policy(disk.merged(), source)
    assert text == theirs.replace('"Acme"', '"Mine"')
