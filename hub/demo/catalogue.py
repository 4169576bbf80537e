"""The demo catalogue: organisations, working groups, resources and collections of the hub.

The content lives in hub/demo/data/ (organisations.yaml, working_groups.yaml, resources.yaml,
collections.yaml), so editing the demo means editing text; this module only reads it into the
shapes hub.demo.seed expects. No project imports, so tests can read the catalogue without a
database.
"""

from __future__ import annotations

import datetime

from .datafiles import read


def _resource(spec: dict) -> dict:
    # An unquoted ISO date reads as a date in YAML; the seed parses (and sorts by) the text.
    if isinstance(spec["date"], datetime.date):
        spec["date"] = spec["date"].isoformat()
    return spec


def _collection(spec: dict) -> dict:
    # Entries are written {resource, note} to be readable; the seed unpacks (slug, note) pairs.
    entries = [(entry["resource"], entry["note"]) for entry in spec["entries"]]
    return {**spec, "entries": entries}


ORGANISATIONS: list[dict] = read("organisations.yaml")
WORKING_GROUPS: list[dict] = read("working_groups.yaml")
RESOURCES: list[dict] = [_resource(spec) for spec in read("resources.yaml")]
COLLECTIONS: list[dict] = [_collection(spec) for spec in read("collections.yaml")]
