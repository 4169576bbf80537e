"""A tiny synthetic library for the benchmark's own tests."""

from __future__ import annotations

import pytest


@pytest.fixture
def taxonomy(library):
    """The taxonomy as the benchmark reads it: migrations' objectives, the demo organisations."""
    from bench.generate import Taxonomy
    from hub.demo.seed import SeedReport, ensure_publishers

    ensure_publishers(SeedReport())
    return Taxonomy.from_db()
