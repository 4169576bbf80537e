"""What every benchmark step (bench.phases) reads alike: its own peak memory, and the
taxonomy and library index page of the database it runs against.

Django models are imported inside the functions: a step module is imported before
django.setup() runs (bench.phases sets it up once it knows the step).
"""

from __future__ import annotations

import resource
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from library.models import LibraryIndexPage

    from .generate import Taxonomy


def peak_rss_mb() -> float:
    """This process's peak resident memory in MB, as every step reports it."""
    # Linux reports ru_maxrss in kilobytes.
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def load_taxonomy() -> Taxonomy:
    """The facets' values and ids as the seeded database holds them."""
    from .generate import Taxonomy

    return Taxonomy.from_db()


def library_page() -> LibraryIndexPage:
    """The one library index page, the parent of every synthetic resource."""
    from library.models import LibraryIndexPage

    return LibraryIndexPage.objects.get()
