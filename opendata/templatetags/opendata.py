"""Template tags for the open formats: previews in <head>, feed links, the "Cite" box."""

from __future__ import annotations

from django import template
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from library.collections import CollectionPage
from library.pages import ResourcePage

from ..catalogue import Absolute, describe_one

register = template.Library()


def _meta(pairs: list[tuple[str, str, str]]) -> SafeString:
    return format_html_join(
        "\n", '<meta {}="{}" content="{}">', ((attr, name, value) for attr, name, value in pairs)
    )


def _card(title: str, description: str, url: str, kind: str) -> list[tuple[str, str, str]]:
    from django.conf import settings

    description = " ".join((description or "").split())[:300]
    return [
        ("property", "og:type", kind),
        ("property", "og:title", title),
        ("property", "og:description", description),
        ("property", "og:url", url),
        ("property", "og:site_name", str(settings.WAGTAIL_SITE_NAME)),
        ("name", "twitter:card", "summary"),
        ("name", "twitter:title", title),
        ("name", "twitter:description", description),
        ("name", "description", description),
    ]


@register.simple_tag(takes_context=True)
def preview_meta(context, subject) -> SafeString:
    """Open Graph, Twitter card and schema.org JSON-LD for a resource, collection, meeting or
    GCM term (objective or guiding principle)."""
    from governance.models import MeetingPage

    from .. import previews
    from ..api import collection_resources
    from ..catalogue import describe

    request = context.get("request")
    if getattr(request, "is_preview", False) or getattr(subject, "pk", 1) is None:
        return mark_safe("")  # an editor's preview: nothing to share yet
    absolute = Absolute(request)
    user = getattr(request, "user", None)
    if isinstance(subject, ResourcePage):
        item = describe_one(subject, absolute, user)
        card = _card(subject.title, subject.summary, item.url, "article")
        data = previews.resource_json_ld(item, absolute)
    elif isinstance(subject, CollectionPage):
        items = describe(collection_resources(subject, user), absolute, user)
        url = absolute(subject.url or "")
        card = _card(subject.title, subject.introduction, url, "website")
        data = previews.collection_json_ld(subject, items, absolute)
    elif isinstance(subject, MeetingPage):
        url = absolute(subject.url or "")
        card = _card(
            subject.title, f"{subject.type_label}, {subject.date:%d %B %Y}", url, "website"
        )
        data = previews.meeting_json_ld(subject, absolute)
    elif hasattr(subject, "number") and hasattr(subject, "get_absolute_url"):
        url = absolute(subject.get_absolute_url())
        description = getattr(subject, "description", "") or subject.title
        card = _card(str(subject), description, url, "website")
        data = previews.term_json_ld(subject, absolute)
    else:
        return mark_safe("")
    return format_html("{}\n{}", _meta(card), mark_safe(previews.script(data)))


def _alternate(atom: str, rss: str, title: str) -> SafeString:
    return format_html(
        '<link rel="alternate" type="application/atom+xml" title="{} (Atom)" href="{}">\n'
        '<link rel="alternate" type="application/rss+xml" title="{} (RSS)" href="{}">',
        title,
        atom,
        title,
        rss,
    )


@register.simple_tag
def feed_links(name: str, *args) -> SafeString:
    """The Atom and RSS feeds of an objective, organisation, TWG or collection (by URL name)."""
    return _alternate(
        reverse(name, args=args), reverse(f"{name}_rss", args=args), _("Feed of this page")
    )


@register.simple_tag
def objective_feed_links(term) -> SafeString:
    """A GCM objective's feeds (the objective page's template also shows guiding principles)."""
    from library.taxonomy import GcmObjective

    if not isinstance(term, GcmObjective):
        return mark_safe("")
    return feed_links("objective_feed", term.number)


@register.simple_tag(takes_context=True)
def search_feed_links(context) -> SafeString:
    """The feeds of the search or browse view being shown: the same parameters, any page."""
    from ..feeds import feed_params

    request = context.get("request")
    query = feed_params(request.GET) if request is not None else ""
    suffix = f"?{query}" if query else ""
    return _alternate(
        reverse("search_feed") + suffix,
        reverse("search_feed_rss") + suffix,
        _("Feed of this search"),
    )


@register.inclusion_tag("opendata/cite.html", takes_context=True)
def cite_box(context, page: ResourcePage) -> dict:
    """APA and Chicago references, and the downloads for reference managers."""
    from ..citations import formatted_styles

    request = context.get("request")
    if getattr(request, "is_preview", False) or page.pk is None:
        return {}
    item = describe_one(page, Absolute(request), getattr(request, "user", None))
    base = (page.url or "").rstrip("/")
    try:
        styles = formatted_styles(item)
    except Exception:  # noqa: BLE001 - a style that fails must not take the page down
        styles = {}
    return {
        "apa": mark_safe(styles.get("apa", "")),
        "chicago": mark_safe(styles.get("chicago", "")),
        "downloads": [
            ("BibTeX", f"{base}/cite.bib"),
            ("RIS", f"{base}/cite.ris"),
            ("CSL-JSON", f"{base}/cite.json"),
        ],
    }
