"""Fonts: the bundled DejaVu Sans, and installed fonts for the characters it lacks.

The bundled font draws Latin, Greek, Cyrillic and the common symbols, so the plan looks the
same on every machine. For anything else (CJK, other scripts, symbols) the installed fonts
are searched, in the folders of ``SYSTEM_FONT_DIRS`` (tests point it at a folder of their
own). Coverage is read from each file's cmap once per process and cached.
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import registerFontFamily
from reportlab.pdfbase.ttfonts import TTFont

from .cmap import FaceInfo, read_faces
from .resources import resource_path

REGULAR = "BlueprintSans"
BOLD = "BlueprintSans-Bold"

_BUNDLED_FILES = {REGULAR: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf"}
#: Invisible bidi controls DejaVu Sans lacks (the isolates of Unicode 6.3, the Arabic letter
#: mark). It has the older ones (U+200E, U+202A...) as an empty glyph of no width; these are
#: given that glyph, so that they take no room on a line and are never looked for elsewhere.
INVISIBLE_CONTROLS = "\u061c\u2066\u2067\u2068\u2069"
_EMPTY = 0x200E  # LEFT-TO-RIGHT MARK
FONT_SUFFIXES = (".ttf", ".otf", ".ttc")


def default_font_dirs() -> list[Path]:
    """Where Linux, macOS and Windows keep installed fonts, system-wide and per user."""
    dirs = [Path("/usr/share/fonts"), Path("/usr/local/share/fonts")]
    try:
        home = Path.home()
    except RuntimeError:  # no home folder known (a stripped-down service account)
        home = None
    if home is not None:
        dirs += [home / ".fonts", home / ".local/share/fonts", home / "Library/Fonts"]
    dirs += [Path("/Library/Fonts"), Path("/System/Library/Fonts")]
    windows = os.environ.get("WINDIR", r"C:\Windows")
    dirs.append(Path(windows) / "Fonts")
    if local := os.environ.get("LOCALAPPDATA"):
        dirs.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
    return dirs


#: Folders searched, in order, for fonts that draw what the bundled font cannot.
SYSTEM_FONT_DIRS: list[Path] = default_font_dirs()


@dataclass(frozen=True, slots=True)
class BundledFonts:
    regular: str
    bold: str
    #: Every character both the regular and the bold face draw, as one-character strings: a
    #: set test on a whole string (``set(text) <= covered``) is the fast path for most text.
    covered: frozenset[str]


_bundled: BundledFonts | None = None


def bundled_fonts() -> BundledFonts:
    """Register the bundled fonts with reportlab (once per process) and describe them."""
    global _bundled
    if _bundled is None:
        for name, filename in _BUNDLED_FILES.items():
            if name not in pdfmetrics.getRegisteredFontNames():
                pdfmetrics.registerFont(TTFont(name, str(resource_path("fonts", filename))))
            _draw_as_nothing(name, INVISIBLE_CONTROLS)
        # <b> in a paragraph picks the bold face. The plan sets nothing in italics, so <i>
        # (never in user text: it is escaped) keeps the upright faces.
        registerFontFamily(REGULAR, normal=REGULAR, bold=BOLD, italic=REGULAR, boldItalic=BOLD)
        # User text is set in the regular and the bold face, so a character counts as
        # covered when both draw it.
        covered = _drawable(REGULAR) & _drawable(BOLD)
        _bundled = BundledFonts(REGULAR, BOLD, covered)
    return _bundled


def _draw_as_nothing(name: str, chars: str) -> None:
    face = pdfmetrics.getFont(name).face
    glyph, width = face.charToGlyph[_EMPTY], face.charWidths.get(_EMPTY, 0)
    for char in chars:
        face.charToGlyph.setdefault(ord(char), glyph)
        face.charWidths.setdefault(ord(char), width)


def _drawable(name: str) -> frozenset[str]:
    face = pdfmetrics.getFont(name).face
    return frozenset(chr(c) for c, glyph in face.charToGlyph.items() if glyph)


# --- installed fonts ------------------------------------------------------------------------

#: Faces read from each font file, by (path, size, mtime): a file replaced is read again.
_faces_cache: dict[tuple[str, int, int], list[FaceInfo]] = {}
#: Registered reportlab name of each usable face; None when reportlab refused it.
_registered: dict[tuple[Path, int], str | None] = {}


def font_files(dirs: list[Path]) -> list[Path]:
    """Font files under ``dirs`` (recursively), each folder's files in name order."""
    found: list[Path] = []
    seen: set[Path] = set()
    for folder in dirs:
        try:
            candidates = sorted(p for p in folder.rglob("*") if p.suffix.lower() in FONT_SUFFIXES)
        except OSError:
            continue
        for path in candidates:
            if path not in seen and path.is_file():
                seen.add(path)
                found.append(path)
    return found


def faces_of(path: Path) -> list[FaceInfo]:
    try:
        stat = path.stat()
    except OSError:
        return []
    key = (str(path), stat.st_size, stat.st_mtime_ns)
    if key not in _faces_cache:
        _faces_cache[key] = read_faces(path)
    return _faces_cache[key]


def _register(face: FaceInfo) -> str | None:
    key = (face.path, face.index)
    if key not in _registered:
        # Named from the path, so the same file gets the same name in every process.
        stem = re.sub(r"[^A-Za-z0-9]+", "-", face.path.stem)[:40]
        digest = hashlib.sha1(str(face.path).encode("utf-8", "surrogateescape")).hexdigest()[:8]
        name = f"BlueprintFallback-{stem}-{face.index}-{digest}"
        try:
            pdfmetrics.registerFont(TTFont(name, str(face.path), subfontIndex=face.index))
        except Exception:  # reportlab refuses some fonts (restricted embedding, odd tables)
            _registered[key] = None
        else:
            # A fallback run inside bold or italic text keeps this face: it has no others.
            registerFontFamily(name, normal=name, bold=name, italic=name, boldItalic=name)
            _registered[key] = name
    return _registered[key]


@dataclass(frozen=True, slots=True)
class FallbackFont:
    name: str  # as registered with reportlab
    source: str  # the file, for the render result ("path" or "path#index" in a collection)


class FallbackFonts:
    """Finds, for one render, an installed font for each character the bundled font lacks."""

    def __init__(self, dirs: list[Path] | None = None) -> None:
        self._dirs = list(SYSTEM_FONT_DIRS if dirs is None else dirs)
        self._files: list[Path] | None = None
        self._by_char: dict[int, FallbackFont | None] = {}

    def font_for(self, codepoint: int) -> FallbackFont | None:
        """The first installed font that draws ``codepoint``, or None when none does."""
        if codepoint not in self._by_char:
            self._by_char[codepoint] = self._search(codepoint)
        return self._by_char[codepoint]

    def _search(self, codepoint: int) -> FallbackFont | None:
        if self._files is None:
            self._files = font_files(self._dirs)
        for path in self._files:
            for face in faces_of(path):
                if codepoint in face.coverage and (name := _register(face)):
                    if not _draws(name, codepoint):
                        continue
                    source = str(path) if face.index == 0 else f"{path}#{face.index}"
                    return FallbackFont(name, source)
        return None


def _draws(name: str, codepoint: int) -> bool:
    """Whether the font reportlab will use under ``name`` has a glyph for ``codepoint``.

    reportlab registers a second font file with the PostScript name of one it already has
    as that first font (an installed DejaVu Sans is the bundled one): the glyph must be in
    the font actually drawn, or it would print as an empty box.
    """
    return bool(pdfmetrics.getFont(name).face.charToGlyph.get(codepoint))
