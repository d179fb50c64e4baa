"""Domain knowledge below the stages: what every stage knows about TĐKT and Vietnamese text.

- `taxonomy`: the forms of award of the law (data/awards.yaml) and `resolve_award`;
- `registry`: a district's administrative units (data/registry/) and confirmed aliases;
- `measures`: units of measure and counted nouns;
- `text`: Unicode normalization, folding for matching, tone style; `encodings`: TCVN3/VNI;
- `provenance`: where a fact is written; `unique`: the one dedupe.

It imports no stage: extract, normalize, aggregate and tdkt import it.
"""
