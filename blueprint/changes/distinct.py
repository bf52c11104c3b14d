"""Two values that differ, said so that they read differently.

A diff line says a field's value before and after as a person reads it: numbers to six
significant digits, text on one line with its white space run together and clipped, a
reference as the name of what it names. Two values that differ can read the same that way:
a cost of 1.2345678 and 1.2345679, notes that differ in their line endings, in spaces, or
only after the clip, a link to another touchpoint of the same title. A line saying
"1.23457 -> 1.23457" tells nothing, so then, and only then, the two are said exactly:
numbers in full, text from just before where it starts to differ with its white space
shown (a line break as ↵, a carriage return as ␍, a tab as ⇥, any other invisible character
by its code point), a difference only in line endings by their names (CRLF, LF), a
reference with its id.
"""

from __future__ import annotations

import json
import re
import unicodedata
from typing import Any

from .fields import JSON, NUMBER, REFERENCE, TEXT
from .words import CLIP, Names

#: How much of the text before its first difference an excerpt shows.
CONTEXT = 20
#: White space shown as a sign, and the names of line endings.
SIGNS = {"\n": "↵", "\r": "␍", "\t": "⇥"}
ENDINGS = {"\r\n": "CRLF", "\n": "LF", "\r": "CR"}
_ENDING = re.compile(r"\r\n|\r|\n")
_SHOWN_AS_IS = ("L", "N", "P", "S")


def value_pair(
    kind: str, old: Any, new: Any, before: Names, after: Names, item_kind: str = ""
) -> tuple[str, str]:
    """The words for a field's value before and after: as ``Names.value`` says them, or,
    when the two differ but would read the same, exactly enough to tell them apart."""
    said = before.value(kind, old, item_kind), after.value(kind, new, item_kind)
    if said[0] != said[1] or old == new:
        return said
    if kind == NUMBER and _is_number(old) and _is_number(new):
        return repr(old), repr(new)
    if kind == REFERENCE:
        return f"{said[0]} (id {_ids(old)})", f"{said[1]} (id {_ids(new)})"
    if kind == TEXT and isinstance(old, str) and isinstance(new, str):
        return text_pair(old, new)
    if kind == JSON:
        as_json = (json.dumps(v, ensure_ascii=False) for v in (old, new))
        return text_pair(*as_json, quoted=False)
    return said


def text_pair(old: str, new: str, quoted: bool = True) -> tuple[str, str]:
    """Two texts that read the same on one line, told apart."""
    if _ENDING.sub("\n", old) == _ENDING.sub("\n", new):
        return f"line endings {_endings(old)}", _endings(new)
    begin = _start(old, _common_prefix(old, new))
    return _excerpt(old, begin, quoted), _excerpt(new, begin, quoted)


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _ids(value: Any) -> str:
    return ", ".join(value) if isinstance(value, list) else str(value)


def _endings(text: str) -> str:
    found = list(dict.fromkeys(ENDINGS[e] for e in _ENDING.findall(text)))
    if not found:
        return "none"
    return found[0] if len(found) == 1 else "mixed " + " and ".join(found)


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def _start(text: str, difference: int) -> int:
    """Where an excerpt showing ``difference`` starts: some way before it, at a word."""
    begin = max(0, difference - CONTEXT)
    space = text.rfind(" ", max(0, begin - CONTEXT // 2), begin)
    return space + 1 if begin and space >= 0 else begin


def _excerpt(text: str, begin: int, quoted: bool) -> str:
    """``text`` from ``begin``, at most ``CLIP`` characters of it, white space shown."""
    part = text[begin : begin + CLIP]
    shown = ("…" if begin else "") + visible(part) + ("…" if begin + CLIP < len(text) else "")
    return f"'{shown}'" if quoted else shown


def visible(text: str) -> str:
    """Text with every character that does not show itself made visible: line breaks,
    carriage returns and tabs as signs, others (a no-break space, a zero-width space, an
    accent on its own) by code point. A plain space stays a space."""
    return "".join(_visible(c) for c in text)


def _visible(char: str) -> str:
    if char == " ":
        return char
    if char in SIGNS:
        return SIGNS[char]
    if unicodedata.category(char).startswith(_SHOWN_AS_IS):
        return char
    return f"⟨U+{ord(char):04X}⟩"
