"""spaCy extension attributes tdkt's components set (registered once, on import)."""
from __future__ import annotations

from spacy.tokens import Span

for _name in ("item", "number"):
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=None)
