"""The benchmark's steps, each run in its own process (`python -m bench.phases STEP CONFIG OUT`)
so that its peak memory is its own and each gets the settings it needs from the environment.

CONFIG and OUT are JSON files: the step reads its parameters from one and writes its figures to
the other. bench.run starts them in order and gathers the figures. The steps themselves live in
modules by job (databases, indexing_speed, query_speed, peer_compare, page_speed, worker_speed,
api_beside_page); this module only dispatches by name.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from pathlib import Path

import django

from .api_beside_page import api_beside_page
from .databases import setup_db
from .indexing_speed import index_embedded, index_es
from .page_speed import page_speed
from .peer_compare import peer
from .query_speed import engine_floor, run_queries
from .worker_speed import worker

STEPS: dict[str, Callable[[dict], dict]] = {
    "api": api_beside_page,
    "setup_db": setup_db,
    "index_es": index_es,
    "index_embedded": index_embedded,
    "queries": run_queries,
    "floor": engine_floor,
    "peer": peer,
    "pages": page_speed,
    "worker": worker,
}


def main(argv: list[str]) -> int:
    """Run one step: its config read from a JSON file, its figures written to another."""
    step, config_path, out_path = argv
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    django.setup()
    config = json.loads(Path(config_path).read_text())
    result = STEPS[step](config)
    Path(out_path).write_text(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
