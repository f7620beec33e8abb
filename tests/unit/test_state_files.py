"""State files that are damaged or planted never stop the wizard: each is set aside
(renamed `.damaged`, bytes kept) and reported in one line; writes never follow a link.

Every kind of state file — a draft, a lock, the recent files, the remembered author —
is put through the same damage: not JSON, not UTF-8, too large, nested too deep, a FIFO,
a link to /dev/zero, a folder, and the wrong shapes of each kind.
"""

from __future__ import annotations

import dataclasses
import json
import os
import socket
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from wizard.core import drafts, lock, recent, revisions, statefile
from wizard.core.i18n import set_language

POLICY_NAME = "p.toml"


@pytest.fixture(autouse=True)
def _state_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PRESENCE_STATE_DIR", str(tmp_path / "state"))
    monkeypatch.chdir(tmp_path)


@dataclasses.dataclass(frozen=True)
class Kind:
    """One kind of state file: where it is, a good body, and reading it ("nothing" when
    the reader found no usable file)."""

    name: str
    file: Callable[[], Path]
    good: Callable[[], str]
    read: Callable[[], Any]
    nothing: Any


def _policy() -> Path:
    return Path.cwd() / POLICY_NAME


def _good_draft() -> str:
    body = {
        "format": 1,
        "path": str(_policy()),
        "base_digest": "",
        "written_at": "2026-01-01T10:00:00+00:00",
        "data": {"schema_version": 1, "document": {"company": "Acme"}},
    }
    return json.dumps(body)


def _good_lock() -> str:
    body = {"pid": os.getppid(), "host": "elsewhere.example", "started": "2026-01-01T10:00:00"}
    return json.dumps(body)


KINDS = {
    "draft": Kind(
        "draft", lambda: drafts.draft_file(_policy()), _good_draft,
        lambda: drafts.read_draft(_policy()), None,
    ),
    "lock": Kind(
        "lock", lambda: lock.lock_file(_policy()), _good_lock,
        lambda: lock.holder(_policy()), None,
    ),
    "recent": Kind(
        "recent", lambda: statefile.state_dir() / "recent.json",
        lambda: json.dumps(["/srv/a.toml", "/srv/b.toml"]), recent.recent_files, [],
    ),
    "author": Kind(
        "author", lambda: statefile.state_dir() / "author.json",
        lambda: json.dumps({"by": "Олена"}), revisions.remembered_author, "",
    ),
}  # fmt: skip


def _plant(kind: Kind, raw: bytes) -> Path:
    target = kind.file()
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(raw)
    return target


def _damaged(target: Path) -> list[Path]:
    return sorted(target.parent.glob(f"{target.name}*{statefile.SUFFIX}"))


def _assert_set_aside(kind: Kind, target: Path, raw: bytes | None, reason: str) -> None:
    """Reading `kind` finds nothing, and the file went to `.damaged` with its bytes,
    reported once in one line."""
    assert kind.read() == kind.nothing
    assert not os.path.lexists(target)
    [moved] = _damaged(target)
    assert moved.name == target.name + ".damaged"
    if raw is not None:
        assert moved.read_bytes() == raw
    [report] = statefile.take_reports()
    assert (report.path, report.moved_to, report.reason) == (target, moved, reason)
    assert "\n" not in report.message() and str(moved) in report.message()
    # The next read finds no file and reports nothing more.
    assert kind.read() == kind.nothing
    assert statefile.take_reports() == []


@pytest.mark.parametrize("name", KINDS)
def test_a_good_file_reads_and_stays(name: str) -> None:
    kind = KINDS[name]
    target = _plant(kind, kind.good().encode())
    assert kind.read() != kind.nothing
    assert target.exists() and _damaged(target) == []
    assert statefile.take_reports() == []


BROKEN_BODIES = {
    "truncated JSON": (b'{"pid": 12, "host": "a", "sta', "not_json"),
    "empty": (b"", "not_json"),
    "latin-1": ('{"by": "Ol\u00e9na"}'.encode("latin-1"), "not_utf8"),
    "UTF-16": ('["/srv/a.toml"]'.encode("utf-16"), "not_utf8"),
    "deep 450": (b"[" * 450 + b"]" * 450, "too_deep"),
    "deep 700": (b'{"a":' * 700 + b"1" + b"}" * 700, "too_deep"),
    "deep 100000": (b"[" * 100_000 + b"]" * 100_000, "too_deep"),
    "unbalanced deep": (b"[" * 100_000, "too_deep"),
    "null": (b"null", "shape"),
    "a number": (b"12", "shape"),
}


@pytest.mark.parametrize("name", KINDS)
@pytest.mark.parametrize("body", BROKEN_BODIES)
def test_broken_bytes_are_set_aside(name: str, body: str) -> None:
    kind = KINDS[name]
    raw, reason = BROKEN_BODIES[body]
    target = _plant(kind, raw)
    _assert_set_aside(kind, target, raw, reason)


@pytest.mark.parametrize("name", KINDS)
def test_a_file_over_the_limit_is_set_aside_unread(name: str) -> None:
    kind = KINDS[name]
    limit = statefile.DRAFT_LIMIT if name == "draft" else statefile.SMALL_LIMIT
    target = _plant(kind, b"")
    with target.open("r+b") as handle:
        handle.truncate(limit + 1)  # sparse: no disk used
    assert kind.read() == kind.nothing
    [moved] = _damaged(target)
    assert moved.stat().st_size == limit + 1
    assert [r.reason for r in statefile.take_reports()] == ["too_large"]


@pytest.mark.parametrize("name", KINDS)
def test_a_link_to_dev_zero_is_set_aside_not_followed(name: str) -> None:
    kind = KINDS[name]
    target = kind.file()
    target.parent.mkdir(parents=True, exist_ok=True)
    target.symlink_to("/dev/zero")
    assert kind.read() == kind.nothing
    [moved] = _damaged(target)
    assert moved.is_symlink() and os.readlink(moved) == "/dev/zero"
    assert [r.reason for r in statefile.take_reports()] == ["not_regular"]


@pytest.mark.parametrize("name", KINDS)
def test_a_link_to_a_good_file_is_not_followed(name: str, tmp_path: Path) -> None:
    kind = KINDS[name]
    elsewhere = tmp_path / "elsewhere.json"
    elsewhere.write_text(kind.good(), encoding="utf-8")
    target = kind.file()
    target.parent.mkdir(parents=True, exist_ok=True)
    target.symlink_to(elsewhere)
    assert kind.read() == kind.nothing
    assert [r.reason for r in statefile.take_reports()] == ["not_regular"]
    assert elsewhere.read_text(encoding="utf-8") == kind.good()


@pytest.mark.parametrize("name", KINDS)
def test_a_fifo_is_set_aside_without_waiting_for_a_writer(name: str) -> None:
    kind = KINDS[name]
    target = kind.file()
    target.parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(target)
    assert kind.read() == kind.nothing
    [moved] = _damaged(target)
    assert stat.S_ISFIFO(os.lstat(moved).st_mode)
    assert [r.reason for r in statefile.take_reports()] == ["not_regular"]


@pytest.mark.parametrize("name", KINDS)
def test_a_folder_in_place_of_the_file_is_set_aside(name: str) -> None:
    kind = KINDS[name]
    target = kind.file()
    (target / "inside").mkdir(parents=True)
    assert kind.read() == kind.nothing
    [moved] = _damaged(target)
    assert (moved / "inside").is_dir()
    assert [r.reason for r in statefile.take_reports()] == ["not_regular"]


# -- the shapes of each kind ------------------------------------------------------------
REMOVE = object()


def _draft_body(changes: dict[str, Any]) -> bytes:
    body = json.loads(_good_draft())
    body.update(changes)
    return json.dumps({k: v for k, v in body.items() if v is not REMOVE}).encode()


WRONG_DRAFTS: dict[str, dict[str, Any]] = {
    "document null (issue 11)": {"data": {"schema_version": 1, "document": None}},
    "null deep inside": {"data": {"platforms": [{"name": "X", "handle": None}]}},
    "data a list": {"data": [1]},
    "data null": {"data": None},
    "no data": {"data": REMOVE},
    "format 2": {"format": 2},
    "format true": {"format": True},
    "format text": {"format": "1"},
    "no format": {"format": REMOVE},
    "path relative": {"path": POLICY_NAME},
    "path of another policy": {"path": "/srv/other.toml"},
    "path with NUL": {"path": "/srv/p\u0000.toml"},
    "digest a number": {"base_digest": 12},
    "written_at not a date": {"written_at": "yesterday"},
    "written_at a number": {"written_at": 20260101},
    "written_at out of range in local time": {"written_at": "0001-01-01T00:00:00+14:00"},
    "a bad date tag": {"data": {"document": {"effective_on": {"$date": "2026-13-01"}}}},
    "half a character": {"data": {"document": {"company": "\ud800"}}},
}


@pytest.mark.parametrize("body", WRONG_DRAFTS)
def test_a_draft_of_the_wrong_shape_is_set_aside(body: str) -> None:
    raw = _draft_body(WRONG_DRAFTS[body])
    assert json.loads(raw)["path"] == str(_policy()) or body.startswith("path")
    target = _plant(KINDS["draft"], raw)
    _assert_set_aside(KINDS["draft"], target, raw, "shape")


def test_a_draft_keeps_nan_infinity_and_dates() -> None:
    """What TOML holds, a draft holds: the check refuses only what no policy has."""
    data = {"a": float("inf"), "b": [dt_value := {"$date": "2026-02-28"}], "c": True}
    drafts.write_draft(_policy(), data, "")
    draft = drafts.read_draft(_policy())
    assert draft is not None and draft.data["a"] == float("inf")
    assert str(draft.data["b"][0]) == dt_value["$date"]
    assert statefile.take_reports() == []


def _lock_body(**changes: Any) -> bytes:
    body = json.loads(_good_lock())
    body.update(changes)
    return json.dumps(body).encode()


WRONG_LOCKS = {
    "pid 2**31 (issue 11)": _lock_body(pid=2_147_483_648),
    "pid 2**64": _lock_body(pid=2**64),
    "pid 0": _lock_body(pid=0),
    "pid -1": _lock_body(pid=-1),
    "pid true": _lock_body(pid=True),
    "pid text": _lock_body(pid="123"),
    "pid a float": _lock_body(pid=12.0),
    "no host": _lock_body(host=""),
    "host a list": _lock_body(host=["a"]),
    "host half a character": _lock_body(host="a").replace(b'"a"', b'"\\udfff"'),
    "started not a date": _lock_body(started="noon"),
    "started null": _lock_body(started=None),
    "path a number": _lock_body(path=1),
    "a list": b"[1, 2]",
}


@pytest.mark.parametrize("body", WRONG_LOCKS)
def test_a_lock_of_the_wrong_shape_is_set_aside_and_no_process_is_signalled(
    body: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    signalled: list[int] = []
    monkeypatch.setattr(os, "kill", lambda pid, sig: signalled.append(pid))
    raw = WRONG_LOCKS[body].replace(b"elsewhere.example", socket.gethostname().encode())
    target = _plant(KINDS["lock"], raw)
    _assert_set_aside(KINDS["lock"], target, raw, "shape")
    assert signalled == []
    assert lock.acquire(_policy())  # the wizard takes its own lock after


def test_a_lock_of_a_huge_pid_on_this_host_is_no_crash() -> None:
    """Issue 11: `"pid": 2147483648` made `os.kill` raise OverflowError at start-up."""
    body = {"pid": 2_147_483_648, "host": socket.gethostname(), "started": "2026-01-01T10:00"}
    _plant(KINDS["lock"], json.dumps(body).encode())
    assert lock.holder(_policy()) is None
    assert [r.reason for r in statefile.take_reports()] == ["shape"]


WRONG_RECENT = {
    "an object": b'{"a": 1}',
    "a number in the list": b'["/srv/a.toml", 3]',
    "null in the list": b'["/srv/a.toml", null]',
    "a relative path": b'["a.toml"]',
    "an empty path": b'[""]',
    "a NUL": b'["/srv/a\\u0000.toml"]',
    "half a character": b'["/srv/\\ud800.toml"]',
    "a nested list": b'[["/srv/a.toml"]]',
}


@pytest.mark.parametrize("body", WRONG_RECENT)
def test_a_recent_list_of_the_wrong_shape_is_set_aside(body: str) -> None:
    raw = WRONG_RECENT[body]
    target = _plant(KINDS["recent"], raw)
    _assert_set_aside(KINDS["recent"], target, raw, "shape")


def test_a_recent_entry_listed_twice_is_listed_once() -> None:
    """Issue 11: a duplicated entry made the start screen crash (`DuplicateID`)."""
    raw = json.dumps(["/srv/a.toml", "/srv/b.toml", "/srv/a.toml", "/srv/b.toml"]).encode()
    target = _plant(KINDS["recent"], raw)
    assert recent.recent_files() == [Path("/srv/a.toml"), Path("/srv/b.toml")]
    assert target.read_bytes() == raw  # not damaged: nothing set aside
    assert statefile.take_reports() == []


def test_a_long_recent_list_gives_the_newest_ten() -> None:
    items = [f"/srv/{n}.toml" for n in range(30)]
    _plant(KINDS["recent"], json.dumps(items).encode())
    assert recent.recent_files() == [Path(item) for item in items[: recent.RECENT_LIMIT]]


WRONG_AUTHORS = {
    "a list": b'["Olena"]',
    "by a number": b'{"by": 1}',
    "by null": b'{"by": null}',
    "no by": b'{"name": "Olena"}',
    "half a character": b'{"by": "\\udc80"}',
}


@pytest.mark.parametrize("body", WRONG_AUTHORS)
def test_an_author_file_of_the_wrong_shape_is_set_aside(body: str) -> None:
    raw = WRONG_AUTHORS[body]
    target = _plant(KINDS["author"], raw)
    _assert_set_aside(KINDS["author"], target, raw, "shape")


# -- setting aside ---------------------------------------------------------------------
def test_an_earlier_damaged_file_is_never_replaced() -> None:
    kind = KINDS["recent"]
    target = kind.file()
    for number, raw in enumerate([b"first", b"second", b"third"]):
        _plant(kind, raw)
        assert kind.read() == []
        assert len(_damaged(target)) == number + 1
    assert target.with_name("recent.json.damaged").read_bytes() == b"first"
    assert target.with_name("recent.json.1.damaged").read_bytes() == b"second"
    assert target.with_name("recent.json.2.damaged").read_bytes() == b"third"
    assert len(statefile.take_reports()) == 3


def test_a_file_replaced_meanwhile_is_left_alone() -> None:
    kind = KINDS["recent"]
    target = _plant(kind, b"damaged")
    found = os.lstat(target)
    target.rename(target.with_name("old"))  # kept: its inode is not reused
    _plant(kind, kind.good().encode())  # another wizard wrote a good list meanwhile
    assert statefile.set_aside(target, "not_json", (found.st_dev, found.st_ino)) is None
    assert target.read_text(encoding="utf-8") == kind.good()
    assert _damaged(target) == [] and statefile.take_reports() == []


def test_a_file_that_cannot_be_moved_is_reported_once_and_the_reader_goes_on(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    kind = KINDS["author"]
    target = _plant(kind, b"{")

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "link", refuse)
    monkeypatch.setattr(os, "rename", refuse)
    assert kind.read() == ""
    assert kind.read() == ""
    [report] = statefile.take_reports()
    assert report.moved_to is None and str(report.error) == "permission denied"
    assert str(target) in report.message() and "\n" not in report.message()
    assert target.read_bytes() == b"{"


def test_reports_go_to_listeners_and_wait_for_one() -> None:
    kind = KINDS["recent"]
    _plant(kind, b"[")
    kind.read()
    heard: list[statefile.SetAside] = []
    stop = statefile.listen(heard.append)
    assert [r.reason for r in heard] == ["not_json"]  # the one found before listening
    _plant(kind, b"]")
    kind.read()
    assert [r.reason for r in heard] == ["not_json", "not_json"]
    stop()
    _plant(kind, b"x")
    kind.read()
    assert len(heard) == 2 and len(statefile.take_reports()) == 1


def test_the_report_is_in_the_interface_language() -> None:
    target = _plant(KINDS["recent"], b"[")
    recent.recent_files()
    [report] = statefile.take_reports()
    try:
        set_language("uk")
        assert report.message() == (
            f"Пошкоджений службовий файл майстра відкладено як {target}.damaged"
            " (це не коректний JSON)."
        )
    finally:
        set_language("en")
    assert report.message() == (
        f"A damaged wizard file was set aside as {target}.damaged (not valid JSON)."
    )


# -- the depth scan --------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "depth"),
    [
        ("1", 0),
        ("[]", 1),
        ('{"a": [1, {"b": []}]}', 4),
        ('["[[[[", "]]", "{"]', 1),
        ('["\\"[[[[", "\\\\", "]"]', 1),
        ('{"a\\"{": "}"}', 1),
        ("[" * 100_000 + "]" * 100_000, 100_000),
    ],
)
def test_nesting_depth_leaves_strings_out(text: str, depth: int) -> None:
    assert statefile.nesting_depth(text) == depth


def test_a_string_left_open_is_scanned_once() -> None:
    """A string that never closes, full of escaped quotes, matches to the end of the text
    at its first quote: a pattern that failed there was tried again at every quote
    inside it, and 40 KB of `\\"` took eight seconds."""
    text = '["' + '\\"' * 50_000
    assert statefile.nesting_depth(text) == 1
    found = statefile._STRING.match(text, 1)
    assert found is not None and found.end() == len(text)
    target = _plant(KINDS["recent"], text.encode())
    _assert_set_aside(KINDS["recent"], target, text.encode(), "not_json")


# -- writing ---------------------------------------------------------------------------
def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_state_files_are_the_users_only(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(os, "umask", os.umask)
    previous = os.umask(0o022)
    try:
        assert lock.acquire(_policy())
        drafts.write_draft(_policy(), {"schema_version": 1}, "")
        recent.remember(_policy())
        revisions.remember_author("Olena")
    finally:
        os.umask(previous)
    files = [
        lock.lock_file(_policy()),
        drafts.draft_file(_policy()),
        statefile.state_dir() / "recent.json",
        statefile.state_dir() / "author.json",
    ]
    assert {str(f.relative_to(statefile.state_dir())): _mode(f) for f in files} == {
        str(f.relative_to(statefile.state_dir())): 0o600 for f in files
    }
    folders = [statefile.state_dir(), statefile.state_dir() / "locks", drafts.drafts_dir()]
    assert [_mode(folder) for folder in folders] == [0o700] * 3


def test_taking_a_lock_never_writes_through_a_planted_link(tmp_path: Path) -> None:
    """Issue 11: the lock's temporary file had a predictable name and was written with
    `write_text`, so a link planted at that name made the wizard write into its target."""
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n", encoding="utf-8")
    target = lock.lock_file(_policy())
    target.parent.mkdir(parents=True)
    # The name the temporary file used to have, and the lock's own name.
    target.with_name(f".{target.name}.{os.getpid()}.tmp").symlink_to(victim)
    assert lock.acquire(_policy())
    assert victim.read_text(encoding="utf-8") == "precious\n"
    assert _mode(victim) == 0o644
    info = lock.read_lock(_policy())
    assert info is not None and info.is_mine
    assert not target.is_symlink() and _mode(target) == 0o600


def test_a_link_planted_at_the_lock_is_replaced_not_written_through(tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n", encoding="utf-8")
    target = lock.lock_file(_policy())
    target.parent.mkdir(parents=True)
    target.symlink_to(victim)
    assert lock.holder(_policy()) is None  # the link is set aside, never read
    assert lock.acquire(_policy())
    assert victim.read_text(encoding="utf-8") == "precious\n"
    assert not target.is_symlink()
    assert [r.reason for r in statefile.take_reports()] == ["not_regular"]


def test_no_lock_file_is_left_when_its_write_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    """The lock is created in place (O_EXCL): a failed write removes what it created, so
    no empty lock stands in the way of the next wizard."""

    def fail(*args: object) -> None:
        raise OSError(28, "No space left on device")

    with monkeypatch.context() as patched:
        patched.setattr(os, "write", fail)
        claim = lock.acquire(_policy())
    assert not claim and claim.holder is None
    assert list(lock.lock_file(_policy()).parent.iterdir()) == []


def test_a_draft_too_large_to_read_back_is_not_written(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(statefile, "DRAFT_LIMIT", 1000)
    drafts.write_draft(_policy(), {"document": {"company": "a"}}, "")
    with pytest.raises(OSError, match="larger than"):
        drafts.write_draft(_policy(), {"document": {"company": "a" * 1000}}, "")
    draft = drafts.read_draft(_policy())
    assert draft is not None and draft.data == {"document": {"company": "a"}}


def test_a_policy_whose_name_is_not_utf8_has_a_lock_a_draft_and_a_recent_entry(
    tmp_path: Path,
) -> None:
    """A file name that is not UTF-8 (Python holds its bytes as lone surrogates) made
    every state file's writer raise UnicodeEncodeError."""
    policy = Path(os.fsdecode(os.fsencode(str(tmp_path)) + b"/\xff\xfe.toml"))
    policy.write_text("schema_version = 1\n", encoding="utf-8")
    assert lock.acquire(policy)
    info = lock.read_lock(policy)
    assert info is not None and info.is_mine
    drafts.write_draft(policy, {"schema_version": 1}, "")
    draft = drafts.read_draft(policy)
    assert draft is not None and draft.path == policy
    recent.remember(policy)
    assert recent.recent_files() == [policy]
    assert statefile.take_reports() == []


def test_the_command_line_says_on_stderr_what_it_set_aside_when_the_wizard_does_not_start(
    cli: Callable[..., tuple[int, str, str]],
) -> None:
    """`presence edit` of a missing file looks for a draft first; a damaged one is set
    aside and, as the wizard never starts, said in one line on stderr before the error."""
    target = _plant(KINDS["draft"], b'{"format": 1, "da')
    code, out, err = cli("edit", POLICY_NAME)
    assert code == 1 and out == ""
    assert err.splitlines() == [
        f"presence: A damaged wizard file was set aside as {target}.damaged (not valid JSON).",
        f"presence: error: {POLICY_NAME} does not exist",
    ]
    assert Path(f"{target}.damaged").read_bytes() == b'{"format": 1, "da'


def test_a_draft_of_the_deepest_readable_policy_reads_back(tmp_path: Path) -> None:
    """The draft's depth limit leaves room for every policy the wizard can open."""
    from exports.store import MAX_DEPTH, PolicyReadError, read_policy

    def nested(levels: int) -> Path:
        policy = tmp_path / "deep.toml"
        text = "x = " + "[" * levels + "1979-05-27" + "]" * levels + "\n"
        policy.write_text(text, encoding="utf-8")
        return policy

    with pytest.raises(PolicyReadError):
        read_policy(nested(MAX_DEPTH))
    policy = nested(MAX_DEPTH - 1)  # the deepest the wizard opens, a date at the bottom
    data = read_policy(policy).data
    drafts.write_draft(policy, data, "")
    draft = drafts.read_draft(policy)
    assert draft is not None and draft.data == data
    assert statefile.take_reports() == []
