"""What a PDF reading says when it goes wrong: the file is damaged, encrypted, or this server
lacks the library to decrypt it; with the short reasons and page lists those messages share
(PDFium's reading tells its failed pages the same way)."""

from __future__ import annotations

from .result import DAMAGED, ENCRYPTED, Extraction, shorten

#: The engine named in pypdf's results.
ENGINE_PYPDF = "pypdf"


def reason(error: BaseException) -> str:
    """The error's kind and its message, short: "PdfReadError: EOF marker not found"."""
    text = shorten(str(error)) if str(error).strip() else ""
    return f"{type(error).__name__}: {text}" if text else type(error).__name__


def damaged(what: str, error: BaseException | None = None) -> Extraction:
    """pypdf's result for a damaged file: what it could not do, and why."""
    detail = f" ({reason(error)})" if error is not None else ""
    return Extraction(DAMAGED, [], {}, ENGINE_PYPDF, f"The PDF is damaged: pypdf {what}{detail}.")


def page_list(numbers: list[int]) -> str:
    """[2, 5, 9] -> "2, 5 and 9"; past ten pages, "... and N more"."""
    shown = [str(n) for n in numbers[:10]]
    more = f" and {len(numbers) - 10} more" if len(numbers) > 10 else ""
    if len(shown) == 1:
        return shown[0]
    return ", ".join(shown[:-1]) + (f", {shown[-1]}" if more else f" and {shown[-1]}") + more


def encrypted(why: str) -> Extraction:
    """pypdf's result for an encrypted file it cannot read, and why not."""
    return Extraction(ENCRYPTED, [], {}, ENGINE_PYPDF, f"The PDF is encrypted: {why}.")


def needs_crypto(error: BaseException) -> bool:
    """pypdf's DependencyError for the missing AES library (not for, say, a JBIG2 decoder)."""
    from pypdf.errors import DependencyError

    return isinstance(error, DependencyError) and (
        "cryptography" in str(error) or "AES" in str(error)
    )


def missing_dependency(error: BaseException) -> Extraction:
    """pypdf's result when the library to decrypt the file is missing."""
    # pypdf needs the "cryptography" package for AES; without it even a PDF that opens with an
    # empty password cannot be read. That is the server's fault, and it says so.
    return Extraction(
        ENCRYPTED,
        [],
        {},
        ENGINE_PYPDF,
        "The PDF is encrypted and this server lacks what it needs to decrypt it "
        f"({shorten(error)}).",
    )
