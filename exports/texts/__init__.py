"""The exports layer's catalogues in the one text system (`schemas.texts`).

- `document` (`document_en.py`, `document_uk.py`): the exported document's own words,
  in the document's language (`exports.wording`);
- `files` (`files_en.py`, `files_uk.py`): why a policy file cannot be read (TOML syntax
  included) or a file cannot be written, and the differences between two policies as
  `presence diff` words them, in the language of whoever reads them.
"""

from __future__ import annotations

from schemas.texts import register

DOCUMENT = "document"
FILES = "files"

register(DOCUMENT, en="exports.texts.document_en", uk="exports.texts.document_uk")
register(FILES, en="exports.texts.files_en", uk="exports.texts.files_uk")
