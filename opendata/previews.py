"""Rich previews: schema.org JSON-LD and Open Graph / Twitter card values for the pages people
share (resources, collections, GCM objectives, meetings), built from the catalogue's description.
"""

from __future__ import annotations

import datetime
import json

from django.conf import settings
from django.utils.html import _json_script_escapes

from library.taxonomy import GcmObjective

from .catalogue import Absolute, Description, mime_type

SCHEMA_TYPES = {
    "report": "Report",
    "policy-brief": "Report",
    "policy-paper": "Report",
    "study": "Report",
    "dataset": "Dataset",
    "news": "NewsArticle",
}
OBJECTIVES_SET = "Objectives of the Global Compact for Safe, Orderly and Regular Migration"


def publisher_json() -> dict:
    return {"@type": "Organization", "name": str(settings.WAGTAIL_SITE_NAME)}


def objective_term(objective, absolute: Absolute) -> dict:
    return {
        "@type": "DefinedTerm",
        "termCode": str(objective.number),
        "name": f"GCM objective {objective.number}: {objective.title}",
        "inDefinedTermSet": OBJECTIVES_SET,
        "url": absolute(objective.get_absolute_url()),
    }


def resource_json_ld(item: Description, absolute: Absolute) -> dict:
    page = item.page
    kind = SCHEMA_TYPES.get(page.resource_type, "CreativeWork")
    data: dict = {
        "@context": "https://schema.org",
        "@type": kind,
        "@id": item.url,
        "url": item.url,
        "name": page.title,
        "headline": page.title[:110],
        "description": page.summary,
        "genre": item.type_label,
        "publisher": publisher_json(),
        "isAccessibleForFree": True,
    }
    if item.creators:
        data["author"] = [
            {"@type": "Organization", "name": o.name, **({"url": o.website} if o.website else {})}
            for o in item.creators
        ]
    if item.date:
        data["datePublished"] = item.date.isoformat()
    if page.last_published_at:
        data["dateModified"] = page.last_published_at.isoformat()
    if item.objectives:
        data["about"] = [objective_term(o, absolute) for o in item.objectives]
    if item.languages:
        data["inLanguage"] = [lang.code for lang in item.languages]
    themes = sorted(t.name for t in page.themes.all())
    if themes:
        data["keywords"] = themes
    places = list(page.places.all())
    if places:
        data["spatialCoverage"] = [{"@type": "Place", "name": p.name} for p in places]
    files = [
        {
            "@type": "DataDownload" if kind == "Dataset" else "MediaObject",
            "name": a.label,
            "contentUrl": a.url,
            "encodingFormat": mime_type(a.kind),
            **({"contentSize": str(a.size)} if a.size else {}),
        }
        for a in item.attachments
    ]
    if files:
        data["distribution" if kind == "Dataset" else "associatedMedia"] = files
    if page.external_url:
        data["sameAs"] = page.external_url
    return data


def collection_json_ld(collection, items: list[Description], absolute: Absolute) -> dict:
    url = absolute(collection.url or "")
    return {
        "@context": "https://schema.org",
        "@type": "Collection",
        "@id": url,
        "url": url,
        "name": collection.title,
        "description": collection.introduction,
        "publisher": publisher_json(),
        "hasPart": [
            {
                "@type": SCHEMA_TYPES.get(item.page.resource_type, "CreativeWork"),
                "name": item.title,
                "url": item.url,
            }
            for item in items
        ],
    }


def term_json_ld(term, absolute: Absolute) -> dict:
    url = absolute(term.get_absolute_url())
    if isinstance(term, GcmObjective):
        data = objective_term(term, absolute)
    else:
        data = {
            "@type": "DefinedTerm",
            "termCode": str(term.number),
            "name": term.title,
            "inDefinedTermSet": "Guiding principles of the Global Compact for Migration",
            "url": url,
        }
    return {"@context": "https://schema.org", "@id": url, **data}


def meeting_json_ld(meeting, absolute: Absolute) -> dict:
    url = absolute(meeting.url or "")
    start: str = meeting.date.isoformat()
    if meeting.start_time:
        start = datetime.datetime.combine(meeting.date, meeting.start_time).isoformat()
    data: dict = {
        "@context": "https://schema.org",
        "@type": "Event",
        "@id": url,
        "url": url,
        "name": meeting.title,
        "startDate": start,
        "eventAttendanceMode": "https://schema.org/MixedEventAttendanceMode",
        "organizer": publisher_json(),
        "description": meeting.type_label,
    }
    if meeting.end_time:
        data["endDate"] = datetime.datetime.combine(meeting.date, meeting.end_time).isoformat()
    if meeting.location:
        if meeting.location.startswith(("http://", "https://")):
            data["location"] = {"@type": "VirtualLocation", "url": meeting.location}
        else:
            data["location"] = {"@type": "Place", "name": meeting.location}
    return data


def script(data: dict) -> str:
    """JSON-LD safe inside a <script> element: <, > and & escaped as JSON allows."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=False).translate(_json_script_escapes)
    return f'<script type="application/ld+json">{text}</script>'
