"""One digest run at scale: `python -m bench.alerts` (`make bench-alerts`).

A synthetic library (bench.generate, embedded engine) of --library resources; --alerts alerts
(saved words from the bench's query mix, alone or with a facet; filter-only alerts of an
objective, organisation or TWG page), from visitors and from members in groups; then
--new resources are published, and one digest run (alerts.digest.run, e-mails into Django's
in-memory outbox) is timed, with its database queries and engine calls counted. The reference is
one search of each saved query through the same engine, page 1 as the search page asks it.
New resources carry recent publication dates, as new papers do. Writes
bench/results/alerts.{json,md}; everything else lives in a temporary folder.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime
import json
import os
import platform
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
RESULTS = REPO / "bench" / "results"


def _environment(work: Path) -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
    os.environ["DATABASE_URL"] = f"sqlite:///{work / 'hub.sqlite3'}"
    os.environ["HUB_VAR_DIR"] = str(work)
    os.environ["HUB_SEARCH_BACKEND"] = "embedded"
    os.environ["HUB_SEARCH_EMBEDDED_PATH"] = str(work / "search.sqlite3")
    os.environ["DJANGO_EMAIL_BACKEND"] = "django.core.mail.backends.locmem.EmailBackend"


def _saved_searches(taxonomy, rng: random.Random, count: int) -> list[dict]:
    from .queries import query_mix

    words = sorted({q.q for q in query_mix(taxonomy)})
    objectives = [str(n) for n, _t in taxonomy.objectives]
    organisations = [slug for slug, _l in taxonomy.organisations]
    twgs = [slug for slug, _l in taxonomy.working_groups] or organisations
    out = []
    for _ in range(count):
        roll = rng.random()
        if roll < 0.5:
            out.append({"query": rng.choice(words), "filters": {}})
        elif roll < 0.7:
            out.append(
                {"query": rng.choice(words), "filters": {"objective": [rng.choice(objectives)]}}
            )
        elif roll < 0.8:
            out.append({"query": "", "filters": {"objective": [rng.choice(objectives)]}})
        elif roll < 0.9:
            out.append({"query": "", "filters": {"organisation": [rng.choice(organisations)]}})
        else:
            out.append({"query": "", "filters": {"twg": [rng.choice(twgs)]}})
    return out


def _build_library(synthetic, taxonomy, backend, library_size: int) -> float:
    """Insert and index the library's first library_size resources and fill the ledger with
    them (none of it is new to the alerts): its seconds."""
    from alerts import ledger
    from library.models import LibraryIndexPage

    from .generate import insert_pages

    started = time.perf_counter()
    for first in range(0, library_size, 5000):
        specs = list(synthetic.specs(first, min(first + 5000, library_size), documents=False))
        insert_pages(LibraryIndexPage.objects.get(), specs, taxonomy)
    for batch in synthetic.batches(500, 0, library_size):
        backend.index(batch)
    ledger.refresh()
    return time.perf_counter() - started


def _members(rng: random.Random, alert_count: int) -> list:
    """Members subscribing (one per fifty alerts), each in Members and one TWG's group."""
    from django.contrib.auth.models import Group, User

    groups = [Group.objects.get_or_create(name="Members")[0]]
    groups += [Group.objects.create(name=f"Bench TWG {n}") for n in range(5)]
    members = []
    for n in range(max(1, alert_count // 50)):
        user = User.objects.create_user(f"bench-member-{n}", email=f"member{n}@example.org")
        user.groups.add(groups[0], rng.choice(groups[1:]))
        members.append(user)
    return members


def _create_alerts(
    taxonomy, rng: random.Random, alert_count: int, members: list, before: datetime.datetime
) -> list:
    """Daily alerts covered up to before: a tenth from members, the rest from visitors."""
    from alerts.models import Alert, Frequency

    alerts = []
    for n, saved in enumerate(_saved_searches(taxonomy, rng, alert_count)):
        fields = {
            "name": saved["query"] or "filters",
            "query": saved["query"],
            "filters": saved["filters"],
            "frequency": Frequency.DAILY,
            "confirmed_at": before,
            "covered_until": before,
        }
        if n % 10 == 0:
            fields["user"] = members[(n // 10) % len(members)]
        else:
            fields["email"] = f"visitor{n // 3}@example.org"  # up to 3 alerts per address
        alerts.append(Alert(**fields))
    Alert.objects.bulk_create(alerts, batch_size=1000)
    return alerts


def _publish_new(synthetic, taxonomy, backend, rng: random.Random, start: int, count: int) -> None:
    """The new resources: published since the alerts' last digest, dated this month."""
    from library.models import LibraryIndexPage

    from .generate import insert_pages

    today = datetime.date.today()
    new_specs = [
        dataclasses.replace(spec, published=today - datetime.timedelta(days=rng.randint(0, 27)))
        for spec in synthetic.specs(start, start + count, documents=True)
    ]
    insert_pages(
        LibraryIndexPage.objects.get(),
        [dataclasses.replace(s, documents=()) for s in new_specs],
        taxonomy,
    )
    for first in range(0, len(new_specs), 500):
        backend.index([synthetic.record(s) for s in new_specs[first : first + 500]])


def _timed_digest(backend) -> tuple[object, float, int, list[float]]:
    """One digest run, the next morning when daily digests are due: its summary, seconds,
    database queries and the seconds of each engine call it made."""
    from django.core import mail
    from django.db import connection
    from django.utils import timezone

    from alerts import digest

    queries = 0
    searches = []
    real_search = type(backend).search

    def counted_search(self, request):
        t0 = time.perf_counter()
        try:
            return real_search(self, request)
        finally:
            searches.append(time.perf_counter() - t0)

    def count(execute, sql, params, many, context):
        nonlocal queries
        queries += 1
        return execute(sql, params, many, context)

    type(backend).search = counted_search
    mail.outbox = []
    # The next morning's run, when daily digests are due.
    run_at = timezone.now() + datetime.timedelta(days=1)
    try:
        with connection.execute_wrapper(count):
            t0 = time.perf_counter()
            summary = digest.run(now=run_at)
            run_seconds = time.perf_counter() - t0
    finally:
        type(backend).search = real_search
    return summary, run_seconds, queries, searches


def _single_searches(backend, alerts: list) -> list[float]:
    """The reference: one search of each saved query, as the search page asks it (page 1),
    three times each: their seconds."""
    from library.access import PUBLIC
    from search.contract import SearchRequest
    from search.query import parse_query
    from search.synonyms import with_synonyms

    distinct = sorted({(a.query, json.dumps(a.filters, sort_keys=True)) for a in alerts if a.query})
    single = []
    for text, filters in distinct:
        request = SearchRequest(
            query=with_synonyms(parse_query(text)),
            filters={k: tuple(v) for k, v in json.loads(filters).items()},
            access=(PUBLIC,),
        )
        for _ in range(3):
            t0 = time.perf_counter()
            backend.search(request)
            single.append(time.perf_counter() - t0)
    return single


def measure(library_size: int, alert_count: int, new_count: int, seed: int) -> dict:
    """Build the library and the alerts, publish the new resources, time one digest run and
    the reference searches: the figures."""
    import django

    django.setup()
    from django.core import mail
    from django.core.management import call_command
    from django.utils import timezone

    from hub.demo.seed import SeedReport, ensure_collections_index, ensure_publishers, ensure_site
    from search.backends import get_backend

    from .generate import Library, Sizes, Taxonomy

    rng = random.Random(seed)
    call_command("migrate", verbosity=0)
    home, _library, _created = ensure_site()
    ensure_collections_index(home)
    ensure_publishers(SeedReport())
    taxonomy = Taxonomy.from_db()
    synthetic = Library(taxonomy, library_size + new_count, seed=seed, sizes=Sizes())
    backend = get_backend()
    backend.reset()
    setup_seconds = _build_library(synthetic, taxonomy, backend, library_size)
    # Subscribers: members in groups (a tenth of the alerts) and visitors.
    members = _members(rng, alert_count)
    before = timezone.now()  # after the library's first ledger fill: none of it is new
    alerts = _create_alerts(taxonomy, rng, alert_count, members, before)
    _publish_new(synthetic, taxonomy, backend, rng, library_size, new_count)
    summary, run_seconds, queries, searches = _timed_digest(backend)
    single = _single_searches(backend, alerts)
    query_alerts = sum(1 for a in alerts if a.query)
    per_alert_ms = run_seconds / alert_count * 1000
    single_ms = statistics.median(single) * 1000 if single else None
    return {
        "library": library_size,
        "alerts": alert_count,
        "alerts_with_words": query_alerts,
        "new_resources": new_count,
        "setup_seconds": round(setup_seconds, 1),
        "run_seconds": round(run_seconds, 2),
        "ms_per_alert": round(per_alert_ms, 2),
        "queries": queries,
        "queries_per_alert": round(queries / alert_count, 2),
        "engine_calls": len(searches),
        "engine_calls_per_alert_with_words": round(len(searches) / max(query_alerts, 1), 2),
        "engine_seconds": round(sum(searches), 2),
        "single_search_ms_median": round(single_ms, 2) if single_ms else None,
        "ratio_alert_to_one_search": round(per_alert_ms / single_ms, 2) if single_ms else None,
        "emails": len(mail.outbox),
        "summary": {
            "due": summary.due,
            "sent": summary.sent,
            "alerts_sent": summary.alerts_sent,
            "nothing_new": summary.nothing_new,
            "failed": summary.failed,
        },
    }


def write(result: dict, name: str) -> Path:
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / f"{name}.json").write_text(json.dumps(result, indent=2))
    r = result
    lines = [
        "# Alerts: one digest run",
        "",
        f"{r['alerts']:,} daily alerts ({r['alerts_with_words']:,} with saved words, the rest "
        f"filter-only) over a library of {r['library']:,} resources with {r['new_resources']:,} "
        "new ones; embedded engine (SQLite FTS5); e-mails into the in-memory outbox.",
        "",
        "| measure | value |",
        "|---|---|",
        f"| digest run | {r['run_seconds']} s |",
        f"| per alert | {r['ms_per_alert']} ms |",
        f"| database queries | {r['queries']:,} ({r['queries_per_alert']} per alert) |",
        f"| engine calls | {r['engine_calls']:,} ({r['engine_calls_per_alert_with_words']} per "
        "alert with words), "
        f"{r['engine_seconds']} s |",
        f"| one search of the same query (median) | {r['single_search_ms_median']} ms |",
        f"| ratio: time per alert / one search | {r['ratio_alert_to_one_search']} |",
        f"| e-mails sent | {r['emails']:,} ({r['summary']['alerts_sent']:,} alerts with something "
        f"new, {r['summary']['nothing_new']:,} with nothing new) |",
        "",
        f"Machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}; load average at end "
        f"{', '.join(f'{x:.2f}' for x in os.getloadavg())}; "
        f"measured {datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC.",
        "",
    ]
    path = RESULTS / f"{name}.md"
    path.write_text("\n".join(lines))
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--library", type=int, default=10_000)
    parser.add_argument("--alerts", type=int, default=10_000)
    parser.add_argument("--new", type=int, default=1_000)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument(
        "--name", default="alerts", help="results file name (bench/results/NAME.md)"
    )
    args = parser.parse_args(argv)
    sys.path.insert(0, str(REPO))
    work = Path(tempfile.mkdtemp(prefix="bench-alerts-"))
    try:
        _environment(work)
        result = measure(args.library, args.alerts, args.new, args.seed)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    path = write(result, args.name)
    print(path.read_text())
    return 0


if __name__ == "__main__":
    sys.exit(main())
