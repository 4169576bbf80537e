"""What the resource form shows of the hub's reading of its attached files."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from library.attachments import ResourceAttachment
from library.documents import ExtractionStatus, HubDocument
from library.taxonomy import GcmObjective, GuidingPrinciple, Language

from .facts import SOURCES
from .models import DocumentReading
from .ranking import BASIS_TEXT_AND_LIBRARY, BASIS_TEXT_UNMODELLED, Ranking

FACT_LABELS = {
    "title": gettext_lazy("Title"),
    "authors": gettext_lazy("Authors"),
    "date": gettext_lazy("Publication date"),
    "language": gettext_lazy("Language"),
    "pages": gettext_lazy("Pages"),
}


def basis_label(basis: str) -> str:
    if basis == BASIS_TEXT_AND_LIBRARY:
        return _("From the GCM text of each objective and the library's tagged resources.")
    if basis == BASIS_TEXT_UNMODELLED:
        return _(
            "From the GCM text of each objective alone: the hub has no model for this "
            "file's language."
        )
    return _("From the GCM text of each objective.")


@dataclass
class LikeResource:
    """A document the new file looks like, and the resources that hold it."""

    kind: str
    percent: int
    message: str
    document: HubDocument
    resources: list[Any] = field(default_factory=list)


@dataclass
class DocumentView:
    document: HubDocument
    ranking: Ranking | None
    waiting: str = ""
    basis: str = ""
    likes: list[LikeResource] = field(default_factory=list)
    facts: list[dict[str, Any]] = field(default_factory=list)


def _message(kind: str, title: str, percent: int) -> str:
    if kind == "same_text":
        return _("This looks like the same text as “%(title)s” (%(percent)s %%).") % {
            "title": title,
            "percent": percent,
        }
    if kind == "new_edition":
        return _("This looks like a new edition of “%(title)s” (%(percent)s %% alike).") % {
            "title": title,
            "percent": percent,
        }
    return _(
        "This may be a translation of “%(title)s”: another language, the same figures "
        "(%(percent)s %%)."
    ) % {"title": title, "percent": percent}


def document_views(page: Any) -> list[DocumentView]:
    """One view per attached file: its suggestions (or why there are none), likenesses, facts."""
    documents = [
        attachment.document
        for attachment in page.attachments.all()
        if getattr(attachment, "document_id", None)
    ]
    if not documents:
        return []
    readings = {
        r.document_id: r
        for r in DocumentReading.objects.filter(document__in=[d.pk for d in documents])
    }
    objectives = dict(GcmObjective.objects.values_list("number", "pk"))
    principles = dict(GuidingPrinciple.objects.values_list("number", "pk"))
    languages = dict(Language.objects.values_list("code", "pk"))
    views = []
    for document in documents:
        reading = readings.get(document.pk)
        if reading is None or reading.read_hash != document.extracted_hash:
            waiting = (
                _("The file is being read; suggestions appear here once it is.")
                if document.extraction_status == ExtractionStatus.PENDING or reading is None
                else _("The file changed; it is being read again.")
            )
            if document.extraction_status not in (
                ExtractionStatus.PENDING,
                ExtractionStatus.EXTRACTED,
            ):
                waiting = _("No suggestions: %(why)s") % {"why": document.status_message}
            views.append(DocumentView(document, None, waiting=waiting))
            continue
        ranking = Ranking.from_dict(reading.ranking)
        for item in ranking.objectives:
            item.pk = objectives.get(item.number)  # type: ignore[attr-defined]
        for item in ranking.principles:
            item.pk = principles.get(item.number)  # type: ignore[attr-defined]
        views.append(
            DocumentView(
                document,
                ranking,
                basis=basis_label(ranking.basis),
                likes=_likes(reading, page),
                facts=_facts(reading, languages),
            )
        )
    return views


def _likes(reading: DocumentReading, page: Any | None) -> list[LikeResource]:
    found = reading.likenesses or []
    others = HubDocument.objects.in_bulk([row["document_id"] for row in found])
    holders: dict[int, list] = {}
    for attachment in ResourceAttachment.objects.filter(
        document_id__in=list(others)
    ).select_related("page"):
        if page is None or attachment.page_id != page.pk:
            holders.setdefault(attachment.document_id, []).append(attachment.page)
    out = []
    for row in found:
        other = others.get(row["document_id"])
        if other is None:  # deleted since
            continue
        resources = [
            {
                "pk": resource.pk,
                "title": resource.title,
                "edit_url": reverse("wagtailadmin_pages:edit", args=[resource.pk]),
            }
            for resource in holders.get(other.pk, [])
        ]
        out.append(
            LikeResource(
                row["kind"],
                row["percent"],
                _message(row["kind"], other.title, row["percent"]),
                other,
                resources,
            )
        )
    return out


def _facts(reading: DocumentReading, languages: dict[str, int]) -> list[dict[str, Any]]:
    rows = []
    for name, fact in (reading.facts or {}).items():
        value = fact.get("value")
        target = {"title": "title", "date": "publication_date"}.get(name, "")
        row = {
            "name": name,
            "label": FACT_LABELS.get(name, name),
            "value": value,
            "source": SOURCES.get(fact.get("source", ""), fact.get("source", "")),
            "target": target,
        }
        if name == "language":
            row["language_pk"] = languages.get(str(value))
        rows.append(row)
    return rows


def likenesses_of(document: HubDocument) -> list[LikeResource]:
    """What a document looked like when it was read (for its own page in the admin)."""
    reading = DocumentReading.objects.filter(
        document_id=document.pk, read_hash=document.extracted_hash
    ).first()
    if reading is None:
        return []
    return _likes(reading, None)
