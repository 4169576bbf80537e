"""One digest of a record's indexed form, the same however the engine lists it."""

from __future__ import annotations

import hashlib
import json


def digest(value) -> str:
    canonical = json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(canonical.encode()).hexdigest()
