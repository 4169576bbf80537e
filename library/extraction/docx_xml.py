"""WordprocessingML's names: its namespaces (transitional and strict OOXML alike), how to
tell an element's namespace and local name, read its w: attributes and children, and parse a
part without resolving entities or fetching anything."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

W = frozenset(
    {
        "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
        "http://purl.oclc.org/ooxml/wordprocessingml/main",  # strict OOXML
    }
)
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
MATH = frozenset(
    {
        "http://schemas.openxmlformats.org/officeDocument/2006/math",
        "http://purl.oclc.org/ooxml/officeDocument/math",
    }
)
_R = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "http://purl.oclc.org/ooxml/officeDocument/relationships",
)
_OFF = frozenset({"0", "false", "off"})


def split_tag(tag: Any) -> tuple[str, str]:
    """(namespace, local name) of an element's tag; ("", "") for a comment."""
    if not isinstance(tag, str):
        return "", ""  # a comment or processing instruction
    if tag[:1] == "{":
        namespace, _, local = tag[1:].partition("}")
        return namespace, local
    return "", tag


def w_attr(element: Any, name: str) -> str | None:
    """The element's w:``name`` attribute, in whichever WordprocessingML namespace."""
    for namespace in W:
        value = element.get(f"{{{namespace}}}{name}")
        if value is not None:
            return value
    return None


def r_id(element: Any) -> str | None:
    """The element's r:id, the relationship it points through (a header, a footer)."""
    for namespace in _R:
        value = element.get(f"{{{namespace}}}id")
        if value is not None:
            return value
    return None


def w_children(element: Any, local: str) -> Iterable[Any]:
    """The element's w:``local`` children, in order."""
    for child in element:
        namespace, name = split_tag(child.tag)
        if name == local and namespace in W:
            yield child


def w_child(element: Any, local: str) -> Any | None:
    """The element's first w:``local`` child, if any."""
    return next(iter(w_children(element, local)), None)


def is_on(element: Any | None) -> bool | None:
    """An on/off property: None when absent, else whether it is on (no w:val means on)."""
    if element is None:
        return None
    value = w_attr(element, "val")
    return value is None or value.lower() not in _OFF


def safe_parser() -> Any:
    """An lxml parser that resolves no entities, loads no DTD and fetches nothing."""
    from lxml import etree

    return etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, remove_comments=True
    )
