"""OAI-PMH 2.0 at /oai/: repositories and aggregators harvest the public library as Dublin Core.

All six verbs, the `oai_dc` format, sets for GCM objectives (`objective:N`) and resource types
(`type:slug`), from/until at seconds granularity, resumption tokens, and deleted records for
resources the public could once see (opendata.tombstones). Every protocol error is answered in
the protocol's own terms with status 200, as the specification asks; never a 500.
"""

from __future__ import annotations

import base64
import binascii
import datetime
import json
import re
from dataclasses import dataclass
from urllib.parse import urlsplit
from xml.etree import ElementTree as ET

from django.conf import settings
from django.db.models import Min
from django.db.models.functions import Coalesce
from django.http import HttpRequest, HttpResponse, QueryDict
from django.urls import reverse
from django.utils import timezone

from library.access import visible_pages
from library.pages import ResourcePage, ResourceType
from library.taxonomy import GcmObjective

from .catalogue import Absolute, Description, changed_at, describe, mime_type, public_resources
from .models import WithdrawnResource
from .openness import open_endpoint

OAI = "http://www.openarchives.org/OAI/2.0/"
OAI_DC = "http://www.openarchives.org/OAI/2.0/oai_dc/"
DC = "http://purl.org/dc/elements/1.1/"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
OAI_SCHEMA = "http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd"
OAI_DC_SCHEMA = "http://www.openarchives.org/OAI/2.0/oai_dc.xsd"
for _prefix, _uri in (("", OAI), ("oai_dc", OAI_DC), ("dc", DC), ("xsi", XSI)):
    ET.register_namespace(_prefix, _uri)

# Records or headers per answer; the rest follows a resumption token.
PAGE_SIZE = 50
GRANULARITY = "YYYY-MM-DDThh:mm:ssZ"
VERBS = {
    # verb: (required arguments, optional arguments); resumptionToken is exclusive where allowed.
    "Identify": (set(), set()),
    "ListMetadataFormats": (set(), {"identifier"}),
    "ListSets": (set(), {"resumptionToken"}),
    "GetRecord": ({"identifier", "metadataPrefix"}, set()),
    "ListIdentifiers": ({"metadataPrefix"}, {"from", "until", "set", "resumptionToken"}),
    "ListRecords": ({"metadataPrefix"}, {"from", "until", "set", "resumptionToken"}),
}


# The protocol's own patterns: a value outside them cannot even be echoed in <request>.
SET_SPEC = re.compile(r"[A-Za-z0-9\-_.!~*'()]+(:[A-Za-z0-9\-_.!~*'()]+)*")
PREFIX = re.compile(r"[A-Za-z0-9\-_.!~*'()]+")


class OaiError(Exception):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def _q(namespace: str, name: str) -> str:
    return f"{{{namespace}}}{name}"


def _sub(parent: ET.Element, namespace: str, name: str, text: str | None = None, **attrs):
    element = ET.SubElement(parent, _q(namespace, name), {k: v for k, v in attrs.items()})
    if text is not None:
        element.text = text
    return element


def stamp(moment: datetime.datetime) -> str:
    return moment.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def repository_id() -> str:
    """The namespace of identifiers: the hub's host name, stable across addresses it answers on."""
    configured = getattr(settings, "HUB_OAI_REPOSITORY_ID", "")
    return configured or urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname or "knowledge-hub"


def identifier(resource_id: int) -> str:
    return f"oai:{repository_id()}:resource/{resource_id}"


def resource_id_of(value: str) -> int | None:
    prefix = f"oai:{repository_id()}:resource/"
    if not value.startswith(prefix):
        return None
    number = value[len(prefix) :]
    return int(number) if number.isdigit() and len(number) < 12 else None


# -- arguments -----------------------------------------------------------------------------------


def _parse_moment(raw: str, end_of_day: bool) -> tuple[datetime.datetime, str]:
    """A from/until value and its granularity ("day" or "seconds")."""
    try:
        if len(raw) == 10:
            day = datetime.date.fromisoformat(raw)
            moment = datetime.datetime.combine(
                day, datetime.time.max if end_of_day else datetime.time.min, datetime.UTC
            )
            return moment.replace(microsecond=999999 if end_of_day else 0), "day"
        if len(raw) == 20 and raw.endswith("Z"):
            moment = datetime.datetime.strptime(raw, "%Y-%m-%dT%H:%M:%SZ")
            moment = moment.replace(tzinfo=datetime.UTC)
            if end_of_day:
                moment = moment.replace(microsecond=999999)
            return moment, "seconds"
    except ValueError:
        pass
    raise OaiError(
        "badArgument",
        f"“{raw[:40]}” is not a date: use YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ.",
    )


@dataclass(frozen=True)
class Selection:
    """What a list request asks for; also what a resumption token carries."""

    prefix: str
    start: str = ""  # the raw from/until, as given
    end: str = ""
    set_spec: str = ""
    offset: int = 0

    def token(self, offset: int) -> str:
        payload = json.dumps([self.prefix, self.start, self.end, self.set_spec, offset])
        return base64.urlsafe_b64encode(payload.encode()).decode().rstrip("=")

    @classmethod
    def from_token(cls, token: str) -> Selection:
        try:
            padded = token + "=" * (-len(token) % 4)
            prefix, start, end, set_spec, offset = json.loads(
                base64.urlsafe_b64decode(padded.encode()).decode()
            )
            if not all(isinstance(v, str) for v in (prefix, start, end, set_spec)):
                raise ValueError
            if not isinstance(offset, int) or offset < 0:
                raise ValueError
        except (ValueError, TypeError, binascii.Error, UnicodeError):
            raise OaiError(
                "badResumptionToken", "The resumption token is not one this repository gave."
            ) from None
        return cls(prefix, start, end, set_spec, offset)

    def window(self) -> tuple[datetime.datetime | None, datetime.datetime | None]:
        start = end = None
        start_grain = end_grain = None
        if self.start:
            start, start_grain = _parse_moment(self.start, end_of_day=False)
        if self.end:
            end, end_grain = _parse_moment(self.end, end_of_day=True)
        if start_grain and end_grain and start_grain != end_grain:
            raise OaiError("badArgument", "from and until must have the same granularity.")
        if start and end and start > end:
            raise OaiError("badArgument", "from is later than until.")
        return start, end


def _check_arguments(params: QueryDict) -> str:
    """The verb, once every argument is known, single and complete (else badVerb/badArgument)."""
    verb = params.get("verb", "")
    if len(params.getlist("verb")) != 1 or verb not in VERBS:
        raise OaiError("badVerb", "The verb is missing, repeated or not an OAI-PMH verb.")
    required, optional = VERBS[verb]
    given = set(params) - {"verb"}
    unknown = given - required - optional
    if unknown:
        raise OaiError("badArgument", f"{verb} takes no argument “{sorted(unknown)[0][:40]}”.")
    repeated = [name for name in given if len(params.getlist(name)) > 1]
    if repeated:
        raise OaiError("badArgument", f"The argument “{repeated[0]}” is repeated.")
    if "resumptionToken" in given:
        if given != {"resumptionToken"}:
            raise OaiError("badArgument", "resumptionToken must be the only argument besides verb.")
        return verb
    missing = required - given
    if missing:
        raise OaiError("badArgument", f"{verb} needs the argument “{sorted(missing)[0]}”.")
    if "set" in given and not SET_SPEC.fullmatch(params["set"]):
        raise OaiError("badArgument", "The set is not a valid setSpec.")
    if "metadataPrefix" in given and not PREFIX.fullmatch(params["metadataPrefix"]):
        raise OaiError("badArgument", "The metadataPrefix is not a valid prefix.")
    if "identifier" in given and not params["identifier"].strip():
        raise OaiError("badArgument", "The identifier is empty.")
    Selection("", params.get("from", ""), params.get("until", "")).window()
    return verb


# -- what is harvested ---------------------------------------------------------------------------


def _all_sets() -> list[tuple[str, str]]:
    sets = [("objective", "GCM objectives"), ("type", "Resource types")]
    sets += [
        (f"objective:{o.number}", f"GCM objective {o.number}: {o.title}")
        for o in GcmObjective.objects.order_by("number")
    ]
    sets += [(f"type:{value}", str(label)) for value, label in ResourceType.choices]
    return sets


def _in_set(queryset, set_spec: str):
    if not set_spec:
        return queryset
    if set_spec == "objective":
        return queryset.filter(objectives__isnull=False).distinct()
    if set_spec == "type":
        return queryset
    kind, _, value = set_spec.partition(":")
    if kind == "objective" and value.isdigit():
        return queryset.filter(objectives__number=int(value))
    if kind == "type" and value in ResourceType.values:
        return queryset.filter(resource_type=value)
    return queryset.none()


def _tombstone_in_set(tombstone: WithdrawnResource, set_spec: str) -> bool:
    if not set_spec or set_spec == "type":
        return True
    if set_spec == "objective":
        return any(s.startswith("objective:") for s in tombstone.sets)
    return set_spec in tombstone.sets


@dataclass(frozen=True)
class Entry:
    resource_id: int
    datestamp: datetime.datetime
    deleted: bool
    sets: tuple[str, ...] = ()


def _entries(selection: Selection) -> list[Entry]:
    """Every record the selection covers, oldest change first (ties by id): the harvest order."""
    start, end = selection.window()
    if selection.set_spec and selection.set_spec not in dict(_all_sets()):
        return []
    live = _in_set(visible_pages(ResourcePage.objects.live(), None), selection.set_spec)
    rows = live.values_list("pk", "last_published_at", "first_published_at")
    live_ids = set(visible_pages(ResourcePage.objects.live(), None).values_list("pk", flat=True))
    tombstones = {t.resource_id: t for t in WithdrawnResource.objects.all()}
    entries = []
    for pk, last, first in rows:
        moment = last or first or timezone.now()
        if pk in tombstones:  # public again: the record changed when it came back
            moment = max(moment, tombstones[pk].withdrawn_at)
        entries.append(Entry(pk, moment, deleted=False))
    for pk, tombstone in tombstones.items():
        if pk in live_ids or not _tombstone_in_set(tombstone, selection.set_spec):
            continue
        entries.append(Entry(pk, tombstone.withdrawn_at, True, tuple(tombstone.sets)))
    entries = [
        e
        for e in entries
        if (start is None or e.datestamp >= start) and (end is None or e.datestamp <= end)
    ]
    entries.sort(key=lambda e: (e.datestamp, e.resource_id))
    return entries


def _find(resource_id: int) -> Entry | None:
    page = public_resources(None).filter(pk=resource_id).first()
    tombstone = WithdrawnResource.objects.filter(resource_id=resource_id).first()
    if page is not None:
        moment = changed_at(page)
        if tombstone:
            moment = max(moment, tombstone.withdrawn_at)
        return Entry(resource_id, moment, deleted=False)
    if tombstone is not None:
        return Entry(resource_id, tombstone.withdrawn_at, True, tuple(tombstone.sets))
    return None


# -- the answer ----------------------------------------------------------------------------------


class Answer:
    def __init__(self, request: HttpRequest, params: QueryDict) -> None:
        self.absolute = Absolute(request)
        self.base_url = self.absolute(reverse("oai"))
        self.params = params
        self.root = ET.Element(
            _q(OAI, "OAI-PMH"), {_q(XSI, "schemaLocation"): f"{OAI} {OAI_SCHEMA}"}
        )
        _sub(self.root, OAI, "responseDate", stamp(timezone.now()))

    def request_element(self, with_arguments: bool) -> None:
        attrs = {}
        if with_arguments:
            attrs = {name: self.params.get(name) for name in self.params}
        _sub(self.root, OAI, "request", self.base_url, **attrs)

    def error(self, code: str, message: str) -> None:
        _sub(self.root, OAI, "error", message, code=code)

    def render(self) -> HttpResponse:
        body = ET.tostring(self.root, encoding="unicode")
        return HttpResponse(
            '<?xml version="1.0" encoding="UTF-8"?>\n' + body,
            content_type="text/xml; charset=utf-8",
        )


def _header(parent: ET.Element, entry: Entry, sets: list[str]) -> None:
    attrs = {"status": "deleted"} if entry.deleted else {}
    header = _sub(parent, OAI, "header", **attrs)
    _sub(header, OAI, "identifier", identifier(entry.resource_id))
    _sub(header, OAI, "datestamp", stamp(entry.datestamp))
    for spec in sets:
        _sub(header, OAI, "setSpec", spec)


def _live_sets(page: ResourcePage) -> list[str]:
    numbers = sorted(o.number for o in page.objectives.all())
    return [*(f"objective:{n}" for n in numbers), f"type:{page.resource_type}"]


def dublin_core(parent: ET.Element, item: Description) -> None:
    page = item.page
    dc = ET.SubElement(
        parent,
        _q(OAI_DC, "dc"),
        {_q(XSI, "schemaLocation"): f"{OAI_DC} {OAI_DC_SCHEMA}"},
    )
    _sub(dc, DC, "title", page.title)
    for organisation in item.creators:
        _sub(dc, DC, "creator", organisation.name)
    for objective in item.objectives:
        _sub(dc, DC, "subject", f"GCM objective {objective.number}: {objective.title}")
    for tag in sorted(t.name for t in page.themes.all()):
        _sub(dc, DC, "subject", tag)
    if page.summary:
        _sub(dc, DC, "description", page.summary)
    _sub(dc, DC, "publisher", str(settings.WAGTAIL_SITE_NAME))
    if item.date:
        _sub(dc, DC, "date", item.date.isoformat())
    _sub(dc, DC, "type", item.type_label)
    _sub(dc, DC, "type", "Dataset" if page.resource_type == "dataset" else "Text")
    for kind in dict.fromkeys(a.kind for a in item.attachments):
        _sub(dc, DC, "format", mime_type(kind))
    _sub(dc, DC, "identifier", item.url)
    for attachment in item.attachments:
        _sub(dc, DC, "relation", attachment.url)
    if page.external_url:
        _sub(dc, DC, "relation", page.external_url)
    for language in item.languages:
        _sub(dc, DC, "language", language.code)
    for place in page.places.all():
        _sub(dc, DC, "coverage", place.name)


def _records(answer: Answer, verb: str, entries: list[Entry], full: bool) -> None:
    container = _sub(answer.root, OAI, verb)
    live_ids = [e.resource_id for e in entries if not e.deleted]
    pages = {p.pk: p for p in public_resources(None).filter(pk__in=live_ids)}
    described = (
        {d.page.pk: d for d in describe(list(pages.values()), answer.absolute, None)}
        if full
        else {}
    )
    for entry in entries:
        page = pages.get(entry.resource_id)
        sets = list(entry.sets) if entry.deleted else (_live_sets(page) if page else [])
        parent = _sub(container, OAI, "record") if full else container
        _header(parent, entry, sets)
        if full and not entry.deleted and page is not None:
            metadata = _sub(parent, OAI, "metadata")
            dublin_core(metadata, described[entry.resource_id])
    return container


def _check_prefix(prefix: str) -> None:
    if prefix != "oai_dc":
        raise OaiError(
            "cannotDisseminateFormat", f"This repository offers oai_dc, not “{prefix[:40]}”."
        )


def _list(answer: Answer, verb: str, params: QueryDict) -> None:
    token = params.get("resumptionToken")
    if token:
        selection = Selection.from_token(token)
    else:
        selection = Selection(
            prefix=params.get("metadataPrefix", ""),
            start=params.get("from", ""),
            end=params.get("until", ""),
            set_spec=params.get("set", ""),
        )
    _check_prefix(selection.prefix)
    entries = _entries(selection)
    if token and selection.offset >= len(entries) and selection.offset:
        raise OaiError("badResumptionToken", "The resumption token is past the end of the list.")
    if not entries:
        raise OaiError("noRecordsMatch", "No records match these arguments.")
    window = entries[selection.offset : selection.offset + PAGE_SIZE]
    container = _records(answer, verb, window, full=verb == "ListRecords")
    following = selection.offset + PAGE_SIZE
    if token or following < len(entries):
        attrs = {"completeListSize": str(len(entries)), "cursor": str(selection.offset)}
        element = _sub(container, OAI, "resumptionToken", **attrs)
        if following < len(entries):
            element.text = selection.token(following)


def _identify(answer: Answer) -> None:
    identify = _sub(answer.root, OAI, "Identify")
    _sub(identify, OAI, "repositoryName", str(settings.WAGTAIL_SITE_NAME))
    _sub(identify, OAI, "baseURL", answer.base_url)
    _sub(identify, OAI, "protocolVersion", "2.0")
    _sub(identify, OAI, "adminEmail", settings.HUB_OAI_ADMIN_EMAIL)
    # The oldest datestamp a harvester can meet: public records only (a restricted resource's
    # dates are not the public's business).
    public = visible_pages(ResourcePage.objects.live(), None)
    first = public.aggregate(first=Min(Coalesce("last_published_at", "first_published_at")))[
        "first"
    ]
    earliest = (
        WithdrawnResource.objects.order_by("withdrawn_at")
        .values_list("withdrawn_at", flat=True)
        .first()
    )
    moments = [m for m in (first, earliest) if m]
    _sub(
        identify,
        OAI,
        "earliestDatestamp",
        stamp(min(moments)) if moments else "2000-01-01T00:00:00Z",
    )
    _sub(identify, OAI, "deletedRecord", "persistent")
    _sub(identify, OAI, "granularity", GRANULARITY)


def _metadata_formats(answer: Answer, params: QueryDict) -> None:
    wanted = params.get("identifier")
    if wanted is not None:
        resource_id = resource_id_of(wanted)
        if resource_id is None or _find(resource_id) is None:
            raise OaiError("idDoesNotExist", "There is no record with this identifier.")
    formats = _sub(answer.root, OAI, "ListMetadataFormats")
    item = _sub(formats, OAI, "metadataFormat")
    _sub(item, OAI, "metadataPrefix", "oai_dc")
    _sub(item, OAI, "schema", OAI_DC_SCHEMA)
    _sub(item, OAI, "metadataNamespace", OAI_DC)


def _list_sets(answer: Answer, params: QueryDict) -> None:
    if params.get("resumptionToken"):
        raise OaiError("badResumptionToken", "ListSets answers in one go; there is no token.")
    sets = _sub(answer.root, OAI, "ListSets")
    for spec, name in _all_sets():
        item = _sub(sets, OAI, "set")
        _sub(item, OAI, "setSpec", spec)
        _sub(item, OAI, "setName", name)


def _get_record(answer: Answer, params: QueryDict) -> None:
    _check_prefix(params.get("metadataPrefix", ""))
    resource_id = resource_id_of(params.get("identifier", ""))
    entry = _find(resource_id) if resource_id is not None else None
    if entry is None:
        raise OaiError("idDoesNotExist", "There is no record with this identifier.")
    _records(answer, "GetRecord", [entry], full=True)


# OAI-PMH allows POST (form-encoded arguments) as well as GET.
@open_endpoint(methods=("GET", "HEAD", "POST"))
def oai_view(request: HttpRequest) -> HttpResponse:
    params = request.POST if request.method == "POST" else request.GET
    answer = Answer(request, params)
    try:
        verb = _check_arguments(params)
    except OaiError as error:
        answer.request_element(with_arguments=False)
        answer.error(error.code, error.message)
        return answer.render()
    answer.request_element(with_arguments=True)
    try:
        if verb == "Identify":
            _identify(answer)
        elif verb == "ListMetadataFormats":
            _metadata_formats(answer, params)
        elif verb == "ListSets":
            _list_sets(answer, params)
        elif verb == "GetRecord":
            _get_record(answer, params)
        else:
            _list(answer, verb, params)
    except OaiError as error:
        # A fresh answer: a half-built list must not precede the error.
        answer = Answer(request, params)
        answer.request_element(with_arguments=error.code not in ("badArgument", "badVerb"))
        answer.error(error.code, error.message)
    return answer.render()
