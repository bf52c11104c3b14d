"""Every pair of colours the canvas draws one on the other, with the contrast it needs
(no Qt).

The pairs come from what the colours say they are drawn on (``palette.DRAWN_ON`` and the
overlays' ``colours.DRAWN_ON``), in the theme in use: a colour on a surface; for a fill (a
score, a severity, a step, a heat pill), each of its colours with the ink ``ink_on`` draws
its number in. The cells under the heat map count with every tint the map can give them.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from .canvas import palette
from .overlays import colours as overlay_colours

#: The heat map's fractions of the largest impact that are checked: tints and pills are
#: mixed in between their stops, so the in-betweens are checked too.
HEAT_SAMPLES = tuple(i / 20 for i in range(21))


@dataclass(frozen=True)
class Pair:
    #: what is drawn, on what: for a failure's message
    what: str
    foreground: str
    background: str
    minimum: float

    @property
    def ratio(self) -> float:
        return palette.contrast_ratio(self.foreground, self.background)

    @property
    def reads(self) -> bool:
        return self.ratio >= self.minimum


def declarations() -> dict[str, tuple[palette.Use, ...]]:
    """Colour name -> what it is drawn on, from the palette and the overlays."""
    return {**palette.DRAWN_ON, **overlay_colours.DRAWN_ON}


def colour_names() -> set[str]:
    """The names of every colour the canvas defines, declared or not."""
    names = set()
    for module in (palette, overlay_colours):
        for name, value in vars(module).items():
            if name.isupper() and _is_colour(value):
                names.add(name)
    return names


def pairs() -> list[Pair]:
    """Every pair to check, in the colours of the theme in use."""
    return [pair for name, uses in declarations().items() for pair in _pairs_of(name, uses)]


def heat_tints() -> list[str]:
    """Every shade a cell takes under the heat map, in the theme in use."""
    return [
        overlay_colours.heat_tint(shade, fraction)
        for shade in (palette.CELL, palette.CELL_ALTERNATE)
        for fraction in HEAT_SAMPLES
    ]


def _pairs_of(name: str, uses: tuple[palette.Use, ...]) -> Iterator[Pair]:
    for use in uses:
        if use == palette.FILL:
            yield from _fill_pairs(name)
        elif isinstance(use, tuple):
            minimum, surfaces = use
            for surface in surfaces:
                for background in _surface(surface):
                    yield Pair(f"{name} on {surface}", _value(name), background, minimum)


def _fill_pairs(name: str) -> Iterator[Pair]:
    """A fill's number or letter on each of its colours; the fill is edged with MARK_EDGE,
    which says what that is drawn on."""
    value = _value(name)
    if name == "HEAT_SCALE":
        fills = {f"{f:.2f}": overlay_colours.heat_colour(f) for f in HEAT_SAMPLES}
    elif isinstance(value, Mapping):
        fills = {str(key): fill for key, fill in value.items()}
    elif name in ("DARK_INK", "WHITE"):
        return  # the inks: ink_on chooses one of them for each fill
    else:
        fills = {"": value}
    for key, fill in fills.items():
        ink = palette.ink_on(fill)
        yield Pair(f"ink on {name}{f' {key}' if key else ''}", ink, fill, palette.TEXT)


def _surface(name: str) -> list[str]:
    if name == palette.HEAT_TINTS:
        return heat_tints()
    return [_value(name)]


def _value(name: str):
    for module in (palette, overlay_colours):
        if hasattr(module, name):
            return getattr(module, name)
    raise KeyError(f"no colour named {name}")


def _is_colour(value: object) -> bool:
    if isinstance(value, str):
        return value.startswith("#") and len(value) == 7
    if isinstance(value, Mapping):
        return all(_is_colour(v) for v in value.values())
    if isinstance(value, tuple):
        return bool(value) and all(_is_colour(v) for v in value)
    return False
