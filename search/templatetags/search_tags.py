"""Template helpers for search results."""

from django import template

from search.contract import DocumentMatch

register = template.Library()


@register.filter
def page_url(document: DocumentMatch, number: int) -> str:
    """The link that opens the document at that page (#page=N for PDFs)."""
    return document.page_url(number)
