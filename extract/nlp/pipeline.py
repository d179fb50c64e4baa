"""Build the spaCy pipeline from config.cfg and tag one block at a time."""
from __future__ import annotations

import importlib
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

import extract.nlp.extensions  # noqa: F401  (registers Span._.number)
import extract.nlp.tokenizer  # noqa: F401  (registers tdkt.vi_tokenizer.v1)
from extract.nlp.context import CONTEXT_KEY, BlockContext

CONFIG = Path(__file__).with_name("config.cfg")

# component name -> module that registers its factory
COMPONENT_MODULES = {
    "tdkt_numbers": "extract.nlp.number_spans",
    "tdkt_figures": "extract.nlp.figures",
    "tdkt_awards": "extract.nlp.awards",
    "tdkt_references": "extract.nlp.references",
    "tdkt_people": "extract.nlp.people",
    "tdkt_organizations": "extract.nlp.organizations",
}


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    config = spacy.util.load_config(CONFIG)
    for name in config["nlp"]["pipeline"]:
        importlib.import_module(COMPONENT_MODULES[name])
    return spacy.util.load_model_from_config(config, auto_fill=True, validate=True)


def span_keys(nlp: Language) -> list[str]:
    return list(nlp.pipe_names)


def tag_block(ctx: BlockContext, nlp: Language | None = None) -> Doc:
    """Run the pipeline over one block's text with its context attached."""
    nlp = nlp or get_nlp()
    doc = nlp.make_doc(ctx.block.text)
    doc.user_data[CONTEXT_KEY] = ctx
    for _name, proc in nlp.pipeline:
        doc = proc(doc)
    return doc
