"""Every model of the library, gathered where Django looks for them."""

from .attachments import ResourceAttachment
from .collections import CollectionEntry, CollectionIndexPage, CollectionPage
from .documents import DocumentPageText, ExtractionStatus, HubDocument
from .library_index import LibraryIndexPage
from .pages import ResourcePage, ResourcePageForm, ResourceTheme
from .resource_types import ResourceType
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
