"""spaCy extension attributes tdkt's components set (registered once, on import).

Items (figures, awards ...) are not stored on `Span._`: spaCy keys span extension values by
character offsets only; see extract.nlp.context.set_items.
"""
from __future__ import annotations

from spacy.tokens import Span

for _name in ("number",):
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=None)
