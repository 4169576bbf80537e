"""Moved to foundation.organisations (the bottom layer); named here until every caller reads it
there."""

from foundation.organisations import (
    Organisation,
    OrganisationKind,
    WorkingGroup,
    WorkingGroupStatus,
)

__all__ = ["Organisation", "OrganisationKind", "WorkingGroup", "WorkingGroupStatus"]
