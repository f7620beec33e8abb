"""The rules of opening, creating and exporting a policy, once, for both front ends.

The command line (`wizard.cli.commands`, `wizard.cli.program`) and the wizard
(`wizard.tui.app`, the start screen, the review screen and the export dialog) call
these functions and put their results into words themselves: the command line as
English lines for a terminal, the wizard in the interface language. Nothing here
prints, asks or loads Textual, and every refusal is a typed result (a dataclass with
a code and its parameters, or a `PolicyReadError` subclass), never a sentence to be
told apart by its text.

- Opening: `open_policy` (a file to edit), `open_for_edit` (what `presence edit`
  opens: also a never-saved policy the wizard kept a draft of), `is_broken`.
- Creating: `typed_path` (a path as the author types it), `check_new_path`,
  `start_new` (refused, an existing file to open instead, or the data to start
  from), `template_data` (another policy or the built-in example).
- Exporting: `export_format`, `default_export_path`, `export_errors` (a policy with
  errors is never exported), `check_export_target` (never the policy itself, never a
  folder), `render_document` (the renderer by format), and `export_policy`, all of
  them in order, then the atomic write.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from schemas.problems import Problem
from schemas.texts import Phrase

if TYPE_CHECKING:
    from exports.atomic import PolicyWriteError
    from exports.store import PolicyReadError, PolicySource

# `exports.store` (and with it the models) is imported by the functions that read a
# file: the start screen and the export dialog use this module before any file is read.

EXAMPLE = "example"
"""`presence new --from example` starts from the built-in example policy."""

EXAMPLE_UK = "example-uk"
"""`presence new --from example-uk` starts from the built-in Ukrainian example policy."""

EXAMPLE_PATH = Path(__file__).parent.parent / "data" / "example-policy.toml"
EXAMPLE_UK_PATH = Path(__file__).parent.parent / "data" / "example-policy-uk.toml"

EXAMPLES: dict[str, Path] = {EXAMPLE: EXAMPLE_PATH, EXAMPLE_UK: EXAMPLE_UK_PATH}
"""The built-in examples by the name `--from` takes."""

LEFT_OUT_OF_COPIES: tuple[str, ...] = ("revisions", "acknowledgements")
"""What a policy started from another leaves out: the other's history of amendments and
who accepted it belong to that policy, not to the new one."""

DEFAULT_NEW_NAME = "brand-policy.toml"
"""The file a new policy is saved to when no path is given."""

ExportFormat = Literal["md", "html", "pdf", "docx"]
FORMATS: tuple[ExportFormat, ...] = ("md", "html", "pdf", "docx")
SUFFIXES: dict[ExportFormat, str] = {"md": ".md", "html": ".html", "pdf": ".pdf", "docx": ".docx"}
"""The suffix a document of each format gets by default."""

FORMAT_OF_SUFFIX: dict[str, ExportFormat] = {
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".pdf": "pdf",
    ".docx": "docx",
}
"""Output suffixes from which the format is inferred when none is asked for."""

Paper = Literal["a4", "letter"]
PAPERS: tuple[Paper, ...] = ("a4", "letter")
"""Paper sizes of the printed formats (HTML's print rules, PDF, DOCX)."""

Sheet = Literal["moderator"]
SHEETS: tuple[Sheet, ...] = ("moderator",)
"""Documents made from the policy besides the policy itself: the moderator's sheet."""

SHEET_SUFFIX: dict[Sheet, str] = {"moderator": "-moderator"}
"""What a sheet's default file name adds to the policy's (brand-policy-moderator.pdf)."""

PathCode = Literal["is_folder", "no_folder", "is_policy", "system"]


# -- paths -----------------------------------------------------------------------------
@dataclass(frozen=True)
class PathRefused:
    """No file can be written at `path`, and why (`code`):

    - `is_folder`: `path` is a folder;
    - `no_folder`: the folder it would go into (`folder`) does not exist;
    - `is_policy`: it is the policy file itself (an export never replaces it);
    - `system`: the system refuses the name (too long, a loop of links): `reason`
      says so in words of any language, `detail` in English.
    """

    path: Path
    code: PathCode
    folder: Path | None = None
    detail: str = ""
    reason: Phrase | None = field(default=None, compare=False)

    def text(self, lang: str) -> str:
        """Why the system refuses the name, in `lang` (`system` only)."""
        return self.reason.text(lang) if self.reason is not None else self.detail


def typed_path(text: str, folder: Path | None = None) -> Path | None:
    """The path the author typed: `~` expanded, a relative path taken inside `folder`
    (when given; else, as the system does, the working folder). None when blank."""
    if not text.strip():
        return None
    path = Path(text.strip()).expanduser()
    return path if folder is None or path.is_absolute() else folder / path


def exists(path: Path) -> bool:
    """Whether `path` exists; a name the system cannot look up (too long) does not,
    and reading it then says why."""
    try:
        return path.exists()
    except OSError:
        return False


def _system_refusal(path: Path, error: OSError) -> PathRefused:
    from exports.atomic import write_reason

    reason = write_reason(error)
    return PathRefused(path, "system", detail=str(reason), reason=reason)


def _folder_refusal(path: Path) -> PathRefused | None:
    """`is_folder` or `no_folder` when no file can be written at `path`."""
    folder = path.absolute().parent
    if path.is_dir():
        return PathRefused(path, "is_folder")
    if not folder.is_dir():
        return PathRefused(path, "no_folder", folder=folder)
    return None


def same_file(a: Path, b: Path) -> bool:
    """Whether `a` and `b` name the same file (the same path after links are followed,
    or another name of it: a hard link)."""
    try:
        return a.resolve() == b.resolve() or (b.exists() and a.exists() and a.samefile(b))
    except (OSError, RuntimeError):  # RuntimeError: a loop of symbolic links
        return False


# -- opening ---------------------------------------------------------------------------
@dataclass(frozen=True)
class Opened:
    """The policy file, read."""

    source: PolicySource

    @property
    def path(self) -> Path:
        """The file's path."""
        return self.source.path


@dataclass(frozen=True)
class Unreadable:
    """A file that cannot be read as a policy; `error`'s type says why."""

    path: Path
    error: PolicyReadError

    @property
    def missing(self) -> bool:
        """Whether there is no such file."""
        from exports.store import PolicyNotFoundError

        return isinstance(self.error, PolicyNotFoundError)

    @property
    def broken(self) -> bool:
        """Whether the author can fix it in the file (`is_broken`)."""
        return is_broken(self.error)


@dataclass(frozen=True)
class DraftOnly:
    """No file at `path`, but the wizard kept a draft of a policy that was never saved
    there (a crash before the first save): it opens as a new policy, offering the draft."""

    path: Path


def is_broken(error: PolicyReadError) -> bool:
    """Whether a read error is one the author can fix in the file: not valid TOML, or
    not UTF-8 (the wizard shows where, and offers $EDITOR). A file of a newer format is
    refused instead: it is never opened or rewritten."""
    from exports.store import PolicyEncodingError, PolicySyntaxError

    return isinstance(error, PolicySyntaxError | PolicyEncodingError)


def open_policy(path: Path) -> Opened | Unreadable:
    """Read the policy at `path` for editing.

    A file that does not exist (or a name on the way that is not a folder) is
    `PolicyNotFoundError`; a name the system cannot look up (too long, a loop of
    symbolic links) is `PolicyFileError` with the system's words; anything else is
    what `read_policy` says (a newer format: `NewerFormatError`).
    """
    from exports.store import (
        PolicyFileError,
        PolicyNotFoundError,
        PolicyReadError,
        read_policy,
        read_reason,
    )
    from exports.texts import FILES

    label = str(path)
    try:
        path.stat()
    except (FileNotFoundError, NotADirectoryError):
        return Unreadable(path, PolicyNotFoundError(label, Phrase(FILES, "read.not_found")))
    except OSError as error:
        return Unreadable(path, PolicyFileError(label, read_reason(error, plain=True)))
    try:
        return Opened(read_policy(path))
    except PolicyReadError as error:
        return Unreadable(path, error)


def open_for_edit(path: Path) -> Opened | Unreadable | DraftOnly:
    """What `presence edit PATH` opens: the file, or a never-saved policy's draft when
    there is no file but a draft of it (see `DraftOnly`)."""
    if not exists(path) and has_draft(path):
        return DraftOnly(path)
    return open_policy(path)


def has_draft(path: Path) -> bool:
    """Whether an autosaved draft of `path` is kept."""
    from wizard.core.drafts import read_draft

    return read_draft(path) is not None


# -- creating --------------------------------------------------------------------------
@dataclass(frozen=True)
class Create:
    """A new policy can be started at `path`, from `data` (None: an empty policy).

    `text`: the file's text to start from, for a policy made from another one (`--from`):
    that policy's own text, its comments and layout, without its [[revisions]]. The
    first save writes the new policy into it (as a save edits a file: only what
    changed), so that the comments a template carries reach the new file."""

    path: Path
    data: dict[str, Any] | None = None
    text: str | None = None


@dataclass(frozen=True)
class Exists:
    """A file exists at `path`: it is never overwritten by a new policy (the wizard
    offers to open it instead)."""

    path: Path


def check_new_path(target: Path) -> PathRefused | None:
    """Why no new policy can be created at `target` (`is_folder`, `no_folder`,
    `system`), or None when it can. An existing file is not refused here: see
    `start_new`."""
    try:
        return _folder_refusal(target)
    except OSError as error:  # a name too long
        return _system_refusal(target, error)


def template_path(from_: str) -> Path:
    """The file `--from` names: another policy, or a built-in example (`example`,
    `example-uk`)."""
    return EXAMPLES.get(from_, Path(from_))


def template_data(from_: str) -> dict[str, Any] | Unreadable:
    """The data of another policy (or the built-in example) to start a new one from.

    Its [[revisions]] and [[acknowledgements]] are dropped: the new policy's history
    starts empty, and nobody has accepted it yet.
    """
    template = read_template(from_)
    return template if isinstance(template, Unreadable) else template[0]


def read_template(from_: str) -> tuple[dict[str, Any], str] | Unreadable:
    """The data and the text of another policy (or the built-in example) to start a new
    one from, without its [[revisions]]: the text is the template's own, comments
    and layout kept, the revisions' tables taken out as a save takes a table out."""
    from exports.store import PolicyReadError, read_policy, render_policy

    path = template_path(from_)
    try:
        source = read_policy(path)
    except PolicyReadError as error:
        return Unreadable(path, error)
    data = copy.deepcopy(source.data)
    for key in LEFT_OUT_OF_COPIES:
        data.pop(key, None)
    return data, render_policy(data, source)


def start_new(path: Path, from_: str | None = None) -> Create | Exists | PathRefused | Unreadable:
    """What starting a new policy at `path` (from `from_`, see `template_data`) comes
    to: refused (`check_new_path`), an existing file (`Exists`: never overwritten), a
    template that cannot be read (`Unreadable`), or the policy to create (`Create`)."""
    refused = check_new_path(path)
    if refused is not None:
        return refused
    if exists(path):
        return Exists(path)
    if from_ is None:
        return Create(path)
    template = read_template(from_)
    if isinstance(template, Unreadable):
        return template
    data, text = template
    return Create(path, data, text)


# -- exporting -------------------------------------------------------------------------
def export_format(path: Path | str | None, asked: ExportFormat | None = None) -> ExportFormat:
    """The format of a document: the one `asked` for, else by the suffix of `path`
    (`.md`, `.markdown`, `.html`, `.htm`), else Markdown."""
    if asked is not None:
        return asked
    if path is None:
        return "md"
    return FORMAT_OF_SUFFIX.get(Path(path).suffix.lower(), "md")


def default_export_path(policy: Path | None, fmt: ExportFormat, sheet: Sheet | None = None) -> Path:
    """Next to the policy file with the format's suffix (brand-policy.md when unsaved);
    a sheet's name says which (brand-policy-moderator.pdf)."""
    base = policy if policy is not None else Path(DEFAULT_NEW_NAME)
    if sheet is not None:
        base = base.with_name(base.stem + SHEET_SUFFIX[sheet] + base.suffix)
    return base.with_suffix(SUFFIXES[fmt])


def export_errors(problems: Iterable[Problem]) -> list[Problem]:
    """The problems that stop an export: its errors. A draft (only missing parts) is
    exported, marked as a draft; warnings stop nothing."""
    return [problem for problem in problems if problem.level == "error"]


def check_export_target(target: Path, policy: Path | None) -> PathRefused | None:
    """Why a document cannot be written at `target`: the policy file itself
    (`is_policy`), a folder, a folder that does not exist, a name the system refuses;
    None when it can (an existing file there is replaced: the caller asks or not)."""
    if policy is not None and same_file(policy, target):
        return PathRefused(target, "is_policy")
    try:
        return _folder_refusal(target)
    except OSError as error:
        return _system_refusal(target, error)


@dataclass(frozen=True)
class Rendered:
    """A document made: its bytes, and for the moderator's sheet how many A4 pages it
    takes as typeset (it should take one)."""

    content: bytes
    pages: int | None = None


def render_document(
    data: Mapping[str, Any],
    fmt: ExportFormat,
    *,
    include_access: bool,
    problems: Sequence[Problem] | None = None,
    paper: Paper | None = None,
    sheet: Sheet | None = None,
) -> Rendered:
    """The document in `fmt` (UTF-8 text for Markdown and HTML). Each renderer is
    imported only for its format: markdown-it for none, typst for a PDF (and to
    measure a sheet), python-docx for a DOCX."""
    from exports.blocks import default_paper

    if sheet is not None:
        from exports.sheet import build_sheet

        document = build_sheet(data, problems=problems)
        chosen = paper or "a4"
    else:
        from exports.document import build_document

        document = build_document(data, include_access=include_access, problems=problems)
        chosen = paper or default_paper(document.lang)
    pages = None
    if fmt == "pdf":
        from exports.pdf import SHEET_LAYOUT, Layout, page_count, render_pdf

        layout = SHEET_LAYOUT if sheet else Layout()
        content = render_pdf(document, paper=chosen, layout=layout)
        if sheet:
            pages = page_count(document, paper="a4", layout=layout)
        return Rendered(content, pages)
    if sheet is not None:
        from exports.pdf import SHEET_LAYOUT, page_count

        pages = page_count(document, paper="a4", layout=SHEET_LAYOUT)
    if fmt == "docx":
        from exports.docx import render_docx

        return Rendered(render_docx(document, paper=chosen), pages)
    if fmt == "html":
        from exports.html import render_html

        return Rendered(render_html(document, paper=chosen).encode("utf-8"), pages)
    from exports.markdown import render_markdown

    return Rendered(render_markdown(document).encode("utf-8"), pages)


@dataclass(frozen=True)
class ExportRequest:
    """A document to export: its format, where (None: not written, the caller shows
    it, as `presence export -o -` prints it) and whether access data goes in."""

    format: ExportFormat
    path: Path | None
    include_access: bool = False
    replace_read_only: bool = False
    """Whether a read-only file at `path` is replaced (refused otherwise)."""
    paper: Paper | None = None
    """A4 or US Letter; None: A4 for a Ukrainian document, Letter for an English one
    (the moderator's sheet: A4)."""
    sheet: Sheet | None = None
    """The moderator's sheet instead of the policy."""


@dataclass(frozen=True)
class Exported:
    """The document was written to `request.path` (or, without a path, only made)."""

    request: ExportRequest
    document: bytes
    missing: int
    """Parts not defined yet: more than none, and the document is marked as a draft."""
    pages: int | None = None
    """The A4 pages the moderator's sheet takes (None for the policy)."""


@dataclass(frozen=True)
class HasErrors:
    """The policy has errors (`errors`): nothing was exported."""

    errors: tuple[Problem, ...]


@dataclass(frozen=True)
class WriteFailed:
    """The document could not be written at `path`; any file there is as it was."""

    path: Path
    error: PolicyWriteError

    @property
    def read_only(self) -> bool:
        """Whether the file there is read-only (and the request did not replace it)."""
        from exports.atomic import ReadOnlyFileError

        return isinstance(self.error, ReadOnlyFileError)


ExportResult = Exported | HasErrors | PathRefused | WriteFailed


def export_policy(
    data: Mapping[str, Any],
    problems: Sequence[Problem],
    request: ExportRequest,
    *,
    policy: Path | None,
) -> ExportResult:
    """Export the policy `data` (whose problems are `problems`, read from the file
    `policy`) as `request` says: refused when it has errors (`HasErrors`) or when the
    target cannot take it (`PathRefused`: the policy itself, a folder, …); else the
    document is rendered and written atomically (`WriteFailed` when that fails)."""
    errors = export_errors(problems)
    if errors:
        return HasErrors(tuple(errors))
    if request.path is not None:
        refused = check_export_target(request.path, policy)
        if refused is not None:
            return refused
    rendered = render_document(
        data,
        request.format,
        include_access=request.include_access,
        problems=problems,
        paper=request.paper,
        sheet=request.sheet,
    )
    missing = sum(1 for problem in problems if problem.level == "missing")
    if request.path is not None:
        from exports.atomic import PolicyWriteError, atomic_write, write_reason

        try:
            atomic_write(
                request.path,
                rendered.content,
                replace_read_only=request.replace_read_only,
            )
        except PolicyWriteError as error:
            return WriteFailed(request.path, error)
        except OSError as error:  # a name the system refused on the way
            failure = PolicyWriteError(str(request.path), write_reason(error))
            return WriteFailed(request.path, failure)
    return Exported(request, rendered.content, missing, rendered.pages)
