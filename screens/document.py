"""Document details: company, who approved it (name, position, date), title, language,
whom it binds, version, dates, contact."""

from __future__ import annotations

from textual.app import ComposeResult

from schemas.model import LANGUAGES
from screens.base import SectionScreen, section_css
from screens.widgets.fields import FieldSpec


class DocumentScreen(SectionScreen):
    """Edits [document]."""

    STEP = "document"
    CSS_PATH = section_css("document.tcss")

    FIELDS = (
        FieldSpec("document.company"),
        FieldSpec("document.approved_by"),
        FieldSpec("document.approver_title"),
        FieldSpec("document.approved_on", "date"),
        FieldSpec("document.title"),
        FieldSpec("document.language", "choice", choices=LANGUAGES, choice_key="language"),
        FieldSpec("document.scope"),
        FieldSpec("document.version"),
        FieldSpec("document.effective_on", "date"),
        FieldSpec("document.review_by", "date"),
        FieldSpec("document.contact"),
    )

    def compose_fields(self) -> ComposeResult:
        for spec in self.FIELDS:
            yield self.field(spec)
