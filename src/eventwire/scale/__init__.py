"""Throughput: parser triage, batched NLP, a multi-process ingest with one writer, and Ray.

* :mod:`.triage` / :mod:`.layer`: NER over every sentence, the parser only where a stage reads it;
* :mod:`.batch`: many raw documents through the stages at once (spaCy batches across articles);
* :mod:`.workers`: ``eventwire ingest --workers N``: a bounded reader -> workers -> one writer;
* :mod:`.shards` / :mod:`.ray_engine`: the same stages on Ray Data, results as Parquet shards
  that ``eventwire load`` merges into a store.
"""
