"""Making the index say what the database says about some resources: the work the worker's
task (search.tasks) does and search.indexing asks for."""

from __future__ import annotations

from .backends import get_backend


def sync_resources(resource_ids: list[int]) -> None:
    """Make the index say what the database says about these pages: index, refresh or remove."""
    from .records import build_record, is_indexable, load_pages

    records = [build_record(page) for page in load_pages(resource_ids) if is_indexable(page)]
    kept = {record.resource_id for record in records}
    gone = [rid for rid in resource_ids if rid not in kept]
    backend = get_backend()
    if records:
        backend.index(records)
        learn_acronyms(records)
    if gone:
        backend.delete(gone)


def learn_acronyms(records: list) -> None:
    """Learn the acronyms public resources spell out (search.acronyms); restricted text never
    shapes what the public's searches find."""
    from .acronyms import learn
    from .contract import PUBLIC

    texts = [
        "\n".join(
            [
                record.title,
                record.summary,
                record.body,
                *(
                    page.text
                    for document in record.documents
                    if not record.stricter(document)
                    for page in document.pages
                ),
            ]
        )
        for record in records
        if PUBLIC in record.access
    ]
    if texts:
        learn(texts)
