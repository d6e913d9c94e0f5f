"""Formatting: a document in; the edit that puts it in `prog fmt`'s canonical layout out.

The same formatter as `prog fmt` (`dsl.formatter`), with the same guards: a text that does
not parse (tabs in indentation aside, which formatting mends) is left alone, and so is one
whose formatted form would not mean the same. No edit when the text is already formatted.
"""

from __future__ import annotations

from dsl.formatter import formattable, reformat
from dsl.services.document import Document, TextEdit, never_raises


@never_raises(list)
def format_edits(doc: Document) -> list[TextEdit]:
    """One edit replacing the whole text with its canonical layout, or none."""
    loaded = doc.loaded
    program, source = loaded.program, loaded.source
    if program is None or source is None:
        return []
    if not formattable(program, source.text, loaded.diagnostics):
        return []
    formatted = reformat(program, source.text)
    if formatted is None or formatted == doc.text:
        return []
    return [TextEdit(doc.whole(), formatted)]
