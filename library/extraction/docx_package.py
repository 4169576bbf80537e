"""Opening a Word file's package: by python-docx, or as a plain zip of XML parts tied together
by relationships for what python-docx refuses. Either way the walker is handed the same XML
elements: the main document, the parts it relates to, and the core properties."""

from __future__ import annotations

import posixpath
import zipfile
from typing import Any
from urllib.parse import unquote

from .docx_xml import safe_parser
from .sniff import main_document_name

ENGINE_PYTHON_DOCX = "python-docx"
ENGINE_XML = "docx-xml"


class Package:
    """The parts of a Word file the walker needs, however the file was opened."""

    engine = ""

    def document(self) -> Any:
        raise NotImplementedError

    def related(self, rel_id: str) -> Any | None:
        """The XML root of the main part's internal relationship rel_id, if any."""
        raise NotImplementedError

    def related_by_type(self, reltype: str) -> list[Any]:
        """The XML roots of the main part's parts related by this type (its last segment)."""
        raise NotImplementedError

    def core_properties(self) -> Any | None:
        raise NotImplementedError


def _reltype_is(reltype: str, name: str) -> bool:
    return reltype.rsplit("/", 1)[-1] == name


class PythonDocxPackage(Package):
    engine = ENGINE_PYTHON_DOCX

    def __init__(self, path: str) -> None:
        import docx

        self._document = docx.Document(path)
        self._part = self._document.part
        self._cache: dict[str, Any] = {}

    def _root(self, part: Any) -> Any | None:
        from lxml import etree

        element = getattr(part, "element", None)
        if element is not None:
            return element
        key = str(part.partname)
        if key not in self._cache:
            self._cache[key] = etree.fromstring(part.blob, safe_parser())
        return self._cache[key]

    def document(self) -> Any:
        return self._part.element

    def related(self, rel_id: str) -> Any | None:
        rel = self._part.rels.get(rel_id)
        if rel is None or rel.is_external:
            return None
        return self._root(rel.target_part)

    def related_by_type(self, reltype: str) -> list[Any]:
        return [
            self._root(rel.target_part)
            for rel in self._part.rels.values()
            if not rel.is_external and _reltype_is(rel.reltype, reltype)
        ]

    def core_properties(self) -> Any | None:
        # Not python-docx's core_properties: when a file has none it invents some ("Word
        # Document" by "python-docx", modified now), which would be false metadata.
        for rel in self._part.package.rels.values():
            if not rel.is_external and _reltype_is(rel.reltype, "core-properties"):
                return self._root(rel.target_part)
        return None


class ZipPackage(Package):
    """A Word file read as what it is: a zip of XML parts tied together by relationships."""

    engine = ENGINE_XML

    def __init__(self, path: str) -> None:
        self._zip = zipfile.ZipFile(path)
        self._names = {info.filename.lower(): info for info in self._zip.infolist()}
        main = main_document_name(self._zip, self._names)
        if main is None or main not in self._names:
            raise KeyError("the file has no main document part (word/document.xml)")
        self._main = main
        self._cache: dict[str, Any] = {}
        self._rels = self._relationships(main)

    def close(self) -> None:
        self._zip.close()

    def _read(self, name: str) -> bytes | None:
        info = self._names.get(name) or self._names.get(unquote(name))
        return None if info is None else self._zip.read(info)

    def _parse(self, name: str) -> Any | None:
        from lxml import etree

        if name not in self._cache:
            data = self._read(name)
            self._cache[name] = None if data is None else etree.fromstring(data, safe_parser())
        return self._cache[name]

    def _relationships(self, part: str) -> dict[str, tuple[str, str]]:
        """rId -> (type, zip member name) for the part's internal relationships."""
        folder, filename = posixpath.split(part)
        root = self._parse(posixpath.join(folder, "_rels", filename + ".rels"))
        found: dict[str, tuple[str, str]] = {}
        if root is None:
            return found
        for rel in root:
            if not isinstance(rel.tag, str) or rel.get("TargetMode") == "External":
                continue
            target = rel.get("Target", "")
            if target.startswith("/"):
                name = target.lstrip("/")
            else:
                name = posixpath.normpath(posixpath.join(folder, target))
            found[rel.get("Id", "")] = (rel.get("Type", ""), name.lower())
        return found

    def document(self) -> Any:
        return self._parse(self._main)

    def related(self, rel_id: str) -> Any | None:
        rel = self._rels.get(rel_id)
        return None if rel is None else self._parse(rel[1])

    def related_by_type(self, reltype: str) -> list[Any]:
        roots = (
            self._parse(name) for kind, name in self._rels.values() if _reltype_is(kind, reltype)
        )
        return [root for root in roots if root is not None]

    def core_properties(self) -> Any | None:
        for kind, name in self._relationships("").values():
            if _reltype_is(kind, "core-properties"):
                return self._parse(name)
        return self._parse("docprops/core.xml")
