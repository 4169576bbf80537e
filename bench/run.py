"""Run the benchmark: `python -m bench.run` (full: `make bench`) or `--quick` (`make bench-quick`).

Every step runs in its own subprocess (bench.phases) against a work folder of its own: SQLite
databases, the embedded index, and Elasticsearch indexes named `bench-<run>-*` on the node at
ELASTICSEARCH_URL, all removed at the end. Figures go to bench/results/{bench,bench-quick}.{json,md}.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .report import machine, write

REPO = Path(__file__).resolve().parent.parent
RESULTS = REPO / "bench" / "results"

PLANS = {
    "quick": {
        "es_scales": [500],
        "embedded_scale": 500,
        "pages_scale": 200,
        "reps": 3,
        "concurrency": 4,
        "deep_page": 5,
        "batch": 250,
        "seed": 2026,
        "page_reps": 20,
        "collections": [5, 40],
    },
    "full": {
        "es_scales": [10_000, 100_000],
        "embedded_scale": 10_000,
        "pages_scale": 2_000,
        "reps": 8,
        "concurrency": 4,
        "deep_page": 30,
        "batch": 500,
        "seed": 2026,
        "page_reps": 60,
        "collections": [5, 40],
        # Plain bulk as reference on the first 10,000 records (both paths, same records).
        "reference_records": 10_000,
        "max_index_seconds": None,
    },
}


def _wait_for(url: str, seconds: float = 90) -> str:
    from elasticsearch import Elasticsearch

    client = Elasticsearch(url, request_timeout=10, max_retries=0)
    deadline = time.monotonic() + seconds
    while True:
        try:
            client.cluster.health(wait_for_status="yellow", timeout="10s")
            # GET / may be closed on a minimal node: read the version from the nodes info.
            nodes = client.nodes.info(filter_path="nodes.*.version")["nodes"]
            return ", ".join(sorted({node["version"] for node in nodes.values()}))
        except Exception as error:  # noqa: BLE001 - any failure: not up yet
            if time.monotonic() > deadline:
                raise SystemExit(
                    f"No Elasticsearch node answers at {url} ({error.__class__.__name__}); "
                    "start one with `make elasticsearch` or set ELASTICSEARCH_URL."
                ) from error
            time.sleep(2)


def _drop_indexes(url: str, prefix: str) -> list[str]:
    """Delete every index of this run by name (wildcard deletes are refused by default)."""
    from elasticsearch import Elasticsearch

    client = Elasticsearch(url, request_timeout=60)
    names = sorted(client.indices.get(index=f"{prefix}*", expand_wildcards="all"))
    for name in names:
        client.indices.delete(index=name, ignore_unavailable=True)
    return names


# The steps whose figures a kept work folder can give again (--reuse): what they build is there.
REUSABLE = ("setup_db", "index_es")


class Runner:
    def __init__(self, workdir: Path, env: dict[str, str], reuse: bool = False) -> None:
        self.workdir = workdir
        self.env = env
        self.count = 0
        self.log: list[dict] = []
        # Step name -> the kept run's figures of that step, oldest first.
        self.kept: dict[str, list[dict]] = {name: [] for name in REUSABLE}
        if reuse:
            for out in sorted(workdir.glob("*.out.json")):
                number, name = out.name.removesuffix(".out.json").split("-", 1)
                self.count = max(self.count, int(number))
                if name in self.kept:
                    self.kept[name].append(json.loads(out.read_text()))

    def step(self, name: str, config: dict, **env: str) -> dict:
        """Run one step in a subprocess; its figures, or {"error": ...} if it failed."""
        if self.kept.get(name):
            print(f"[bench] {name}: figures and data of the kept run in {self.workdir}", flush=True)
            self.log.append({"step": name, "seconds": 0.0, "returncode": 0, "reused": True})
            return self.kept[name].pop(0)
        self.count += 1
        config_path = self.workdir / f"{self.count:02d}-{name}.config.json"
        out_path = self.workdir / f"{self.count:02d}-{name}.out.json"
        config_path.write_text(json.dumps(config))
        started = time.perf_counter()
        print(f"[bench] {name} {json.dumps(config)[:160]}", flush=True)
        process = subprocess.run(
            [sys.executable, "-m", "bench.phases", name, str(config_path), str(out_path)],
            cwd=REPO,
            env={**self.env, **env},
            capture_output=True,
            text=True,
        )
        seconds = round(time.perf_counter() - started, 1)
        self.log.append({"step": name, "seconds": seconds, "returncode": process.returncode})
        if process.returncode != 0:
            tail = process.stderr.strip().splitlines()[-12:]
            print(f"[bench] {name} FAILED after {seconds} s:\n" + "\n".join(tail), flush=True)
            return {"error": tail[-1] if tail else f"exit {process.returncode}"}
        print(f"[bench] {name} done in {seconds} s", flush=True)
        return json.loads(out_path.read_text())


def _work_folder(reuse: Path | None) -> tuple[Path, str]:
    """The work folder and the Elasticsearch index prefix: a kept run's, or new ones."""
    if reuse is not None:
        # A kept run (--keep): its databases and indexes are measured again, not rebuilt.
        workdir = reuse.resolve()
        prefix = json.loads((workdir / "env.json").read_text())["ELASTICSEARCH_INDEX_PREFIX"]
    else:
        workdir = Path(tempfile.mkdtemp(prefix="hub-bench-"))
        prefix = f"bench-{os.getpid()}-{int(time.time())}"
    return workdir, prefix


def _environment(workdir: Path, url: str, prefix: str) -> dict[str, str]:
    """The environment every step runs in: its settings, its work folder and its indexes."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "HUB_VAR_DIR": str(workdir),
        "DATABASE_URL": f"sqlite:///{workdir / 'base.sqlite3'}",
        "ELASTICSEARCH_URL": url,
        "ELASTICSEARCH_INDEX_PREFIX": prefix,
        "HUB_SEARCH_EMBEDDED_PATH": str(workdir / "search.sqlite3"),
        "HUB_SEARCH_BACKEND": "elasticsearch",
    }


def _new_results(
    plan_name: str, started_at: str, machine_info: dict, plan: dict, workdir: Path, reused: bool
) -> dict:
    """The results before any step ran: what was run, where and how."""
    results: dict = {
        "name": f"bench-{plan_name}" if plan_name == "quick" else "bench",
        "started": started_at,
        "machine": machine_info,
        "plan": plan,
        "elasticsearch": {},
        "memory": {},
        "notes": [],
    }
    if reused:
        results["notes"].append(
            f"The databases and the Elasticsearch indexes were built by an earlier run kept in "
            f"{workdir} (`--keep`); its setup and indexing figures are shown, every other "
            "step ran again."
        )
    return results


def _setup_databases(
    runner: Runner, results: dict, plan: dict, workdir: Path, largest: int, skip: set[str]
) -> None:
    """The `setup_db` step: the library database (every engine's set) and the pages database."""
    setup = runner.step(
        "setup_db",
        {
            "seed": plan["seed"],
            "base_db": str(workdir / "base.sqlite3"),
            "databases": {
                # The embedded set searches the same database's pages (its first records).
                "library": {
                    "path": str(workdir / "library.sqlite3"),
                    "size": max(largest, 0 if "embedded" in skip else plan["embedded_scale"]),
                },
                "pages": {
                    "path": str(workdir / "pages.sqlite3"),
                    "size": plan["pages_scale"],
                    "collections": plan["collections"],
                },
            },
        },
    )
    results["setup"] = setup
    if "error" in setup:
        raise RuntimeError(f"setting up the databases failed: {setup['error']}")


def _database(workdir: Path, name: str) -> dict[str, str]:
    """The environment that points a step at one of the run's databases (library or pages)."""
    return {"DATABASE_URL": f"sqlite:///{workdir / name}"}


def _add_indexing_totals(indexing: dict, totals: dict[str, float], start: int) -> None:
    """Turn one segment's indexing figures into the whole index's: the larger set continues the
    smaller one's index, so its figures cover every record indexed so far."""
    totals["records"] += indexing["records"]
    totals["project"] += indexing["project_seconds"]
    totals["plain"] += indexing["plain_seconds"]
    totals["ref"] += indexing["plain_records"]
    totals["ref_project"] += indexing["reference_project_seconds"]
    indexing["project_rps"] = round(totals["records"] / totals["project"], 1)
    # The ratio compares the two paths on the same records (the reference subset).
    ref_project_rps = totals["ref"] / totals["ref_project"]
    indexing["plain_rps"] = round(totals["ref"] / totals["plain"], 1)
    indexing["reference_project_rps"] = round(ref_project_rps, 1)
    indexing["reference_records"] = int(totals["ref"])
    indexing["ratio"] = round(ref_project_rps / indexing["plain_rps"], 3)
    indexing["records"] = int(totals["records"])
    indexing["segment"] = [start, indexing["counts"]["project"]]


def _measure_es_set(
    runner: Runner,
    results: dict,
    plan: dict,
    entry: dict,
    scale: int,
    last: bool,
    big: dict[str, str],
    floor: dict,
) -> None:
    """The query mix on one indexed Elasticsearch set; on the last set, the API and the floor."""
    largest = max(plan["es_scales"], default=0)
    # A profile of the sequential pass over the largest set says where a request's time goes.
    profile = RESULTS / f"{results['name']}-profile-es.txt"
    queries = runner.step(
        "queries",
        {
            "reps": plan["reps"],
            "concurrency": plan["concurrency"],
            "deep_page": plan["deep_page"],
            "profile": str(profile) if scale >= largest else None,
        },
        HUB_SEARCH_BACKEND="elasticsearch",
        **big,
    )
    entry["queries"] = queries
    results.setdefault("query_count", queries.get("queries"))
    if "peak_rss_mb" in queries:
        results["memory"][f"web (query mix), Elasticsearch {scale:,}"] = queries["peak_rss_mb"]
    if scale >= largest or last:
        # The JSON API's search beside the search page's, on the same index.
        entry["api"] = runner.step(
            "api",
            {"reps": plan["reps"], "deep_page": plan["deep_page"]},
            HUB_SEARCH_BACKEND="elasticsearch",
            **big,
        )
        # The engine alone at the largest set: the floor the view's p95 stands on.
        entry["floor"] = runner.step("floor", floor, HUB_SEARCH_BACKEND="elasticsearch", **big)


def _elasticsearch_sets(
    runner: Runner, results: dict, plan: dict, url: str, prefix: str, floor: dict
) -> None:
    """Index the Elasticsearch sets smallest first, each continuing the last one's index, and
    measure each; stop at a failed or time-limited indexing."""
    big = _database(runner.workdir, "library.sqlite3")
    largest = max(plan["es_scales"], default=0)
    totals = dict.fromkeys(("records", "project", "plain", "ref", "ref_project"), 0.0)
    start = 0
    for scale in sorted(plan["es_scales"]):
        indexing = runner.step(
            "index_es",
            {
                "url": url,
                "prefix": prefix,
                "seed": plan["seed"],
                "size": largest,
                "start": start,
                "stop": scale,
                "batch": plan["batch"],
                "reference_stop": plan.get("reference_records"),
                "max_seconds": plan.get("max_index_seconds"),
            },
            **big,
        )
        if "error" in indexing:
            results["elasticsearch"][str(scale)] = {"error": indexing["error"]}
            break
        _add_indexing_totals(indexing, totals, start)
        scale = int(indexing["counts"]["project"])  # what is really in the index
        if indexing["stopped_early"]:
            results["notes"].append(
                f"Indexing stopped at {scale:,} records when its time budget "
                f"({plan['max_index_seconds']} s) ran out; the figures of this set are for "
                f"{scale:,} resources."
            )
        entry = results["elasticsearch"].setdefault(str(scale), {})
        entry["indexing"] = indexing
        results["memory"][f"indexing process, {scale:,} records (batch)"] = indexing["peak_rss_mb"]
        start = scale
        _measure_es_set(runner, results, plan, entry, scale, indexing["stopped_early"], big, floor)
        if indexing["stopped_early"]:
            break


def _embedded_set(
    runner: Runner, results: dict, plan: dict, env: dict[str, str], skip: set[str], floor: dict
) -> None:
    """Index the embedded engine's set and measure the query mix and the floor on it."""
    big = _database(runner.workdir, "library.sqlite3")
    embedded: dict = {}
    if "embedded" in skip:
        plan["embedded_scale"] = 0
    embedded["indexing"] = (
        {}
        if "embedded" in skip
        else runner.step(
            "index_embedded",
            {
                "path": env["HUB_SEARCH_EMBEDDED_PATH"],
                "seed": plan["seed"],
                "size": plan["embedded_scale"],
                "batch": plan["batch"],
            },
            **big,
        )
    )
    embedded["queries"] = (
        {}
        if "embedded" in skip
        else runner.step(
            "queries",
            {
                "reps": plan["reps"],
                "concurrency": plan["concurrency"],
                "deep_page": plan["deep_page"],
                "profile": str(RESULTS / f"{results['name']}-profile-embedded.txt"),
            },
            HUB_SEARCH_BACKEND="embedded",
            **big,
        )
    )
    if "peak_rss_mb" in embedded["queries"]:
        results["memory"]["web (query mix), embedded"] = embedded["queries"]["peak_rss_mb"]
    if "embedded" not in skip:
        embedded["floor"] = runner.step("floor", floor, HUB_SEARCH_BACKEND="embedded", **big)
        results["embedded"] = embedded


def _peer_pages_and_worker(
    runner: Runner, results: dict, plan: dict, prefix: str, skip: set[str]
) -> None:
    """The Wagtail peer, page speed (on the pages set, then the whole library) and the worker."""
    big = _database(runner.workdir, "library.sqlite3")
    small = _database(runner.workdir, "pages.sqlite3")
    largest = max(plan["es_scales"], default=0)
    pages_prefix = {"ELASTICSEARCH_INDEX_PREFIX": f"{prefix}-pages"}
    results["peer"] = runner.step(
        "peer",
        {"reps": plan["reps"], "deep_page": max(2, plan["deep_page"] // 3)},
        **small,
        **pages_prefix,
    )
    results["pages"] = runner.step(
        "pages", {"reps": plan["page_reps"], "stride": 7}, **small, **pages_prefix
    )
    if "peak_rss_mb" in results["pages"]:
        results["memory"]["web (page speed)"] = results["pages"]["peak_rss_mb"]
    # The same pages over the whole synthetic library: lists and counts that grow with it.
    library_size = max(largest, 0 if "embedded" in skip else plan["embedded_scale"])
    if library_size:
        engine = "embedded" if not largest else "elasticsearch"
        results["pages_library"] = runner.step(
            "pages",
            {"reps": max(10, plan["page_reps"] // 3), "stride": 997},
            HUB_SEARCH_BACKEND=engine,
            **big,
        )
        results["pages_library"]["resources"] = library_size
        results["pages_library"]["engine"] = engine
    results["worker"] = runner.step("worker", {}, **small, **pages_prefix)
    if "peak_rss_mb" in results["worker"]:
        results["memory"][
            f"worker (manage.py db_worker, {results['worker']['resources']:,} resources)"
        ] = results["worker"]["peak_rss_mb"]


def _finish(
    results: dict,
    runner: Runner,
    keep: bool,
    env: dict[str, str],
    url: str,
    prefix: str,
    started: float,
) -> None:
    """Keep or remove the work folder and the indexes, and add the run's own figures."""
    workdir = runner.workdir
    if keep:
        # For experiments: the databases, the embedded index and the Elasticsearch indexes
        # stay; the environment to reach them is written beside them.
        (workdir / "env.json").write_text(json.dumps(env, indent=1))
        print(f"[bench] kept {workdir} and the indexes {prefix}-*", flush=True)
    else:
        try:
            results["dropped_indexes"] = _drop_indexes(url, prefix)
        except Exception as error:  # noqa: BLE001 - report, never hide the figures
            results["notes"].append(f"could not drop the bench indexes: {error}")
        shutil.rmtree(workdir, ignore_errors=True)
    results["steps"] = runner.log
    results["machine"]["load_average_at_end"] = [round(x, 2) for x in os.getloadavg()]
    results["seconds"] = round(time.perf_counter() - started, 1)


def run(plan_name: str, keep: bool = False, reuse: Path | None = None, **overrides) -> dict:
    """Run every step of the plan (with overrides) and gather their figures."""
    plan = {**PLANS[plan_name], **{k: v for k, v in overrides.items() if v is not None}}
    url = os.environ.get("ELASTICSEARCH_URL", "http://127.0.0.1:9200")
    started = time.perf_counter()
    started_at = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M")
    machine_info = machine()  # the load average before our own work starts
    machine_info["elasticsearch"] = _wait_for(url)
    workdir, prefix = _work_folder(reuse)
    keep = keep or reuse is not None
    env = _environment(workdir, url, prefix)
    runner = Runner(workdir, env, reuse=reuse is not None)
    results = _new_results(plan_name, started_at, machine_info, plan, workdir, reuse is not None)
    skip = set(plan.get("skip") or ())
    if "es" in skip:
        plan["es_scales"] = []
    largest = max(plan["es_scales"], default=0)
    try:
        _setup_databases(runner, results, plan, workdir, largest, skip)
        # The engine alone (bench.floor), asked the same mix as the view.
        floor = {key: plan[key] for key in ("reps", "concurrency", "deep_page")}
        _elasticsearch_sets(runner, results, plan, url, prefix, floor)
        _embedded_set(runner, results, plan, env, skip, floor)
        _peer_pages_and_worker(runner, results, plan, prefix, skip)
    finally:
        _finish(results, runner, keep, env, url, prefix, started)
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small scale, for development")
    parser.add_argument(
        "--keep", action="store_true", help="keep the work folder and the indexes (for experiments)"
    )
    parser.add_argument(
        "--reuse",
        type=Path,
        default=None,
        help="measure again the databases and indexes of a run kept with --keep (its work folder)",
    )
    parser.add_argument("--out", type=Path, default=RESULTS, help="where the reports go")
    parser.add_argument(
        "--es-scales", type=lambda text: [int(n) for n in text.split(",")], default=None
    )
    parser.add_argument(
        "--max-index-seconds",
        type=float,
        default=None,
        help="stop indexing the largest set after this long and measure what was indexed",
    )
    parser.add_argument(
        "--skip",
        type=lambda text: [part for part in text.split(",") if part],
        default=None,
        help="leave out steps: es, embedded (e.g. to re-measure pages and the peer alone)",
    )
    parser.add_argument("--name", default=None, help="report name (default bench, bench-quick)")
    parser.add_argument(
        "--reference-records",
        type=int,
        default=None,
        help="compare with plain bulk on the first N records only (saves time at 100k)",
    )
    args = parser.parse_args(argv)
    plan = "quick" if args.quick else "full"
    results = run(
        plan,
        keep=args.keep,
        reuse=args.reuse,
        es_scales=args.es_scales,
        max_index_seconds=args.max_index_seconds,
        reference_records=args.reference_records,
        skip=args.skip,
    )
    if args.name:
        results["name"] = args.name
    json_path, md_path = write(results, args.out, results["name"])
    print(md_path.read_text())
    print(f"[bench] wrote {json_path} and {md_path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
