"""The access labels that records carry and viewers hold (library.access turns page privacy and
groups into them; the search contract filters by them)."""

from __future__ import annotations

PUBLIC = "public"
# Any signed-in member of the network: an account in at least one of its groups (Members, a TWG,
# the Executive Committee, the Secretariat). A signed-in account with no group (not yet admitted)
# is treated as the public: fail closed.
MEMBERS = "members"
# Every record carries this label and only superusers hold it: they see everything.
EVERYTHING = "all"


def group_label(group_id: int) -> str:
    """The label of the members of one group (a TWG, the Executive Committee...)."""
    return f"group:{group_id}"
