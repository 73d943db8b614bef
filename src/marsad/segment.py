"""Finding title, lead and paragraphs in plain text.

A crawler's text dump puts the title on the first line, often a standfirst
(lead) as a short line of its own, then one paragraph per line, with page
furniture around them. Blank lines group lines into blocks; a lead is a block
of one short line that does not read like a finished sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .furniture import FurnitureRules, default_rules
from .text import normalize

__all__ = ["Segments", "clean_lines", "lead_unless_repeated", "segment_text"]

#: A lead is at most this many words (the sample's standfirst has 13).
LEAD_MAX_WORDS = 45
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")


@dataclass(slots=True)
class Segments:
    title: str = ""
    lead: str | None = None
    paragraphs: list[str] = field(default_factory=list)
    boilerplate: list[str] = field(default_factory=list)


def clean_lines(text: str) -> list[str]:
    """Lines with unified newlines and spaces, stripped; blank lines kept as ''."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    return [_SPACES.sub(" ", line).strip() for line in text.split("\n")]


def _blocks(lines: list[str]) -> list[list[str]]:
    blocks: list[list[str]] = [[]]
    for line in lines:
        if line:
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    return [b for b in blocks if b]


def segment_text(text: str, rules: FurnitureRules | None = None) -> Segments:
    """Title, lead, paragraphs of a text dump; furniture before the title goes to boilerplate."""
    rules = rules or default_rules()
    blocks = _blocks(clean_lines(text))
    seg = Segments()
    _skip_furniture(blocks, seg, rules)
    if not blocks:
        return seg
    seg.title = blocks[0].pop(0)
    if not blocks[0]:
        blocks.pop(0)
    _skip_furniture(blocks, seg, rules)
    if len(blocks) >= 2 and _is_lead(blocks[0], rules):
        seg.lead = blocks.pop(0)[0]
    seg.paragraphs = [line for block in blocks for line in block]
    return seg


def _skip_furniture(blocks: list[list[str]], seg: Segments, rules: FurnitureRules) -> None:
    """Date lines, bylines and share bars between the title and the lead go to boilerplate."""
    while blocks and rules.line_reason(blocks[0][0]) is not None:
        seg.boilerplate.append(blocks[0].pop(0))
        if not blocks[0]:
            blocks.pop(0)


def _is_lead(block: list[str], rules: FurnitureRules) -> bool:
    if len(block) != 1 or rules.line_reason(block[0]) is not None:
        return False
    line = block[0]
    return len(line.split()) <= LEAD_MAX_WORDS and not line.endswith((".", "!", ":"))


def lead_unless_repeated(lead: str | None, paragraphs: list[str]) -> str | None:
    """A summary that merely repeats the body's opening (RSS descriptions, page
    descriptions do) is no lead; anything else is, with its spaces tidied."""
    text = " ".join((lead or "").split())
    if not text:
        return None
    probe = normalize(text).rstrip(".… ")[:60]
    head = normalize(" ".join(paragraphs[:2]))
    return None if probe in head else text
