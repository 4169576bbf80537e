"""The facet panel, rendered in Python.

Browse, collections and search show up to eight facets with over a hundred options in all; as a
Django template the panel took about a third of a search page's CPU time (one `blocktrans` and
a dozen variable lookups per option). The markup is the one the template had; every value is
escaped as the template's autoescaping did (django.utils.html.escape is html.escape).
"""

from __future__ import annotations

from html import escape

from django import template
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext, ngettext

register = template.Library()


class _Words:
    """The panel's translated words, looked up once per panel (and once per count)."""

    def __init__(self) -> None:
        self.title = escape(gettext("Filter resources"))
        self.selected = escape(gettext("selected; follow to remove"))
        self._resources: dict[int, str] = {}

    def resources(self, count: int) -> str:
        words = self._resources.get(count)
        if words is None:
            words = self._resources[count] = escape(ngettext("resource", "resources", count))
        return words


def _option(option, words: _Words) -> str:
    if option.selected:
        css, current = " is-selected", ' aria-current="true"'
        note = f'<span class="visually-hidden"> ({words.selected})</span>'
    else:
        css = current = note = ""
    return (
        f'<li><a class="facet-option{css}" href="{escape(str(option.toggle_url))}" '
        f'rel="nofollow"{current}><span class="check" aria-hidden="true"></span>'
        f'<span class="facet-label">{escape(str(option.label))}</span>{note} '
        f'<span class="count">{option.count}<span class="visually-hidden"> '
        f"{words.resources(option.count)}</span></span></a></li>"
    )


def _section(facet, words: _Words) -> str:
    name = escape(str(facet.name))
    parts = [
        f'<section class="facet" aria-labelledby="facet-{name}">'
        f'<h3 id="facet-{name}">{escape(str(facet.label))}</h3>'
    ]
    for group in facet.groups:
        if group.label:
            parts.append(f'<h4 class="facet-group">{escape(str(group.label))}</h4>')
        parts.append("<ul>")
        parts += [_option(option, words) for option in group.options]
        parts.append("</ul>")
    parts.append("</section>")
    return "".join(parts)


@register.simple_tag
def facet_panel(facets) -> SafeString:
    """Plain links, one per option: every filter combination is a URL and works without
    JavaScript; nofollow, since crawlers need not walk every combination of filters."""
    words = _Words()
    sections = "".join(_section(facet, words) for facet in facets if facet.options)
    return mark_safe(
        f'<nav class="facets" aria-label="{words.title}">'
        f'<h2 class="visually-hidden">{words.title}</h2>{sections}</nav>'
    )
