"""The engine's side of a resource page's "Related resources": library.related asks through the
function search registers at start-up (SearchConfig.ready), so the library never imports search."""

from __future__ import annotations

from collections.abc import Callable

from . import related
from .backends import get_backend


def similar_later(resource_id: int, size: int, access: tuple[str, ...]) -> Callable[[], list[int]]:
    """Ask the configured engine now for resources like `resource_id` that `access` may see;
    the returned function answers their ids (search.related.similar_resources_later)."""
    return related.similar_resources_later(get_backend(), resource_id, size=size, access=access)
