"""What the Elasticsearch index holds and how it analyses text: one mapping, core analysis only.

The same mapping runs on the minimal test node and on the production image: standard tokenizer,
lowercase and hunspell (en_US, fr_FR dictionaries in the node's config/hunspell). Nothing here may
use an analysis part the minimal node lacks (language analyzers, synonyms, asciifolding, n-grams).
"""

from __future__ import annotations

from elasticsearch.dsl import (
    Boolean,
    Date,
    Document,
    Index,
    InnerDoc,
    Integer,
    Keyword,
    Nested,
    Object,
    Text,
    analyzer,
    token_filter,
)

from ..contract import FACETS, sortable_title
from ..query import searchable

english_stems = token_filter("hub_english_stems", "hunspell", locale="en_US", dedup=True)
english = analyzer("hub_english", tokenizer="standard", filter=["lowercase", english_stems])
# French stems live in a twin subfield: the network writes in English and French, and a French
# word stemmed by English rules ("travailleurs") would never meet its other forms.
french_stems = token_filter("hub_french_stems", "hunspell", locale="fr_FR", dedup=True)
french = analyzer("hub_french", tokenizer="standard", filter=["lowercase", french_stems])
# The unstemmed twin of each text field lets exact words outrank their stems' cousins.
plain = analyzer("hub_plain", tokenizer="standard", filter=["lowercase"])


def _text(**kwargs) -> Text:
    # Offsets in the postings let the highlighter mark words without analysing the text again
    # (hunspell per word, per hit, per request): the fields shown with marks carry them.
    return Text(
        analyzer=english,
        index_options="offsets",
        fields={"plain": Text(analyzer=plain), "fr": Text(analyzer=french)},
        **kwargs,
    )


def _folded() -> Text:
    # The node has no asciifolding: the hub stores an accent-folded copy (query.fold, same
    # length character for character) and matches folded query words against it.
    return Text(analyzer=plain, index_options="offsets")


# Each searchable text field and its folded sibling.
FOLDED_FIELDS = {
    "title": "title_folded",
    "summary": "summary_folded",
    "labels": "labels_folded",
    "body": "body_folded",
    "files": "files_folded",
}


class DocumentPage(InnerDoc):
    """One page of an attached document: a nested record, so a hit can say which page matched."""

    document_id = Integer()
    document_title = Keyword(index=False)
    document_url = Keyword(index=False)
    kind = Keyword()
    number = Integer()
    text = _text()
    text_folded = _folded()
    # Who may read this page's text (the file's labels; see ResourceRecord.document_access).
    access = Keyword()
    # The file is more restricted than its resource: its text is not in the resource's `files`
    # field, so a viewer who may read it finds it through the pages alone.
    stricter = Boolean()


class ResourceDocument(Document):
    resource_id = Integer()
    url = Keyword(index=False)
    title = _text()
    # The key the "title" sort orders by (contract.sortable_title): folded, never analysed.
    title_sort = Keyword()
    summary = _text()
    body = _text()
    # The text of every attached file whoever finds the resource may read (pages in order, up
    # to the page cap): ranked with title, summary and body as one document.
    files = _text()
    labels = _text()
    objectives = Integer()
    facets = Object(properties={name: Keyword() for name in FACETS})
    published = Date()
    # Who may find the resource (library.access labels): every query filters on the viewer's.
    access = Keyword()
    title_folded = _folded()
    summary_folded = _folded()
    labels_folded = _folded()
    body_folded = _folded()
    files_folded = _folded()
    pages = Nested(DocumentPage)


def build_index(name: str) -> Index:
    index = Index(name)
    index.settings(number_of_shards=1, number_of_replicas=0)
    index.document(ResourceDocument)
    return index


def to_source(record) -> dict:
    """The JSON body of one resource in the index."""
    shared = [
        page.text
        for document in record.documents
        if not record.stricter(document)
        for page in document.pages
    ]
    files = "\n".join(shared)
    return {
        "resource_id": record.resource_id,
        "url": record.url,
        "title": record.title,
        "title_sort": sortable_title(record.title),
        "summary": record.summary,
        "body": record.body,
        "files": files,
        "labels": list(record.labels),
        "title_folded": searchable(record.title),
        "summary_folded": searchable(record.summary),
        "labels_folded": [searchable(label) for label in record.labels],
        "body_folded": searchable(record.body),
        "files_folded": searchable(files),
        "objectives": list(record.objectives),
        "facets": {name: list(values) for name, values in record.facets.items()},
        "published": record.published,
        "access": list(record.access),
        "pages": [
            {
                "document_id": document.document_id,
                "document_title": document.title,
                "document_url": document.url,
                "kind": document.kind,
                "number": page.number,
                "text": page.text,
                "text_folded": searchable(page.text),
                "access": list(record.document_access(document)),
                "stricter": record.stricter(document),
            }
            for document in record.documents
            for page in document.pages
        ],
    }
