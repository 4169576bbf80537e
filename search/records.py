"""What a page becomes in the index: resources here, other record types registered by their apps.

Every record carries the access labels of its page's view restrictions (library.access); a file in
a private collection carries its own, combined with the page's, so its text is never more visible
than the resource.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from django.conf import settings
from django.utils.html import strip_tags

from wagtail.models import CollectionViewRestriction, Page

from library.access import labels_for_restrictions, page_restrictions
from library.models import DocumentPageText, ResourcePage

from .contract import IndexedDocument, IndexedPage, ResourceRecord
from .highlight import clean_text


@dataclass(frozen=True)
class RecordType:
    model: type[Page]
    build: Callable[[Page], ResourceRecord]
    prefetch: tuple[str, ...] = ()
    select: tuple[str, ...] = ()


_RECORD_TYPES: dict[type[Page], RecordType] = {}


def register_record_type(
    model: type[Page],
    build: Callable[[Page], ResourceRecord],
    prefetch: Iterable[str] = (),
    select: Iterable[str] = (),
) -> None:
    """Let another app's pages be found by search (meetings, decisions): `build` turns a live
    page into a record; its `access` is overwritten here from the page's restrictions."""
    _RECORD_TYPES[model] = RecordType(model, build, tuple(prefetch), tuple(select))


def record_types() -> list[RecordType]:
    return list(_RECORD_TYPES.values())


def is_indexable(page) -> bool:
    """Live pages of a registered type, restricted or not: access labels keep them in bounds."""
    return type(page) in _RECORD_TYPES and page.live


def all_records(batch_size: int = 200) -> Iterable[ResourceRecord]:
    """Every record the database says the index should hold (for rebuilds and checks)."""
    for record_type in record_types():
        ids = list(record_type.model.objects.live().order_by("pk").values_list("pk", flat=True))
        for start in range(0, len(ids), batch_size):
            for page in load_pages(ids[start : start + batch_size], [record_type]):
                if is_indexable(page):
                    yield build_record(page)


def load_pages(page_ids: Iterable[int], types: list[RecordType] | None = None) -> list[Page]:
    """The registered pages among these ids, each with what its builder reads prefetched."""
    ids = list(page_ids)
    pages: list[Page] = []
    for record_type in types if types is not None else record_types():
        queryset = record_type.model.objects.filter(pk__in=ids)
        if record_type.select:
            queryset = queryset.select_related(*record_type.select)
        if record_type.prefetch:
            queryset = queryset.prefetch_related(*record_type.prefetch)
        pages += queryset
    return pages


def build_record(page: Page) -> ResourceRecord:
    """The record of any registered page, with its access labels."""
    record_type = _RECORD_TYPES[type(page)]
    restrictions = page_restrictions(page)
    record = record_type.build(page)
    documents = tuple(
        _with_document_access(document, restrictions) for document in record.documents
    )
    return replace(record, access=labels_for_restrictions(restrictions), documents=documents)


def _with_document_access(document: IndexedDocument, page_rules: list) -> IndexedDocument:
    from library.models import HubDocument

    collection_id = (
        HubDocument.objects.filter(pk=document.document_id)
        .values_list("collection_id", flat=True)
        .first()
    )
    if collection_id is None:
        return document
    collection_rules = collection_restrictions(collection_id)
    if not collection_rules:
        return document
    return replace(document, access=labels_for_restrictions([*page_rules, *collection_rules]))


def collection_restrictions(collection_id: int) -> list[CollectionViewRestriction]:
    """The collection's own restrictions and its ancestors' (as Wagtail serves documents)."""
    from wagtail.models import Collection

    collection = Collection.objects.filter(pk=collection_id).first()
    if collection is None:
        return []
    return list(
        CollectionViewRestriction.objects.filter(
            collection__in=collection.get_ancestors(inclusive=True)
        ).prefetch_related("groups")
    )


def body_text(page: ResourcePage) -> str:
    parts: list[str] = []
    for block in page.body:
        parts += [strip_tags(str(text)) for text in block.block.get_searchable_content(block.value)]
    return "\n".join(part for part in parts if part)


RECORD_PREFETCH = (
    "objectives",
    "principles",
    "organisations",
    "languages",
    "places",
    "tagged_themes__tag",
)


def facets_of(page: ResourcePage, objectives, principles, organisations, languages, places):
    year = page.year
    return {
        "objective": tuple(str(o.number) for o in objectives),
        "principle": tuple(str(p.number) for p in principles),
        "type": (page.resource_type,),
        "organisation": tuple(o.slug for o in organisations),
        "twg": (page.working_group.slug,) if page.working_group else (),
        "year": (str(year),) if year else (),
        "language": tuple(language.code for language in languages),
        "place": tuple(place.slug for place in places),
    }


def build_resource_record(page: ResourcePage) -> ResourceRecord:
    """A resource's own fields; build_record adds the access labels."""
    objectives = list(page.objectives.all())
    principles = list(page.principles.all())
    organisations = list(page.organisations.all())
    languages = list(page.languages.all())
    places = list(page.places.all())
    themes = [tagged.tag.name for tagged in page.tagged_themes.all()]
    attachments = list(page.attachments.select_related("document"))
    page_texts: dict[int, list[IndexedPage]] = {}
    # Bounded cost per resource: a file's pages past the cap are not indexed (the resource
    # page says so), so one huge upload cannot slow every search that matches it.
    for document_id, number, text in DocumentPageText.objects.filter(
        document_id__in=[a.document_id for a in attachments],
        number__lte=settings.HUB_SEARCH_MAX_PAGES_PER_FILE,
    ).values_list("document_id", "number", "text"):
        page_texts.setdefault(document_id, []).append(IndexedPage(number, clean_text(text)))
    documents = tuple(
        IndexedDocument(
            document_id=attachment.document_id,
            title=attachment.display_label,
            url=attachment.document.url,
            kind=attachment.document.file_extension.lower(),
            pages=tuple(sorted(page_texts.get(attachment.document_id, []), key=lambda p: p.number)),
        )
        for attachment in attachments
    )
    published = page.publication_date or (
        page.first_published_at.date() if page.first_published_at else None
    )
    return ResourceRecord(
        resource_id=page.pk,
        url=page.get_url() or page.url_path,
        title=clean_text(page.title),
        summary=clean_text(page.summary),
        body=clean_text(body_text(page)),
        objectives=tuple(o.number for o in objectives),
        labels=tuple(
            clean_text(label)
            for label in [
                *(o.title for o in objectives),
                *(p.title for p in principles),
                *(o.label for o in organisations),
                *([page.working_group.name] if page.working_group else []),
                *themes,
                *(place.name for place in places),
            ]
        ),
        published=published.isoformat() if published else None,
        documents=documents,
        facets=facets_of(page, objectives, principles, organisations, languages, places),
    )


register_record_type(
    ResourcePage, build_resource_record, prefetch=RECORD_PREFETCH, select=("working_group",)
)
