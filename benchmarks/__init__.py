"""Throughput and memory of the batch runner against spaCy's bare tokenizer (``python -m benchmarks``)."""
