"""One plain view of a doc's tokens, read once, that every component reads tokens through;
and the tokens inside quotation marks."""
from __future__ import annotations

from spacy.attrs import IDX, LOWER, ORTH, SENT_START, SPACY
from spacy.tokens import Doc, Span

from ..lexicon import get_lexicon, load_json
from ..syntax import words

_QUOTE_MARKS = load_json("sentences.json")
# “ closes a German „ quotation and opens an English one: it toggles, like the straight quotes.
OPEN_QUOTES = frozenset(_QUOTE_MARKS["opening_quotes"]) - {"“"}
CLOSE_QUOTES = frozenset(_QUOTE_MARKS["closing_quotes"]) - {")", "]", "“"}
TOGGLE_QUOTES = frozenset(_QUOTE_MARKS["ambiguous_quotes"]) | {"“"}
_MAX_TITLE = 8  # tokens of a quoted name or title
_TITLE_BREAKS = frozenset({".", "!", "?", ":", ";"})


class DocView:
    """Token texts, lower-case forms and sentence bounds of one doc as plain lists, read once.

    Creating a spaCy Token or Span per lookup costs more than the rules that ask, so every
    component reads tokens through this view (see :func:`doc_view`).
    """

    def __init__(self, doc: Doc):
        self.doc = doc
        strings = doc.vocab.strings
        orth, lower, idx, sent_start, space = doc.to_array([ORTH, LOWER, IDX, SENT_START, SPACY]).T.tolist()
        self.texts: list[str] = [strings[h] for h in orth]
        self.lowers: list[str] = [strings[h] for h in lower]
        self.idx: list[int] = idx
        self.is_start: list[bool] = [s == 1 for s in sent_start]
        self.text = "".join([t + " " if s else t for t, s in zip(self.texts, space)])  # doc.text makes a Token each
        starts = [0] + [i for i in range(1, len(doc)) if self.is_start[i]] if len(doc) else []
        self.sent_bounds: list[tuple[int, int]] = list(zip(starts, starts[1:] + [len(doc)]))
        self.sent_of: list[int] = [0] * len(doc)
        for n, (start, end) in enumerate(self.sent_bounds):
            self.sent_of[start:end] = [n] * (end - start)
        self._sents: dict[int, Span] = {}
        self.quoted: set[int] | None = None  # filled by quoted_tokens()
        self.agency = get_lexicon().home_agency(doc._.agency, self.text)  # whose "Bundes-" words

    def sent(self, i: int) -> Span:
        """The sentence of token ``i``, as ``doc[i].sent`` gives it."""
        n = self.sent_of[i]
        span = self._sents.get(n)
        if span is None:
            span = self._sents[n] = self.doc[slice(*self.sent_bounds[n])]
        return span

    def sent_start(self, i: int) -> int:
        return self.sent_bounds[self.sent_of[i]][0]


def quoted_tokens(doc: Doc) -> set[int]:
    """Token indices inside quotation marks, computed once per doc: „ « open, “ ” » close, a
    straight quote toggles, a line break ends any quotation. A short quotation without a verb
    or a full stop is a name or title ("die „Konferenz zur syrischen Flüchtlingslage“"), not
    speech, and counts as unquoted."""
    view = doc_view(doc)
    if view.quoted is None:
        view.quoted = set()
        run: list[int] | None = None
        for i, text in enumerate(view.texts):
            if text in OPEN_QUOTES or (text in TOGGLE_QUOTES and run is None):
                run = []
            elif text in CLOSE_QUOTES or text in TOGGLE_QUOTES or "\n" in text:
                if run is not None and not _title(view, run, closed="\n" not in text):
                    view.quoted.update(run)
                run = None
            elif run is not None:
                run.append(i)
        if run:
            view.quoted.update(run)
    return view.quoted


def _title(view: DocView, run: list[int], closed: bool) -> bool:
    return closed and 0 < len(run) <= _MAX_TITLE and not any(
        view.texts[k] in _TITLE_BREAKS or view.texts[k].islower() and (
            view.lowers[k] in words.AUXILIARIES or words.verb_of(view.lowers[k])
        ) for k in run
    )


def doc_view(doc: Doc) -> DocView:
    """The doc's :class:`DocView`, built on first use after the sentences are set."""
    view = doc.user_data.get("coalition_view")
    if view is None or len(view.texts) != len(doc):
        view = doc.user_data["coalition_view"] = DocView(doc)
    return view


def headline_end_of(doc: Doc) -> int:
    """Where the headline (as ingest found it) ends in the text, 0 without one."""
    headline = doc._.headline
    if not headline:
        return 0
    at = doc_view(doc).text.find(headline)
    return at + len(headline) if at >= 0 else 0
