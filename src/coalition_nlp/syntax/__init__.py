"""One analysis of German sentences (clauses, verb complex, tense, mood, voice, subject,
objects, phrase roles) that the event components read, kept apart from the spaCy
components as ``parse/`` keeps the pure parsers: it is rules over a doc's tokens, no
pipeline step of its own (``components/clauses.py`` only registers it)."""
