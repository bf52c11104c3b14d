"""Live collaboration in the editor: the binding of a window's document to a
``collab.LiveSession``, the Share/Join dialogs, presence on the cards, the status line."""

from .install import LiveMode, install_live

__all__ = ["LiveMode", "install_live"]
