"""The benchmark's reports: the machine it ran on, the targets met or missed, JSON and Markdown."""

from __future__ import annotations

import json
import os
import platform
import subprocess
from pathlib import Path

# (figure, limit, how it is compared, what the issue asks)
TARGETS = {
    "es_p95_ms": (100.0, "<=", "Elasticsearch, largest set, concurrency 4: search view p95"),
    "es_overhead_median": (1.5, "<=", "median of view time / Elasticsearch took"),
    "indexing_ratio": (0.8, ">=", "indexing through the project's path / plain bulk"),
    "peer_view_ratio_median": (
        1.0,
        "<=",
        "our view / Wagtail's generated search view on its ES backend (median over the mix)",
    ),
    "peer_ratio_median": (1.0, "<=", "our view / Wagtail's search call (median over the mix)"),
    "peer_backend_ratio_median": (
        1.0,
        "<=",
        "our backend call (facets, highlights) / Wagtail's search call (median)",
    ),
    "es_page_took_ratio": (
        1.5,
        "<=",
        "Elasticsearch, largest set: the page's requests (took, sum over the mix, with the pages "
        "of the hits shown) / the exact total and facet counts alone",
    ),
    "es_c4_floor_ratio": (
        1.5,
        "<=",
        "Elasticsearch, largest set, concurrency 4: view p95 / total and facets alone p95",
    ),
    "embedded_p95_ms": (150.0, "<=", "embedded backend, concurrency 4: search view p95"),
    "embedded_c4_floor_ratio": (
        1.5,
        "<=",
        "embedded, concurrency 4: view p95 / the engine's matching alone p95",
    ),
    "api_p95_ratio": (1.1, "<=", "JSON API search p95 / search page p95 (same mix, same run)"),
    "resource_page_p95_ms": (50.0, "<=", "resource page p95"),
    "objective_page_p95_ms": (50.0, "<=", "objective page p95"),
}


def machine(es_version: str | None = None) -> dict:
    """What the figures were measured on: CPU, cores, memory, Python, Elasticsearch, load."""
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        cpu = platform.processor()
    memory_gb = None
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                memory_gb = round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=False
        ).stdout.strip()
    except OSError:
        commit = ""
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gb": memory_gb,
        "python": platform.python_version(),
        "platform": platform.platform(),
        "elasticsearch": es_version,
        "load_average_at_start": [round(x, 2) for x in os.getloadavg()],
        "commit": commit,
    }


def figures(results: dict) -> dict:
    """The figures the targets are about, read from the results (None when a step failed)."""
    out: dict[str, float | None] = dict.fromkeys(TARGETS)
    es = results.get("elasticsearch", {})
    if es:
        largest = es[max(es, key=int)]
        out["es_p95_ms"] = largest.get("queries", {}).get("concurrency_4", {}).get("p95")
        out["es_overhead_median"] = largest.get("queries", {}).get("overhead_median")
        out["indexing_ratio"] = largest.get("indexing", {}).get("ratio")
        out["api_p95_ratio"] = largest.get("api", {}).get("api_p95_ratio")
        floor = largest.get("floor") or {}
        totals = floor.get("totals") or {}
        if totals.get("total and facets alone"):
            page = totals.get("page", 0) + totals.get("pages of the hits shown", 0)
            out["es_page_took_ratio"] = round(page / totals["total and facets alone"], 2)
        out["es_c4_floor_ratio"] = _ratio(
            largest.get("queries", {}).get("concurrency_4", {}).get("p95"),
            (floor.get("concurrent") or {}).get("total and facets alone", {}).get("p95"),
        )
    out["peer_view_ratio_median"] = results.get("peer", {}).get("view_ratio_median")
    out["peer_ratio_median"] = results.get("peer", {}).get("ratio_median")
    out["peer_backend_ratio_median"] = results.get("peer", {}).get("backend_ratio_median")
    embedded = results.get("embedded", {})
    out["embedded_p95_ms"] = embedded.get("queries", {}).get("concurrency_4", {}).get("p95")
    out["embedded_c4_floor_ratio"] = _ratio(
        out["embedded_p95_ms"],
        ((embedded.get("floor") or {}).get("concurrent") or {})
        .get("matching alone", {})
        .get("p95"),
    )
    pages = results.get("pages", {}).get("pages", {})
    out["resource_page_p95_ms"] = pages.get("resource page", {}).get("p95")
    out["objective_page_p95_ms"] = pages.get("objective page", {}).get("p95")
    return out


def _ratio(value: float | None, floor: float | None) -> float | None:
    return round(value / floor, 2) if value and floor else None


def verdicts(results: dict) -> dict:
    out = {}
    for name, value in figures(results).items():
        limit, op, label = TARGETS[name]
        met = None if value is None else (value <= limit if op == "<=" else value >= limit)
        out[name] = {"label": label, "value": value, "target": f"{op} {limit}", "met": met}
    return out


def _page_speed(pages: dict | None, title: str) -> list[str]:
    if not pages:
        return []
    lines = ["", f"## Page speed ({title})", ""]
    if pages.get("pages"):
        lines += [
            _row(["page", "p50 ms", "p95 ms", "DB queries", "example"]),
            _row(["---"] * 5),
        ]
        for name, row in pages["pages"].items():
            lines.append(_row([name, row["p50"], row["p95"], row["db_queries"], row["url"]]))
    if pages.get("error"):
        lines += ["", f"Error: `{pages['error']}`"]
    return lines


_FLOOR_TEXT = {
    "elasticsearch": (
        "What the node alone spends on each query of the mix, without the view: the request "
        "the view sends, and smaller requests that leave parts of the page out (its `took`, "
        "median, every variant of a query asked in turn, the node's request cache off). "
        '"pages of the hits shown": the view\'s second, small request for the matching pages '
        "of the hits on the page (the page's engine cost is both together); "
        '"ranked hits alone": the page\'s ids in relevance or date order with no facets, '
        'highlights, attachment pages or exact total; "total and facets alone": size 0, '
        "the query in filter context (no scoring), the exact total and the eight facet "
        'counts; "total alone": the exact total only.'
    ),
    "embedded": (
        "What the engine alone spends on each query of the mix, without the view (wall time, "
        "median, every part of a query asked in turn): the engine call (`backend.search`); "
        "finding the matching resources alone; ranking alone (bm25 over every row of both "
        "full-text tables that any word matches, what relevance order needs, whatever the "
        "query's own order)."
    ),
}


def _hostile(hostile: dict | None) -> list[str]:
    """Bad input through the view (concurrency 1): its median time against the mix's."""
    if not hostile:
        return []
    lines = [
        "",
        "Bad input through the view (concurrency 1, median; target: within an ordinary "
        "query's budget):",
        "",
        _row(["query", "p50 ms", "/ mix p50", "statuses"]),
        _row(["---"] * 4),
    ]
    for name, value in hostile.items():
        lines.append(_row([name, value["p50_ms"], value["ratio_to_mix_p50"], value["statuses"]]))
    return lines


def _floor(floor: dict | None) -> list[str]:
    """The engine alone (bench.floor): per query and variant, their sums, and latency at
    concurrency N of the variants asked concurrently."""
    if not floor or not floor.get("per_query"):
        return ["", f"Error (engine alone): `{floor['error']}`"] if floor else []
    variants = floor["variants"]
    unit = "took" if floor["unit"] == "took" else "ms"
    lines = ["", "### The engine alone", "", _FLOOR_TEXT.get(floor["engine"], ""), ""]
    lines += [
        _row(["query", *(f"{v} ({unit})" for v in variants)]),
        _row(["---"] * (1 + len(variants))),
    ]
    for row in floor["per_query"]:
        lines.append(_row([row["query"], *(row[v] for v in variants)]))
    lines.append(_row(["**sum over the mix**", *(f"**{floor['totals'][v]}**" for v in variants)]))
    concurrent = floor.get("concurrent") or {}
    if concurrent:
        lines += [
            "",
            "The same asked by concurrent processes (as many as the view's concurrency, each "
            "the whole mix, shuffled; latency as the caller saw it, ms):",
            "",
            _row(["engine alone", "n", "p50 ms", "p95 ms", "p99 ms", "max ms"]),
            _row(["---"] * 6),
        ]
        for name, value in concurrent.items():
            lines.append(
                _row(
                    [
                        name,
                        value.get("n"),
                        value.get("p50"),
                        value.get("p95"),
                        value.get("p99"),
                        value.get("max"),
                    ]
                )
            )
    return lines


def _api(api: dict | None) -> list[str]:
    """The JSON API's search beside the search page's (bench.api_beside_page)."""
    if not api:
        return []
    if api.get("error"):
        return ["", f"Error (API beside the page): `{api['error']}`"]
    page, own = api["search_page"], api["api"]
    return [
        "",
        "### The JSON API beside the search page",
        "",
        f"The same mix, concurrency 1, interleaved, {api['reps']} repetitions: search page "
        f"p50 {page['p50']} ms, p95 {page['p95']} ms; `/api/v1/resources/` p50 {own['p50']} ms, "
        f"p95 {own['p95']} ms; ratio of p95s **{api['api_p95_ratio']}**.",
    ]


def _row(cells) -> str:
    return "| " + " | ".join("" if c is None else str(c) for c in cells) + " |"


def _latency_table(queries: dict) -> list[str]:
    lines = [_row(["concurrency", "n", "p50 ms", "p95 ms", "p99 ms", "max ms"])]
    lines.append(_row(["---"] * 6))
    for key, value in queries.items():
        if key.startswith("concurrency_") and isinstance(value, dict) and value.get("n"):
            label = key.removeprefix("concurrency_").replace("_", " ")
            lines.append(
                _row([label, value["n"], value["p50"], value["p95"], value["p99"], value["max"]])
            )
    return lines


def _per_query_table(rows: list[dict]) -> list[str]:
    lines = [
        _row(
            [
                "query",
                "status",
                "view p50 ms",
                "view p95 ms",
                "took p50 ms",
                "view/took",
                "view CPU p50 ms",
            ]
        )
    ]
    lines.append(_row(["---"] * 7))
    for row in rows:
        lines.append(
            _row(
                [
                    row["query"],
                    row["status"],
                    row["view_p50"],
                    row["view_p95"],
                    row["took_p50"],
                    row["overhead"],
                    row.get("cpu_p50"),
                ]
            )
        )
    return lines


def _header(results: dict) -> list[str]:
    """The run, the machine, the plan and the targets table."""
    m = results["machine"]
    plan = results["plan"]
    lines = [
        f"# Benchmark: {results['name']}",
        "",
        f"Run {results['started']} (UTC), {results.get('seconds', '?')} s in all, "
        f"commit {m.get('commit') or '?'}.",
        "",
        f"Machine: {m['cpu']}, {m['cores']} cores, {m['memory_gb']} GB RAM, Python {m['python']}, "
        f"Elasticsearch {m['elasticsearch']}, load average at start "
        f"{' / '.join(str(x) for x in m['load_average_at_start'])}"
        + (
            f", at the end {' / '.join(str(x) for x in m['load_average_at_end'])}."
            if m.get("load_average_at_end")
            else "."
        ),
        "",
        f"Plan: Elasticsearch at {', '.join(f'{n:,}' for n in plan['es_scales'])} resources, "
        f"embedded at {plan['embedded_scale']:,}, page speed and the Wagtail peer on a database "
        f"of {plan['pages_scale']:,} resources; query mix of {results.get('query_count', '?')} "
        f"queries x {plan['reps']} repetitions at concurrency 1 and {plan['concurrency']} "
        f"(separate processes, each its own test client, started together at a barrier, as "
        f"gunicorn's worker processes serve the hub; the same load as threads of one process "
        f"is shown beside it), seed {plan['seed']}.",
        "",
        "## Targets",
        "",
        _row(["target", "measured", "limit", "met"]),
        _row(["---"] * 4),
    ]
    for verdict in results["verdicts"].values():
        met = {True: "yes", False: "**no**", None: "not measured"}[verdict["met"]]
        lines.append(_row([verdict["label"], verdict["value"], verdict["target"], met]))
    return lines


def _es_indexing(indexing: dict, plan: dict) -> list[str]:
    """The indexing paragraph of one Elasticsearch set: the project path beside plain bulk."""
    return [
        f"Indexing ({indexing['records']:,} records in all, "
        f"{indexing['attachment_pages']:,} attachment pages in the last segment): "
        f"project path (`ElasticsearchBackend.index`, batches of "
        f"{plan['batch']}) {indexing['project_rps']} records/s overall. On the same "
        f"first {indexing.get('reference_records', indexing['records']):,} records, "
        f"batches alternating between two indexes of the same mapping: project "
        f"{indexing.get('reference_project_rps', indexing['project_rps'])} records/s, "
        f"plain `helpers.bulk` of the same sources {indexing['plain_rps']} records/s, "
        f"ratio **{indexing['ratio']}** (record generation not timed). Indexing "
        f"process peak "
        f"memory {indexing['peak_rss_mb']} MB.",
        "",
    ]


def _es_queries(queries: dict) -> list[str]:
    """The query mix on one Elasticsearch set: latencies, overhead, per query, hostile input."""
    if "throughput_rps" not in queries:
        # The step failed (its error is in the JSON): nothing to tabulate.
        return ["", f"Error (search view): `{queries.get('error', 'no figures')}`"]
    lines = _latency_table(queries)
    lines += [
        "",
        f"Throughput at concurrency 4: {queries['throughput_rps']} requests/s. Median "
        f"overhead (view time / Elasticsearch took, over the mix): "
        f"**{queries['overhead_median']}x**. The view's own CPU time per request "
        f"(concurrency 1): p50 {queries.get('cpu_ms_concurrency_1', {}).get('p50')} ms, "
        f"p95 {queries.get('cpu_ms_concurrency_1', {}).get('p95')} ms; the rest of its "
        "wall time is waiting for the engine or for a CPU. Web process peak memory "
        f"{queries['peak_rss_mb']} MB.",
        "",
    ]
    lines += _per_query_table(queries["per_query"])
    lines += _hostile(queries.get("hostile"))
    return lines


def _elasticsearch(scale: str, data: dict, plan: dict) -> list[str]:
    """The section of one Elasticsearch set: indexing, the mix, the API and the floor."""
    lines = ["", f"## Elasticsearch, {int(scale):,} resources", ""]
    indexing = data.get("indexing")
    if indexing:
        lines += _es_indexing(indexing, plan)
    queries = data.get("queries")
    if queries:
        lines += _es_queries(queries)
    lines += _api(data.get("api"))
    lines += _floor(data.get("floor"))
    if data.get("error"):
        lines += ["", f"Error: `{data['error']}`"]
    return lines


def _embedded(embedded: dict, plan: dict) -> list[str]:
    """The embedded engine's section: indexing, the mix and the floor."""
    lines = ["", f"## Embedded (SQLite FTS5), {plan['embedded_scale']:,} resources", ""]
    if embedded.get("indexing"):
        ix = embedded["indexing"]
        lines += [
            f"Indexing: {ix['records_per_second']} records/s, index file {ix['index_mb']} MB.",
            "",
        ]
    if embedded.get("queries"):
        lines += _latency_table(embedded["queries"])
        cpu = embedded["queries"].get("cpu_ms_concurrency_1", {})
        lines += [
            "",
            f"The view's own CPU time per request (concurrency 1): p50 {cpu.get('p50')} ms, "
            f"p95 {cpu.get('p95')} ms. Web process peak memory "
            f"{embedded['queries']['peak_rss_mb']} MB.",
            "",
        ]
        lines += _per_query_table(embedded["queries"]["per_query"])
        lines += _hostile(embedded["queries"].get("hostile"))
    lines += _floor(embedded.get("floor"))
    if embedded.get("error"):
        lines += ["", f"Error: `{embedded['error']}`"]
    return lines


def _peer_summary(peer: dict) -> list[str]:
    """What the peer comparison sets side by side, and its medians."""
    return [
        f"The same live pages indexed by the hub (`sync_resources`, "
        f"{peer['ours_index_seconds']} s) and by Wagtail's own backend "
        f"({peer['wagtail_index_seconds']} s; Wagtail indexes the same text: title, "
        "summary and body, the page set having no attached files). Wagtail's analyzers "
        "were redefined with core parts only (`INDEX_SETTINGS`: standard tokenizer + "
        "lowercase; its n-gram tokenizers and filters emptied), since the minimal node "
        "has no n-gram analysis. Ours is the whole search view (facets, highlights, page "
        "rows, rendering); Wagtail's is `backend.search(...)` with all words required, "
        "sliced to the page and evaluated to page objects (no facets, highlights or "
        "rendering). Wagtail's view is the search view `wagtail start` generates (the "
        "same search, a Paginator of 10, titles and descriptions) inside the hub's base "
        "template, the page a Wagtail user would otherwise ship.",
        "",
        f"Our view p50/p95: {peer['ours_view'].get('p50')}/{peer['ours_view'].get('p95')}"
        f" ms; Wagtail's search p50/p95: {peer['wagtail_search'].get('p50')}/"
        f"{peer['wagtail_search'].get('p95')} ms; median ratio "
        f"**{peer['ratio_median']}**; our backend call alone "
        f"(`backend.search`, facets and highlights, no page rows or rendering) over "
        f"Wagtail's: median ratio **{peer.get('backend_ratio_median')}**. Wagtail's "
        f"view p50/p95: {peer.get('peer_view', {}).get('p50')}/"
        f"{peer.get('peer_view', {}).get('p95')} ms; our view over it: median ratio "
        f"**{peer.get('view_ratio_median')}**.",
        "",
    ]


def _peer_table(rows: list[dict]) -> list[str]:
    """Per query: our view and backend call beside Wagtail's search and view."""
    lines = [
        _row(
            [
                "query",
                "our view p50",
                "our backend p50",
                "took p50",
                "Wagtail p50",
                "view/Wagtail",
                "backend/Wagtail",
                "Wagtail view p50",
                "view/Wagtail view",
            ]
        ),
        _row(["---"] * 9),
    ]
    for row in rows:
        lines.append(
            _row(
                [
                    row["query"],
                    row["view_p50"],
                    row.get("backend_p50"),
                    row["took_p50"],
                    row["wagtail_p50"],
                    row["ratio"],
                    row.get("backend_ratio"),
                    row.get("peer_view_p50"),
                    row.get("view_ratio"),
                ]
            )
        )
    return lines


def _peer(peer: dict, plan: dict) -> list[str]:
    """The section of the peer: Wagtail's own search on the same pages."""
    lines = [
        "",
        f"## Peer: Wagtail's Elasticsearch 9 backend, {plan['pages_scale']:,} resources",
        "",
    ]
    if peer.get("per_query"):
        lines += _peer_summary(peer)
        lines += _peer_table(peer["per_query"])
    if peer.get("error"):
        lines += ["", f"Error: `{peer['error']}`"]
    return lines


def _memory_and_notes(results: dict) -> list[str]:
    """Each process's peak memory, then the run's notes."""
    lines = ["", "## Peak memory (ru_maxrss)", ""]
    lines += [_row(["process", "MB"]), _row(["---"] * 2)]
    for name, value in results.get("memory", {}).items():
        lines.append(_row([name, value]))
    if results.get("notes"):
        lines += ["", "## Notes", ""] + [f"- {note}" for note in results["notes"]]
    return lines


def markdown(results: dict) -> str:
    """The report of a run, section by section in the order the steps ran."""
    plan = results["plan"]
    lines = _header(results)
    for scale, data in sorted(results.get("elasticsearch", {}).items(), key=lambda x: int(x[0])):
        lines += _elasticsearch(scale, data, plan)
    embedded = results.get("embedded")
    if embedded:
        lines += _embedded(embedded, plan)
    peer = results.get("peer")
    if peer:
        lines += _peer(peer, plan)
    lines += _page_speed(results.get("pages"), f"{plan['pages_scale']:,} resources")
    library = results.get("pages_library")
    if library:
        lines += _page_speed(
            library,
            f"the whole library, {library.get('resources', 0):,} resources, "
            f"{library.get('engine')} for related resources; not a target, shown for scale",
        )
    lines += _memory_and_notes(results)
    return "\n".join(lines) + "\n"


def write(results: dict, directory: Path, name: str) -> tuple[Path, Path]:
    directory.mkdir(parents=True, exist_ok=True)
    results["verdicts"] = verdicts(results)
    json_path = directory / f"{name}.json"
    md_path = directory / f"{name}.md"
    json_path.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    md_path.write_text(markdown(results))
    return json_path, md_path
