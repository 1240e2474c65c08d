"""The unit of input: one paper (title and abstract) and where it was read from."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field


def paper_id_for(title: str) -> str:
    """A stable id for a paper: the first 16 hex digits (64 bits) of sha1(folded, lower-cased title).

    Titles are stripped and their inner white space folded first, so the same
    paper read from two dumps gets the same id. Two different titles get the
    same id with a chance of about n**2 / 2**65 among n papers (2e-7 at 2.7M
    papers); when they do, the dedup passes see it (:func:`title_check` differs)
    and set the later one aside as a reject instead of merging them.

    >>> paper_id_for("LLMOPT: Learning to Define and Solve General Optimization Problems from Scratch")
    '02766bd313f1991b'
    >>> paper_id_for("  LLMOPT: Learning to Define and Solve General\\nOptimization Problems from   Scratch ")
    '02766bd313f1991b'
    """
    return folded_title_id(" ".join(title.split()))


def folded_title_id(folded: str) -> str:
    """:func:`paper_id_for` of a title whose white space is already folded (``" ".join(title.split()) == folded``).

    >>> folded_title_id("LLMOPT: Learning to Define and Solve General Optimization Problems from Scratch")
    '02766bd313f1991b'
    """
    return hashlib.sha1(folded.lower().encode("utf-8")).hexdigest()[:16]


def title_check(title: str) -> int:
    """A second 64-bit fingerprint of the folded, lower-cased title, independent of the paper id (blake2b, not sha1).

    Records with the same ``paper_id`` are the same paper only when this agrees too; otherwise
    their titles differ and the id collided (see :mod:`claimbench.extract.dedup`). Both ids and
    checks would have to collide for two titles to be merged: about n**2 / 2**129 among n papers.

    >>> title_check("A  Title ") == title_check("a title"), title_check("A title") == title_check("A titles")
    (True, False)
    """
    folded = " ".join(title.split()).lower()
    return int.from_bytes(hashlib.blake2b(folded.encode("utf-8", "surrogatepass"), digest_size=8).digest(), "big")


@dataclass(frozen=True)
class Paper:
    """One paper as read from an input.

    ``source`` is ``file:line`` of the record; ``external_id`` is the id the
    input gave (an arXiv id, say), if any.
    """

    title: str
    abstract: str
    source: str
    external_id: str | None = None
    categories: tuple[str, ...] = ()
    update_date: str | None = None
    paper_id: str = field(default="")

    def __post_init__(self) -> None:
        if not self.paper_id:
            object.__setattr__(self, "paper_id", paper_id_for(self.title))
