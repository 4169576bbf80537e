"""Relevance on real documents nobody on this project wrote (`../shared/relevance/`), on both
backends, beside a plain BM25 ranking of the same extracted text computed in the same run.

The set is imported as a member would expect (`import_resources --csv import.csv --publish`, with
its suggested objectives), every query goes through the real search page (synonyms, spelling, the
lot), and the ranked resources are mapped back to the set's document ids. Run with -s to see the
per-category table and the worst queries.

Floors: the overall nDCG@10 and the misspelling and acronym categories must reach the issue's
targets (FLOORS), and no category may fall below plain BM25 over the same text (BEHIND names the
one known exception, so any other falling behind fails).
"""

from __future__ import annotations

import io
import time

from django.core.management import call_command

import pytest

from bench import relevance as rel

pytestmark = pytest.mark.skipif(
    not rel.SET_FOLDER.is_dir(), reason="the shared relevance set is not beside the repository"
)

# The targets (nDCG@10), on both backends: 0.85 overall, 0.75 on misspellings, 0.80 on
# acronyms (measured 0.876 / 0.802 / 0.858 embedded, 0.887 / 0.835 / 0.879 Elasticsearch; the
# README's search section has the table).
TARGETS = {"all": 0.85, "misspelling": 0.75, "acronym": 0.80}
FLOORS = {"embedded": TARGETS, "elasticsearch": TARGETS}
# Overall and per category, the hub must rank at least as well as plain BM25 over the same text,
# measured in the same run (within NOISE: one rank swapped in one query of a category moves it
# by about that much).
NOISE = 0.01
# Where it still does not, and by how much at most: the embedded engine's place queries, one of
# which ("Mexico border migration") puts first a text holding "Mexico border" side by side
# (0.911 vs 0.950). Not tuned away: any proximity bonus ranks it so, and without one place is
# still 0.945 while topic and phrase fall below plain BM25.
BEHIND = {("embedded", "place"): 0.05}


def import_set(relevance: rel.RelevanceSet) -> dict[int, str]:
    """Import the set's documents, published; return resource id -> document id (titles are
    unique in the set, and the import gives each resource its CSV title)."""
    from library.models import ResourcePage

    folder = relevance.folder
    call_command(
        "import_resources",
        "--csv",
        str(folder / "import.csv"),
        "--publish",
        stdout=io.StringIO(),
        stderr=io.StringIO(),
    )
    by_title = {title: doc_id for doc_id, title in relevance.titles.items()}
    return {
        pk: by_title[title]
        for pk, title in ResourcePage.objects.live().values_list("pk", "title")
        if title in by_title
    }


def document_texts(doc_of: dict[int, str]) -> dict[str, tuple[str, str]]:
    """Document id -> (title, the text the hub extracted): what plain BM25 ranks."""
    from library.models import ResourcePage

    texts = {}
    for page in ResourcePage.objects.filter(pk__in=doc_of).prefetch_related(
        "attachments__document__text_pages"
    ):
        pages = [
            text.text
            for attachment in page.attachments.all()
            for text in attachment.document.text_pages.all()
        ]
        texts[doc_of[page.pk]] = (page.title, "\n".join(pages))
    return texts


@pytest.mark.django_db
def test_relevance_on_real_documents(search_backend, settings, tmp_path, client, library):
    from search.indexing import sync_resources

    name = settings.HUB_SEARCH_BACKEND
    settings.MEDIA_ROOT = tmp_path / "media"
    relevance = rel.load()
    started = time.monotonic()
    if name == "elasticsearch":
        # 2.9 million characters in one refresh: more than a search's timeout on a busy node.
        search_backend.client = search_backend.client.options(request_timeout=180)
    doc_of = import_set(relevance)
    assert len(doc_of) == len(relevance.titles), "every document of the set becomes a resource"
    sync_resources(list(doc_of))
    imported = time.monotonic()

    def ranked(text: str) -> list[str]:
        response = client.get("/search/", {"q": text})
        assert response.status_code == 200, (text, response.status_code)
        results = response.context.get("results")
        # What the page lists, in order: the hits, then (for a phrase found in few resources)
        # those holding its words, not as the exact phrase.
        loose = response.context.get("loose_results")
        hits = [*(results.hits if results else []), *(loose.hits if loose else [])]
        return [doc_of[hit.resource_id] for hit in hits if hit.resource_id in doc_of][:10]

    hub = rel.score(name, relevance, rel.hub_run(relevance, ranked))
    baseline = rel.score(
        "plain BM25", relevance, rel.baseline_run(relevance, document_texts(doc_of))
    )
    print(
        f"\n[relevance on real documents] {name}: import {imported - started:.0f}s, "
        f"queries {time.monotonic() - imported:.0f}s"
    )
    print(rel.table(relevance, [hub, baseline]))
    print(rel.misses(relevance, hub))
    print("\nBelow plain BM25:\n" + rel.behind(relevance, hub, baseline))

    for category, floor in FLOORS[name].items():
        ndcg = hub.group(relevance, category)[0]
        assert ndcg >= floor, f"{name} {category}: nDCG@10 {ndcg:.3f} < {floor}"
    for category in ("all", *rel.CATEGORIES):
        ours, plain = hub.group(relevance, category)[0], baseline.group(relevance, category)[0]
        allowed = BEHIND.get((name, category), NOISE)
        assert ours >= plain - allowed, (
            f"{name} {category}: nDCG@10 {ours:.3f} below plain BM25 {plain:.3f}"
        )
