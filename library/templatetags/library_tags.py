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
        self.jump = escape(gettext("Back to the results"))
        self.show_all = escape(gettext("Show all"))
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


# A long list shows its largest values (and every chosen one) and keeps the rest behind
# "Show all", a <details> that opens without JavaScript: 30 districts or 23 objectives made the
# filter column thousands of pixels long.
SHOWN_OPTIONS = 6


def _options(options: list, words: _Words, label: str) -> list[str]:
    if len(options) <= SHOWN_OPTIONS + 2:  # hiding one or two would save nothing
        return ["<ul>", *(_option(option, words) for option in options), "</ul>"]
    by_count = sorted(options, key=lambda option: -option.count)[:SHOWN_OPTIONS]
    top = {id(option) for option in by_count} | {id(o) for o in options if o.selected}
    shown = [option for option in options if id(option) in top]
    rest = [option for option in options if id(option) not in top]
    summary = (
        f'{words.show_all} ({len(options)})<span class="visually-hidden"> {escape(label)}</span>'
    )
    return [
        "<ul>",
        *(_option(option, words) for option in shown),
        "</ul>",
        f'<details class="facet-more"><summary>{summary}</summary><ul>',
        *(_option(option, words) for option in rest),
        "</ul></details>",
    ]


def _section(facet, words: _Words) -> str:
    name = escape(str(facet.name))
    parts = [
        f'<section class="facet" aria-labelledby="facet-{name}">'
        f'<h3 id="facet-{name}">{escape(str(facet.label))}</h3>'
    ]
    for group in facet.groups:
        if group.label:
            parts.append(f'<h4 class="facet-group">{escape(str(group.label))}</h4>')
        parts += _options(group.options, words, str(group.label or facet.label))
    parts.append("</section>")
    return "".join(parts)


@register.simple_tag
def facet_panel(facets) -> SafeString:
    """Plain links, one per option: every filter combination is a URL and works without
    JavaScript; nofollow, since crawlers need not walk every combination of filters."""
    words = _Words()
    sections = "".join(_section(facet, words) for facet in facets if facet.options)
    # id="filters": on a phone the panel comes after the results and the "Filter" link of the
    # results bar jumps here (and "Back to the results" jumps back).
    return mark_safe(
        f'<nav class="facets" id="filters" aria-label="{words.title}">'
        f'<h2 class="facets-title">{words.title}</h2>{sections}'
        f'<p class="filters-back"><a href="#results">{words.jump}</a></p></nav>'
    )


# -- a hit's or a card's facts ----------------------------------------------------------------


@register.inclusion_tag("includes/page_facts.html")
def page_facts(page) -> dict:
    """What a reader needs to judge a hit before opening it: for a resource its type, date,
    publishing organisations and languages; for a meeting or a decision its kind and date.

    Pages are told apart by their fields, not their classes: the library knows nothing of the
    governance app, whose meetings and decisions show up in the same lists."""
    if hasattr(page, "meeting_type"):
        return {"kind": page.get_meeting_type_display(), "date": page.date, "meeting": True}
    if hasattr(page, "due_date") and hasattr(page, "status"):
        meeting = getattr(page, "meeting", None)
        return {
            "kind": gettext("Decision"),
            "date": getattr(meeting, "date", None),
            "due": page.due_date,
            "status": page.get_status_display() if hasattr(page, "get_status_display") else "",
        }
    if not hasattr(page, "resource_type"):
        return {}
    return {
        "kind": page.get_resource_type_display() if page.resource_type else "",
        "date": page.publication_date,
        "year": getattr(page, "year", None),
        "organisations": list(page.organisations.all()),
        "languages": list(page.languages.all()),
    }


@register.filter
def mixes_kinds(rows) -> bool:
    """Whether a list of hits holds meetings or decisions beside resources (then they are
    counted as "results", not "resources")."""
    return any(not hasattr(row["page"], "resource_type") for row in rows)


# -- ways in, for a search page with no words yet -------------------------------------------


@register.simple_tag
def ways_in(user) -> dict:
    """Objectives (with what the viewer may see of each), collections and the latest
    resources: what an empty search page offers instead of a blank."""
    from library.access import visible_pages
    from library.models import CollectionPage, GcmObjective
    from library.views import newest_first, public_resources, rows_of, with_resource_counts

    return {
        "objectives": with_resource_counts(GcmObjective.objects.order_by("number"), user=user),
        "collections": visible_pages(CollectionPage.objects.live(), user).order_by("path")[:6],
        "latest": rows_of(
            newest_first(public_resources(user)).prefetch_related(
                "objectives", "organisations", "languages"
            )[:6]
        ),
    }
