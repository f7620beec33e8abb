"""Reusable widgets of the section screens: field rows, list editors, the sidebar."""

from screens.widgets.fields import FieldKind, FieldRow, FieldSpec
from screens.widgets.footer import CatalogueFooter
from screens.widgets.list_editor import ListEditor
from screens.widgets.messages import Edited, NavigateTo
from screens.widgets.sidebar import Sidebar
from screens.widgets.string_list import StringListEditor

__all__ = [
    "CatalogueFooter",
    "Edited",
    "FieldKind",
    "FieldRow",
    "FieldSpec",
    "ListEditor",
    "NavigateTo",
    "Sidebar",
    "StringListEditor",
]
