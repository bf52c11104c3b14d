"""The PDF's fonts, for the editor: registered with reportlab and with Qt.

The staircase picture is drawn by the report's own code, which measures text with the
bundled DejaVu Sans (reportlab's registry), and painted by Qt, which must draw the same
font or centred labels drift. The plan export registers the same fonts from its thread;
reportlab's registry is a plain module-level dict, so the first registration is locked.
"""

from __future__ import annotations

import threading

from PySide6.QtGui import QFontDatabase

from ...report.fonts import BundledFonts, bundled_fonts
from ...report.resources import resource_path

_REPORTLAB_LOCK = threading.Lock()
#: What Qt calls the bundled font once it has it (None: not yet added).
_qt_family: str | None = None
FALLBACK_FAMILY = "DejaVu Sans"


def reportlab_fonts() -> BundledFonts:
    """The bundled fonts, registered with reportlab once, from whichever thread asks first."""
    with _REPORTLAB_LOCK:
        return bundled_fonts()


def qt_font_family() -> str:
    """The family name under which Qt draws the bundled font (added to Qt once)."""
    global _qt_family
    if _qt_family is None:
        family = FALLBACK_FAMILY  # an installed DejaVu, or Qt's nearest match
        for filename in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"):
            font_id = QFontDatabase.addApplicationFont(str(resource_path("fonts", filename)))
            families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
            if families:
                family = families[0]
        _qt_family = family
    return _qt_family
