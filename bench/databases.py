"""The `setup_db` step: the SQLite databases every other step measures against.

The site shell (migrations, home, library, publishers) is built once and copied per database,
since migrating takes longer than copying; each copy then gets its synthetic pages (and, for
the page-speed set, its collections).
"""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

from .step_support import library_page, load_taxonomy


def setup_db(config: dict) -> dict:
    """Migrate and seed the site shell once, then copy it per database and insert the pages."""
    from django.core.management import call_command

    from hub.demo.seed import SeedReport, ensure_collections_index, ensure_publishers, ensure_site

    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    home, library, _created = ensure_site()
    ensure_collections_index(home)
    ensure_publishers(SeedReport())
    migrated = time.perf_counter() - started
    from django.db import connections

    connections.close_all()
    base = Path(config["base_db"])
    out = {"migrate_seconds": round(migrated, 1), "databases": {}}
    for name, spec in config["databases"].items():
        out["databases"][name] = _fill_database(home, base, spec, config["seed"])
    return out


def _fill_database(home, base: Path, spec: dict, seed: int) -> dict:
    """Copy the seeded shell to spec["path"] and insert its pages there: its figures."""
    from django.db import connections

    from .generate import Library, Sizes, insert_pages

    shutil.copyfile(base, spec["path"])
    # Every later connection (and any subprocess) reads the copy, not the shell.
    os.environ["DATABASE_URL"] = f"sqlite:///{spec['path']}"
    connections["default"].settings_dict["NAME"] = spec["path"]
    connections.close_all()
    started = time.perf_counter()
    taxonomy = load_taxonomy()
    synthetic = Library(taxonomy, spec["size"], seed=seed, sizes=Sizes())
    count = 0
    for first in range(0, spec["size"], 5000):
        specs = list(synthetic.specs(first, first + 5000, documents=False))
        count += insert_pages(library_page(), specs, taxonomy)
    if spec.get("collections"):
        _collections(home, synthetic, spec["collections"])
    connections.close_all()
    return {
        "pages": count,
        "seconds": round(time.perf_counter() - started, 1),
    }


def _collections(home, synthetic, sizes: list[int]) -> None:
    """Collections of the given sizes (for the page-speed set), built as editors would."""
    from library.models import CollectionEntry, CollectionIndexPage, CollectionPage

    index = CollectionIndexPage.objects.get()
    for size in sizes:
        collection = index.add_child(
            instance=CollectionPage(
                title=f"Bench collection of {size}",
                slug=f"bench-{size}",
                introduction=f"{size} resources chosen for the benchmark.",
            )
        )
        for order, spec in enumerate(synthetic.specs(0, size, documents=False)):
            CollectionEntry.objects.create(
                collection=collection, resource_id=spec.resource_id, sort_order=order
            )
