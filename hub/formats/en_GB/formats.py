"""British English writes dates as the hub's English does: "9 December 2025" (hub.formats.en)."""

from hub.formats.en.formats import *  # noqa: F403
