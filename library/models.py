"""Every model of the library, gathered where Django looks for them."""

from .collections import CollectionEntry, CollectionIndexPage, CollectionPage
from .documents import DocumentPageText, ExtractionStatus, HubDocument
from .pages import (
    LibraryIndexPage,
    ResourceAttachment,
    ResourcePage,
    ResourcePageForm,
    ResourceTheme,
    ResourceType,
)
from .taxonomy import GcmObjective, GuidingPrinciple, Language, Place, PlaceLevel

__all__ = [
    "CollectionEntry",
    "CollectionIndexPage",
    "CollectionPage",
    "DocumentPageText",
    "ExtractionStatus",
    "GcmObjective",
    "GuidingPrinciple",
    "HubDocument",
    "Language",
    "LibraryIndexPage",
    "Place",
    "PlaceLevel",
    "ResourceAttachment",
    "ResourcePage",
    "ResourcePageForm",
    "ResourceTheme",
    "ResourceType",
]
