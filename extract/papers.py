"""The unit of input: one paper (title and abstract) and where it was read from."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field


def paper_id_for(title: str) -> str:
    """A stable id for a paper: the first 10 hex digits of sha1(lower-cased title).

    Titles are stripped and their inner white space folded first, so the same
    paper read from two dumps gets the same id.

    >>> paper_id_for("LLMOPT: Learning to Define and Solve General Optimization Problems from Scratch")
    '02766bd313'
    """
    folded = " ".join(title.split()).lower()
    return hashlib.sha1(folded.encode("utf-8")).hexdigest()[:10]


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
