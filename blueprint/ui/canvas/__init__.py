"""The stage x channel canvas: layout (pure), scene items, the scene and its view.

Importing this package loads no Qt, so the layout can be used and tested without it.
"""
