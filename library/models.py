"""Every model of the library, gathered where Django looks for them."""

from .documents import DocumentPageText, ExtractionStatus, HubDocument
from .pages import LibraryIndexPage, ResourceAttachment, ResourcePage, ResourceType
from .taxonomy import GcmObjective, GuidingPrinciple

__all__ = [
    "DocumentPageText",
    "ExtractionStatus",
    "GcmObjective",
    "GuidingPrinciple",
    "HubDocument",
    "LibraryIndexPage",
    "ResourceAttachment",
    "ResourcePage",
    "ResourceType",
]
