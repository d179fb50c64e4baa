"""The Vietnamese NLP stage: a spaCy pipeline over each block (see `pipeline.get_nlp`)."""
