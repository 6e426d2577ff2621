"""coalition_nlp."""
