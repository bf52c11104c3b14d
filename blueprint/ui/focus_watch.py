"""Watching the widgets of one kind as each takes the focus: cheaper than watching every
event of the application, and the watcher is there before the first key reaches one."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QWidget


class FocusWatcher(QObject):
    """Becomes the event filter of each widget it ``wants``, as the widget takes the focus
    (once: installing again only moves it first). Made once per application."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        app.focusChanged.connect(self._focus_changed)

    def wants(self, widget: QWidget) -> bool:
        raise NotImplementedError

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is not None and self.wants(new):
            new.installEventFilter(self)

    @classmethod
    def install(cls) -> None:
        """Once per application, however many windows it opens."""
        app = QApplication.instance()
        if isinstance(app, QApplication) and app.findChild(cls) is None:
            cls(app)
