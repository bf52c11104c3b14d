"""Two reportlab behaviours adjusted while a plan is being built, and restored after.

- Streams: reportlab encodes every stream in ASCII85 by default (``rl_config.useA85``), a
  legacy of 7-bit mail. In pure Python that took a tenth of the time of a large plan and
  made the file a fifth larger; streams stay compressed without it.
- Text beyond U+FFFF (emoji, rare CJK, math letters) drawn from a fallback font: reportlab
  5.1 writes its ToUnicode entry as an odd-length hex string, so PDF readers cannot copy or
  search it. The entry must be the UTF-16 code units (a surrogate pair); for every other
  character the output is unchanged.

Both are module-level settings of reportlab, so they are set for the duration of one build
only. Two plans built at the same time in two threads would see each other's settings, which
are the same.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from reportlab import rl_config
from reportlab.pdfbase import ttfonts


def _utf16_hex(codepoint: int) -> str:
    return chr(codepoint).encode("utf-16-be", "surrogatepass").hex().upper()


def to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """reportlab's ``makeToUnicodeCMap`` with each character as UTF-16 code units."""
    original = ttfonts_make_to_unicode(fontname, subset)
    head, _, rest = original.partition("beginbfchar\n")
    _, _, tail = rest.partition("\nendbfchar")
    entries = "\n".join(f"<{i:02X}> <{_utf16_hex(c)}>" for i, c in enumerate(subset))
    return f"{head}beginbfchar\n{entries}\nendbfchar{tail}"


ttfonts_make_to_unicode = ttfonts.makeToUnicodeCMap


@contextmanager
def reportlab_adjusted() -> Iterator[None]:
    saved_a85, saved_cmap = rl_config.useA85, ttfonts.makeToUnicodeCMap
    rl_config.useA85 = 0
    ttfonts.makeToUnicodeCMap = to_unicode_cmap
    try:
        yield
    finally:
        rl_config.useA85 = saved_a85
        ttfonts.makeToUnicodeCMap = saved_cmap
