"""Review: what is missing or wrong (jump to any field), warnings, the revision log,
the content plan of a month (`screens.plan_view`, with its own export), who has read
and accepted which version (add an acknowledgement: name, organisation, date,
version), a preview of the exported document, then Save and Export.

Recording an acknowledgement is not an amendment: a save that changes only
acknowledgements writes no `[[revisions]]` entry (`wizard.core.revisions.amends`).

The preview is rendered when its tab is opened (and again, while it is open, when
the policy changed), in a worker: the document is written in a thread, then shown.
Textual's `Markdown` widget takes about a second for an ordinary policy and many for
a large one, during which the interface does not respond; so nothing renders on a
keystroke or merely on opening the review, and a large document waits for the
"Render preview" button.
"""

from __future__ import annotations

import asyncio
import copy
import datetime as dt
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, OptionList, Static, TabbedContent, TabPane
from textual.widgets.option_list import Option

from exports.doc_parts import revisions_newest_first
from exports.plan import month_period
from schemas.controls import stand_in
from schemas.problems import Problem
from schemas.sections import SECTIONS
from schemas.text import is_blank
from screens.base import StepScreen, section_css
from screens.dialogs import MessageDialog
from screens.export_dialog import ExportDialog, target_refusal
from screens.labels import gap_line, problem_line
from screens.plan_export_dialog import PlanExportDialog
from screens.plan_view import PlanView, month_name
from screens.textual_tricks import SteadyTabbedContent
from screens.widgets.fields import FieldSpec
from screens.widgets.list_editor import ListEditor
from screens.widgets.messages import Edited, NavigateTo
from wizard.core.completeness import Gap
from wizard.core.flow import step_for_path
from wizard.core.i18n import get_language, has, t
from wizard.core.planning import PlanRequest, PlanWritten, export_plan
from wizard.core.service import (
    Exported,
    ExportRequest,
    HasErrors,
    PathRefused,
    export_errors,
    export_policy,
)
from wizard.core.settings import DEFAULT_SETTINGS, Settings
from wizard.core.state import PolicyState

if TYPE_CHECKING:
    from textual.widgets import Markdown

PREVIEW_LIMIT = 20_000
"""Characters of Markdown rendered without asking (the example policy has about 5,000)."""

PREVIEW_TAB = "review-tab-preview"
PLAN_TAB = "review-tab-plan"
ACKNOWLEDGEMENTS_TAB = "review-tab-acknowledgements"

ACKNOWLEDGEMENT_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("acknowledgements.name"),
    FieldSpec("acknowledgements.organisation"),
    FieldSpec("acknowledgements.date", "date"),
    FieldSpec("acknowledgements.version"),
)
"""The form of an acknowledgement: who, from which organisation, when, which version."""

GROUPS: tuple[str, ...] = (*SECTIONS, "acknowledgements")
"""The groups of the checklist and the warnings, in order, after the whole file's."""

LEVEL_MARKS: dict[str, tuple[str, str, str]] = {
    "error": ("! ", "bold red", "review.level.error"),
    "missing": ("• ", "dim", "review.level.missing"),
    "warning": ("⚠ ", "yellow", "review.level.warning"),
    "thin": ("◦ ", "dim", "review.level.thin"),
}
"""Per level: the mark, its style and the catalogue key of the level's name."""


class ProblemList(OptionList):
    """Problems grouped by section; Enter or a click on one jumps to its field. The
    checklist lists the gaps a reader would find too (`wizard.core.completeness`)."""

    def __init__(self, *, id: str) -> None:
        super().__init__(id=id)
        self._problems: list[Problem | Gap] = []

    def show(self, problems: list[Problem | Gap], empty: str) -> None:
        """List `problems` under their sections' titles (`empty` when there are none)."""
        self._problems = problems
        options: list[Option] = []
        groups: dict[str, list[int]] = {}
        for index, problem in enumerate(problems):
            section: str = problem.section if problem.section in GROUPS else ""
            groups.setdefault(section, []).append(index)
        for section in ("", *GROUPS):
            if section not in groups:
                continue
            if section == "acknowledgements":
                title = t("review.acknowledgements")
            else:
                title = t(f"section.{section}.title") if section else t("review.whole_file")
            options.append(Option(Text(title, style="bold"), disabled=True))
            for index in groups[section]:
                problem = problems[index]
                mark, style, word = LEVEL_MARKS[problem.level]
                line = Text(mark, style=style)
                line.append(t(word) + ": ", style=style)
                line.append(
                    gap_line(problem) if isinstance(problem, Gap) else problem_line(problem)
                )
                options.append(Option(line, id=str(index)))
        if not options:
            options.append(Option(Text(empty, style="green"), disabled=True))
        self.set_options(options)

    def problem_at(self, option: Option) -> Problem | Gap | None:
        """The problem an option stands for."""
        if option.id is None:
            return None
        return self._problems[int(option.id)]


class ReviewScreen(StepScreen):
    """The checklist, warnings, revision log and preview; Save and Export."""

    STEP = "review"
    CSS_PATH = section_css("review.tcss")
    AUTO_FOCUS = "#review-checklist"

    def __init__(self, state: PolicyState, settings: Settings = DEFAULT_SETTINGS) -> None:
        super().__init__(state, settings)
        self._preview_revision = -1
        """The state revision the preview shows (-1: none yet)."""
        self._lists_revision = -1

    def compose_body(self) -> ComposeResult:
        with Horizontal(id="review-actions"):
            yield Button(t("review.save"), id="review-save", compact=True)
            yield Button(t("review.export"), id="review-export", compact=True, variant="primary")
        with SteadyTabbedContent(id="review-tabs"):
            with TabPane(t("review.checklist"), id="review-tab-checklist"):
                yield Static(t("review.checklist_help"), classes="review-help")
                yield ProblemList(id="review-checklist")
            with TabPane(t("review.warnings"), id="review-tab-warnings"):
                yield Static(t("review.warnings_help"), classes="review-help")
                yield ProblemList(id="review-warnings")
            with TabPane(t("review.revisions"), id="review-tab-revisions"):
                yield Static("", id="review-revisions", markup=False)
            with TabPane(t("review.plan"), id=PLAN_TAB):
                yield PlanView(self.state, self.settings, id="review-plan")
            with (
                TabPane(t("review.acknowledgements"), id=ACKNOWLEDGEMENTS_TAB),
                VerticalScroll(id="review-acknowledgements-scroll"),
            ):
                yield ListEditor(
                    self.state,
                    "acknowledgements",
                    columns=("name", "organisation", "date", "version"),
                    fields=ACKNOWLEDGEMENT_FIELDS,
                    new_entry=self._new_acknowledgement,
                )
            with TabPane(t("review.preview"), id=PREVIEW_TAB):
                yield Static("", id="review-preview-note")
                yield Button(t("review.render"), id="review-render", compact=True)
                # The Markdown widget (#review-preview) joins when the tab is first
                # opened: importing and styling it costs more than the rest of the review.
                yield VerticalScroll(id="review-preview-scroll")

    # -- refreshing --------------------------------------------------------------
    def refresh_problems(self) -> None:
        """Rebuild the checklist, the warnings and the revision log (after any change)."""
        if self._lists_revision == self.state.revision:
            return
        self._lists_revision = self.state.revision
        problems = self.state.problems()
        todo: list[Problem | Gap] = [p for p in problems if p.level != "warning"]
        todo += self.state.gaps()
        warnings = [p for p in problems if p.level == "warning"]
        self.query_one("#review-checklist", ProblemList).show(todo, t("review.all_done"))
        self.query_one("#review-warnings", ProblemList).show(
            list(warnings), t("review.no_warnings")
        )
        tabs = self.query_one("#review-tabs", TabbedContent)
        for pane, title, count in (
            ("review-tab-checklist", t("review.checklist"), len(todo)),
            ("review-tab-warnings", t("review.warnings"), len(warnings)),
        ):
            tabs.get_tab(pane).label = f"{title} ({count})" if count else title
        self.query_one("#review-revisions", Static).update(self._revision_log())
        for editor in self.query(ListEditor):
            editor.refresh_problems()

    def _new_acknowledgement(self) -> dict[str, object]:
        """A new acknowledgement: signed today, of the current version (when it has one)."""
        entry: dict[str, object] = {"date": dt.date.today()}
        version = self.state.get("document.version")
        if isinstance(version, str) and not is_blank(version):
            entry["version"] = version
        return entry

    @on(Edited)
    def _edited(self, event: Edited) -> None:
        """An acknowledgement added, changed or removed here: the lists follow."""
        event.stop()
        self.refresh_problems()
        self.refresh_sidebar()
        self._shown_revision = self.state.revision

    def reload(self) -> None:
        for editor in self.query(ListEditor):
            editor.rebuild(select=editor.selected)
        self._reload_review()

    def focus_path(self, path: str) -> None:
        """An acknowledgement's problem: its tab, its entry selected, the field focused."""
        if not path.startswith("acknowledgements"):
            return
        self.query_one("#review-tabs", TabbedContent).active = ACKNOWLEDGEMENTS_TAB
        editor = self.query_one(ListEditor)
        index_text = path.partition("[")[2].partition("]")[0]
        if index_text.isdigit():
            editor.rebuild(select=int(index_text))
        self.call_after_refresh(editor.entry_list.focus)

    def _reload_review(self) -> None:
        super().reload()
        active = self.query_one("#review-tabs", TabbedContent).active
        if active == PREVIEW_TAB:
            self.call_after_refresh(self.update_preview)
        elif active == PLAN_TAB:
            self.query_one(PlanView).show()

    def _revision_log(self) -> str:
        revisions = revisions_newest_first(self.state.items("revisions"))
        if not revisions:
            return t("review.no_revisions")
        lines = []
        for _, revision in revisions:
            date = revision.get("date")
            sections = revision.get("sections")
            names = [
                t(f"section.{name}.short") if has(f"section.{name}.short") else str(name)
                for name in (sections if isinstance(sections, list) else [])
            ]
            parts = [
                date.isoformat() if isinstance(date, dt.date) else str(date or "?"),
                str(revision.get("by") or ""),
                ", ".join(names),
                " ".join(str(revision.get("note") or "").split()),
            ]
            lines.append(" — ".join(part for part in parts if not is_blank(part)))
        return stand_in("\n".join(lines), keep="\n")

    # -- preview -----------------------------------------------------------------
    def update_preview(self, *, force: bool = False) -> None:
        """Render the preview when it is out of date (a large document only with `force`)."""
        if force or self._preview_revision != self.state.revision:
            self._render_preview(force)

    @work(exclusive=True, group="preview")
    async def _render_preview(self, force: bool) -> None:
        from exports.markdown import export_markdown

        revision = self.state.revision
        data = copy.deepcopy(self.state.data)
        problems = list(self.state.problems())
        note = self.query_one("#review-preview-note", Static)
        button = self.query_one("#review-render", Button)
        preview = await self._preview()
        text = await asyncio.to_thread(export_markdown, data, problems=problems)
        if len(text) > PREVIEW_LIMIT and not force:
            note.update(t("review.preview_large", n=len(text)))
            button.display = True
            return
        button.display = False
        note.update(t("review.rendering"))
        await preview.update(text)
        note.update("")
        self._preview_revision = revision

    async def _preview(self) -> Markdown:
        """The preview widget, mounted the first time it is needed."""
        from textual.widgets import Markdown

        scroll = self.query_one("#review-preview-scroll", VerticalScroll)
        found = scroll.query(Markdown)
        if found:
            return found.first()
        preview = Markdown(id="review-preview")
        await scroll.mount(preview)
        return preview

    @on(TabbedContent.TabActivated, "#review-tabs")
    def _tab_shown(self, event: TabbedContent.TabActivated) -> None:
        event.stop()
        if event.pane.id == PREVIEW_TAB:
            self.update_preview()
        elif event.pane.id == PLAN_TAB:
            self.query_one(PlanView).show()

    @on(Button.Pressed, "#review-render")
    def _render_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.update_preview(force=True)

    # -- jumping -----------------------------------------------------------------
    @on(OptionList.OptionSelected, "ProblemList")
    def _jump(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if not isinstance(event.option_list, ProblemList):
            return
        problem = event.option_list.problem_at(event.option)
        if problem is not None:
            self.post_message(NavigateTo(step_for_path(problem.path).name, focus=problem.path))

    @on(OptionList.OptionHighlighted, "ProblemList")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()

    # -- save and export ---------------------------------------------------------
    @on(Button.Pressed, "#review-save")
    async def _save(self, event: Button.Pressed) -> None:
        event.stop()
        await self.run_action("app.save")

    @on(Button.Pressed, "#review-export")
    def _export_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_export()

    def action_export(self) -> None:
        """Open the export dialog; a policy with errors is refused (see the checklist)."""
        if not self._refuse_with_errors():
            self.app.push_screen(ExportDialog(self.state.path, self.state.problems()), self._export)

    def _refuse_with_errors(self) -> bool:
        """When the policy has errors, say that it is not exported, show the checklist
        at its first error, and return True."""
        errors = export_errors(self.state.problems())
        if not errors:
            return False
        self.app.push_screen(
            MessageDialog(t("review.has_errors_title"), t("review.has_errors", n=len(errors)))
        )
        checklist = self.query_one("#review-checklist", ProblemList)
        first = next((i for i, o in enumerate(checklist.options) if o.id is not None), None)
        self.query_one("#review-tabs", TabbedContent).active = "review-tab-checklist"
        checklist.highlighted = first
        checklist.focus()
        return True

    # -- the plan ----------------------------------------------------------------
    @on(PlanView.ExportAsked)
    def _plan_export_asked(self, event: PlanView.ExportAsked) -> None:
        """Open the plan's export dialog for the month shown; a policy with errors is
        refused (see the checklist), as for the document."""
        event.stop()
        if not self._refuse_with_errors():
            period = month_period(event.year, event.month)
            title = month_name(event.year, event.month)
            dialog = PlanExportDialog(self.state.path, period, title)
            self.app.push_screen(dialog, self._export_plan)

    def _export_plan(self, request: PlanRequest | None) -> None:
        """Write the plan the dialog asked for; say where, or why it failed."""
        if request is None or request.path is None:
            return
        result = export_plan(
            self.state.data, self.state.problems(), request, policy=self.state.path
        )
        if isinstance(result, PlanWritten):
            key = "plan_export.done_draft" if result.plan.draft else "plan_export.done"
            self.notify(t(key, path=str(request.path), n=len(result.plan.slots)))
            return
        if isinstance(result, HasErrors):
            reason = t("review.has_errors", n=len(result.errors))
        elif isinstance(result, PathRefused):
            reason = target_refusal(result)
        else:
            reason = result.error.message
        self.app.push_screen(
            MessageDialog(
                t("plan_export.failed_title"),
                t("export.failed", path=str(request.path), reason=reason),
            )
        )

    def _export(self, request: ExportRequest | None) -> None:
        """Export the document the dialog asked for; say where, or why it failed."""
        if request is None or request.path is None:
            return
        result = export_policy(
            self.state.data, self.state.problems(), request, policy=self.state.path
        )
        if isinstance(result, Exported):
            if result.pages is not None and result.pages > 1:
                self.notify(t("export.sheet_too_long", pages=result.pages), severity="warning")
            if result.missing:
                self.notify(t("export.done_draft", path=str(request.path), n=result.missing))
            else:
                self.notify(t("export.done", path=str(request.path)))
            return
        if isinstance(result, HasErrors):  # the policy changed while the dialog was open
            reason = t("review.has_errors", n=len(result.errors))
        elif isinstance(result, PathRefused):  # the folder changed while the dialog was open
            reason = target_refusal(result)
        else:
            reason = result.error.text(get_language())
        self.app.push_screen(
            MessageDialog(
                t("export.failed_title"), t("export.failed", path=str(request.path), reason=reason)
            )
        )
