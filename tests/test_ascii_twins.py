"""The extractor's faster stand-ins for its patterns read ASCII text exactly as the patterns do.

- every ASCII twin (:func:`claimbench.extract.knowledge.ascii_twin`, the standard library's ``re`` in
  ASCII mode) against the ``regex`` pattern it stands for: ``match``, ``search`` and ``fullmatch``
  spans and groups, from every position, on corpus sentences and on texts made of cue words,
  white space (``\\x1c`` and ``\\x0b`` too), digits and punctuation;
- the hand-written ``CLAUSE_BREAK_ASCII`` and ``AS_PLATFORM_ANYWHERE`` against the patterns they copy;
- the setup cue read backwards (``regex.REVERSE``) against the same pattern read forwards;
- ``ascii_twin`` declining patterns the two engines could read differently.
"""
from __future__ import annotations

import re

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from claimbench.corpus import seed_dir
from claimbench.extract import claims, clauses, context
from claimbench.extract.knowledge import ascii_twin
from claimbench.extract.sentences import split_sentences
from claimbench.run.pipeline import RunStats, read_and_merge


def _twins() -> list[tuple[str, regex.Pattern, re.Pattern]]:
    """(name, pattern, its twin) for every twin the extractor uses, as claims.shortcuts and context.shortcuts list them."""
    pairs = {**claims.shortcuts()["twins"], **context.shortcuts()["twins"]}
    assert {"BY_BEFORE", "LIST_GAP", "EVALUATION_CUE_ANYWHERE", "NAME_AFTER", "baseline stop", "setup after", "count after"} <= set(pairs)
    assert {f"qualifier {q}" for q, _ in context.qualifier_patterns()} <= set(pairs), "a qualifier cue's twin is not listed"
    return [(name, pattern, twin) for name, (pattern, twin) in pairs.items()]


TWINS = _twins()

# Pieces of text near which the patterns decide something.
WORDS = ["by", "of", "to", "up", "up to", "as many as", "over", "than", "compared to", "versus", "as", "our", "the",
         "platform", "testbed", "hardware", "target", "on", "using", "results", "experiments", "evaluated", "measured",
         "benchmarks", "tested", "on average", "average", "mean", "while", "whereas", "and", "but", "which", "although",
         "yet", "GPUs", "GPU", "nodes", "cores", "layers", "experts", "A100", "Llama-2", "vLLM", "ImageNet", "respectively",
         "faster", "speedup", "reduction", "improvement", "approximately", "about", "nearly", "more than", "at least",
         "x", "X", "%", "2.49x", "52%", "8", "1,024", "3.5"]
SPACES = [" ", " ", " ", "  ", "\t", "\n", "\x0b", "\x0c", "\r", "\x1c", "\x1f"]
MARKS = [",", ";", ":", ".", "(", ")", "-", "/", "$", "~", "<", ">", "+", "'"]
texts = st.lists(st.one_of(st.sampled_from(WORDS), st.sampled_from(WORDS).map(str.upper), st.sampled_from(SPACES),
                           st.sampled_from(MARKS)), max_size=14).map("".join)


def _corpus_sentences() -> list[str]:
    papers = [m.paper for m in read_and_merge([seed_dir()], RunStats())[1]]
    return [s.text for p in papers for s in split_sentences(p.abstract) if s.text.isascii()]


SENTENCES = _corpus_sentences()


def _same(pattern: regex.Pattern, twin: re.Pattern, text: str, step: int = 1) -> None:
    """match / search / fullmatch from every ``step``-th position (and the windows the extractor cuts) agree."""
    def seen(m):
        return None if m is None else (m.span(), m.groups())

    for pos in range(0, len(text) + 1, step):
        for end in (len(text), min(len(text), pos + 40)):
            for method in ("match", "search", "fullmatch"):
                assert seen(getattr(twin, method)(text, pos, end)) == seen(getattr(pattern, method)(text, pos, end)), \
                    (method, pos, end, text)


def test_every_twin_is_made():
    """A twin the extractor expects is there (not silently the regex pattern again)."""
    assert all(isinstance(twin, re.Pattern) for _, _, twin in TWINS), [n for n, _, t in TWINS if not isinstance(t, re.Pattern)]


@pytest.mark.parametrize("name,pattern,twin", TWINS, ids=[n for n, _, _ in TWINS])
def test_a_twin_reads_the_corpus_as_its_pattern(name, pattern, twin):
    for sentence in SENTENCES[::7]:
        _same(pattern, twin, sentence, step=5)


@settings(max_examples=300, deadline=None)
@given(texts)
def test_the_twins_read_cue_texts_as_their_patterns(text):
    for _, pattern, twin in TWINS:
        _same(pattern, twin, text)


@settings(max_examples=300, deadline=None)
@given(st.one_of(texts, st.sampled_from(SENTENCES)))
def test_hand_written_copies_agree_with_their_patterns(text):
    assert [m.span() for m in clauses.CLAUSE_BREAK_ASCII.finditer(text)] == [m.span() for m in clauses.CLAUSE_BREAK.finditer(text)]
    for name, (quick, plain) in claims.shortcuts()["functions"].items():  # AS_PLATFORM_ANYWHERE, the evaluation cue
        assert quick(text) == plain(text), name


@settings(max_examples=300, deadline=None)
@given(st.one_of(texts, st.sampled_from(SENTENCES).map(lambda s: s[-40:])))
def test_the_setup_cue_read_backwards_finds_what_it_finds_forwards(window):
    for name, (backwards, forwards) in claims.shortcuts()["backwards"].items():
        assert bool(backwards.search(window)) == bool(forwards.search(window)), name


@pytest.mark.parametrize("source,flags", [
    ("\u017fpeed", regex.IGNORECASE),  # a character beyond ASCII that folds to "s" in regex alone
    (r"\u017fpeed", regex.IGNORECASE),  # the same, written as an escape
    (r"\x41\N{LATIN SMALL LETTER A}", 0),
    (r"[[:alpha:]]+", 0),  # regex-only syntax
    (r"speed", regex.IGNORECASE | regex.BESTMATCH),  # a flag re does not have
])
def test_a_pattern_the_engines_could_read_differently_has_no_twin(source, flags):
    assert ascii_twin(regex.compile(source, flags)) is None
