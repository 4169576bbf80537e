"""What an office reader says when a library fails: its complaint, short and without the
server's path to the file; and lxml's failed allocation, which is the memory cap all the same."""

from __future__ import annotations

from .result import shorten


def reason(error: BaseException, path: str = "") -> str:
    """The library's complaint, short, without the server's path to the file."""
    message = str(error).replace(path, "the file") if path else str(error)
    text = shorten(message, 120) if message.strip() else ""
    return f"{type(error).__name__}: {text}" if text else type(error).__name__


def raise_if_memory(error: BaseException) -> None:
    """lxml reports a failed allocation as an error of its own: raise it as MemoryError."""
    if "memory allocation failed" in str(error).lower():
        raise MemoryError(str(error)) from error
