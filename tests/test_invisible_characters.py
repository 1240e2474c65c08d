"""Invisible characters inside a number never give a wrong value (issue: reliability).

A zero-width space, soft hyphen, word joiner, byte-order mark, direction mark or
combining mark inside a number used to cut it ("9\u200b0%" read as 0%, "2\u00ad.5x"
as .5x). Now such a number is no claim; text around it is read as before, and every
mention is still an exact substring of the abstract.
"""
import pytest

from claimbench.extract.claims import extract_claims
from claimbench.extract.papers import Paper

INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u00ad", "\u2060", "\ufeff", "\u200e", "\u200f", "\u0301"]


@pytest.mark.parametrize("mark", INVISIBLE, ids=[f"U+{ord(m):04X}" for m in INVISIBLE])
@pytest.mark.parametrize("template", ["It cuts latency by 9{m}0%.", "It is 2{m}.5x faster than vLLM.", "It needs 1{m}2 GB of memory."])
def test_a_number_with_an_invisible_character_is_no_claim(template, mark):
    text = template.format(m=mark)
    assert extract_claims(Paper("T", text, "x.txt:1")) == []


@pytest.mark.parametrize("mark", INVISIBLE, ids=[f"U+{ord(m):04X}" for m in INVISIBLE])
def test_invisible_characters_elsewhere_keep_the_claims(mark):
    text = f"{mark}Our system is 2.5x faster than vLLM.{mark} It cuts memory by 30%."
    claims = extract_claims(Paper("T", text, "x.txt:1"))
    assert [(c.mention, c.value) for c in claims] == [("2.5x", 2.5), ("30%", 30.0)]
    assert all(text[c.start : c.end] == c.mention for c in claims)
