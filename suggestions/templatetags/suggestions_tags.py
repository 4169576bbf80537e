"""The document page's note of what a file looks like in the library (``suggestions``)."""

from __future__ import annotations

from django import template

register = template.Library()


@register.inclusion_tag("suggestions/document_likeness.html")
def document_likenesses(document) -> dict:
    """The documents this one looked like when it was read, with the resources holding them."""
    from suggestions.editor import likenesses_of

    return {"likes": likenesses_of(document)}
