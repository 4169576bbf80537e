"""How much of one PDF is read: at most so many pages and so many characters, and the note
that says where reading stopped. Shared by the PDFium and the pypdf readings."""

from __future__ import annotations

from .result import (
    EXTRACTED,
    NO_TEXT_LAYER,
    Extraction,
    add_note,
    characters_cap_note,
    pages_cap_note,
)


class Caps:
    """How much of one file is read: at most so many pages and so many characters.

    A file of 200,000 page references or millions of characters is read up to the caps, not in
    full; the result says where reading stopped.
    """

    def __init__(self, max_pages: int | None, max_characters: int | None) -> None:
        self.max_pages = max_pages or None
        self.max_characters = max_characters or None
        self.characters = 0
        self.total_pages = 0
        self.cut_at_characters = False

    def pages_to_read(self, count: int) -> int:
        self.total_pages = count
        return min(count, self.max_pages) if self.max_pages else count

    def take(self, text: str) -> tuple[str, bool]:
        """The page's text, cut at the character cap; True when reading must stop here."""
        if self.max_characters is None:
            return text, False
        left = self.max_characters - self.characters
        if len(text) >= left:
            self.characters = self.max_characters
            self.cut_at_characters = len(text) > left
            return text[:left], True
        self.characters += len(text)
        return text, False

    def noted(self, result: Extraction) -> Extraction:
        """The result with a note saying where reading stopped, if it stopped at a cap."""
        if result.status not in (EXTRACTED, NO_TEXT_LAYER):
            return result
        if self.cut_at_characters:
            add_note(result, characters_cap_note(self.max_characters or 0, len(result.pages)))
        elif self.max_pages and self.total_pages > self.max_pages:
            add_note(result, pages_cap_note(self.max_pages, self.total_pages))
        return result
