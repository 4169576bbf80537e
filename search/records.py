"""What a resource page becomes in the index."""

from __future__ import annotations

from django.utils.html import strip_tags

from library.models import DocumentPageText, ResourcePage

from .contract import IndexedDocument, IndexedPage, ResourceRecord
from .highlight import clean_text


def is_indexable(page) -> bool:
    """Only live resources that everyone may see are indexed (until access labels exist)."""
    return (
        isinstance(page, ResourcePage) and page.live and not page.get_view_restrictions().exists()
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


def build_record(page: ResourcePage) -> ResourceRecord:
    objectives = list(page.objectives.all())
    principles = list(page.principles.all())
    organisations = list(page.organisations.all())
    languages = list(page.languages.all())
    places = list(page.places.all())
    themes = [tagged.tag.name for tagged in page.tagged_themes.all()]
    attachments = list(page.attachments.select_related("document"))
    page_texts: dict[int, list[IndexedPage]] = {}
    for document_id, number, text in DocumentPageText.objects.filter(
        document_id__in=[a.document_id for a in attachments]
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
