"""Character-for-character normalization that keeps every offset valid.

Abstracts arrive with unicode dashes, minus signs, multiplication signs,
tildes and odd spaces. The extractor matches on a normalized copy of the
text in which each character is replaced by exactly one character, so an
offset into the copy is the same offset into the original, and a mention is
always cut from the original text, byte for byte.

Multi-character residue of LaTeX or PDF conversion (``\\%``, ``\\times``,
``$\\sim$``, ``\\textless``, ``x2014``) cannot be folded this way; the
patterns in :mod:`claimbench.extract.numbers` accept those forms directly.

>>> normalize("2.4× faster – about ∼3 ms")
'2.4x faster - about ~3 ms'
>>> len(normalize("a\u00a0b")) == len("a\u00a0b")
True
>>> normalize("9\u200b0% and 2\u00ad.5x")
'9_0% and 2_.5x'
"""
from __future__ import annotations

# Every character folded is outside ASCII (see normalize).
_TABLE = str.maketrans(
    {
        "\u2010": "-",  # hyphen
        "\u2011": "-",  # non-breaking hyphen
        "\u2012": "-",  # figure dash
        "\u2013": "-",  # en dash
        "\u2014": "-",  # em dash
        "\u2212": "-",  # minus sign
        "\u00d7": "x",  # multiplication sign
        "\u223c": "~",  # tilde operator
        "\u2248": "~",  # almost equal to
        "\u301c": "~",  # wave dash
        "\uff5e": "~",  # fullwidth tilde
        "\u00a0": " ",  # no-break space
        "\u2009": " ",  # thin space
        "\u202f": " ",  # narrow no-break space
        "\u2002": " ",  # en space
        "\u2003": " ",  # em space
        "\uff05": "%",  # fullwidth percent
        "\u2264": "<",  # less-than or equal to
        "\u2265": ">",  # greater-than or equal to
        "\u2019": "'",  # right single quotation mark
        "\u03bc": "\u00b5",  # Greek small mu, as the micro sign: "9.1 \u03bcs"
    }
)
# Invisible characters (zero-width space, joiners, soft hyphen, word joiner, byte-order mark, direction
# marks and embeddings, combining diacritics) fold to "_", a word character: a number they stand inside
# ("9\u200b0%", "2\u00ad.5x") is then glued to it and read as no claim, never as a wrong one ("0%", ".5x").
_INVISIBLE = [0x00AD, 0x034F, 0x061C, 0x180E, 0xFEFF, *range(0x200B, 0x2010), *range(0x202A, 0x202F), *range(0x2060, 0x2070),
              *range(0x0300, 0x0370), *range(0xFE00, 0xFE10)]
_TABLE.update({code: "_" for code in _INVISIBLE})
# The same characters deleted: what a text holds once they are taken out ("is a title only invisible characters?").
WITHOUT_INVISIBLE = {code: None for code in _INVISIBLE}


def blank(text: str) -> bool:
    """The text holds nothing but white space and invisible characters.

    >>> blank("  "), blank("\u200b\ufeff "), blank("A title")
    (True, True, False)
    """
    return not text or text.isspace() or (not text.isascii() and not text.translate(WITHOUT_INVISIBLE).strip())


def normalize(text: str) -> str:
    """The text with look-alike characters folded to ASCII, one for one.

    ASCII text has none of them: it is returned as it is, without a pass of ``translate``.

    >>> normalize("x = 2") == "x = 2"
    True
    """
    if text.isascii():
        return text
    return text.translate(_TABLE)
