"""What every search backend offers beyond searching, and the default for an engine without it.

In the manner of django-modelsearch's backends/base.py: what an engine can do is declared as
attributes of its backend (`capabilities`, `remote`), and an operation the engine does not offer
raises NotImplementedError here rather than being guessed at by the caller. The callers
(search.spelling, search.suggest, search.related, search.consistency, the search_index command)
ask the backend and never look at which engine it is.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..contract import ResourceRecord


class BaseSearchBackend:
    name = ""
    capabilities: frozenset[str] = frozenset()
    # The engine is another service, answering over the network: worth asking from a worker
    # thread while the page builds the rest of itself. An in-process engine is asked in place.
    remote = False
    # A rebuild builds a new index while writes still go to the old one, so pages edited
    # meanwhile must be redone after it (an engine that rebuilds under its write lock misses none).
    rebuild_misses_writes = False

    def spelling_corrections(
        self, words: list[str], *, unknown_only: bool = False, context: tuple[str, ...] = ()
    ) -> dict[str, str]:
        """For each typed word the index hardly knows (with unknown_only: does not know at all),
        the commoner indexed word it most likely meant (search.spelling's rules: RARE_WORD_DOCS,
        COMMONER_BY, CUTOFF); words with no better neighbour are left out. Of neighbours almost
        as near (search.spelling.tied), the one found most often beside the `context` words (the query's) wins
        ("asylum seakers": seekers, not speakers). Raises SearchUnavailable when the engine
        fails."""
        raise NotImplementedError(f"the {self.name} engine offers no spelling corrections")

    def title_suggestions(self, words: list[str], access: tuple[str, ...]) -> list[int]:
        """Ids of the records the access labels reach whose title has every folded word, the
        last one as a prefix, best first. Raises SearchUnavailable when the engine fails."""
        raise NotImplementedError(f"the {self.name} engine offers no title suggestions")

    def similar(self, resource_id: int, size: int, access: tuple[str, ...]) -> list[int]:
        """Ids of up to `size` records most like resource_id that the access labels reach, best
        first, never itself. Raises SearchUnavailable when the engine fails."""
        raise NotImplementedError(f"the {self.name} engine offers no related resources")

    def indexed_count(self) -> int:
        """How many records the engine holds, without reading them."""
        raise NotImplementedError(f"the {self.name} engine cannot count its records")

    def indexed_digests(self) -> dict[int, str]:
        """A digest of every record the engine holds, by resource id."""
        raise NotImplementedError(f"the {self.name} engine cannot digest its records")

    def expected_digests(self, records: Iterable[ResourceRecord]) -> dict[int, str]:
        """The digest each record would have once indexed by this engine (comparable with
        indexed_digests), by resource id."""
        raise NotImplementedError(f"the {self.name} engine cannot digest records")

    def rebuild(self, records: Iterable[ResourceRecord]) -> int:
        """Replace the whole index with these records, never showing readers an empty or
        partial one; returns how many were indexed."""
        raise NotImplementedError(f"the {self.name} engine cannot rebuild in place")
