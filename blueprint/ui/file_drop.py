"""Files dropped on the window: the file, wherever on the window it lands, is opened.

The canvas views take drags themselves (a QGraphicsScene accepts every drag it is shown),
so a file dropped on the canvas would vanish there: a filter on each of them takes file
drags first, and leaves every other drag to the view.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QMimeData, QObject, QTimer, Signal
from PySide6.QtWidgets import QGraphicsView, QWidget

_DRAG_EVENTS = (QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop)


def dropped_file(mime: QMimeData) -> Path | None:
    """The one local file being dragged; None for text, several files, or remote URLs.

    Any file is accepted, whatever its extension: opening it says clearly what is wrong
    with a file that is not a blueprint.
    """
    if not mime.hasUrls():
        return None
    urls = mime.urls()
    if len(urls) != 1 or not urls[0].isLocalFile():
        return None
    path = Path(urls[0].toLocalFile())
    return None if path.is_dir() else path


class FileDropTarget(QObject):
    #: a file was dropped on one of the watched widgets
    fileDropped = Signal(object)

    def watch(self, widget: QWidget) -> None:
        widget.setAcceptDrops(True)
        widget.installEventFilter(self)

    def watch_window(self, window: QWidget) -> None:
        """The window and every graphics view in it, as they are now."""
        self.watch(window)
        for view in window.findChildren(QGraphicsView):
            self.watch(view.viewport())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() not in _DRAG_EVENTS:
            return False
        path = dropped_file(event.mimeData())  # type: ignore[attr-defined]
        if path is None:
            return False
        event.acceptProposedAction()  # type: ignore[attr-defined]
        if event.type() == QEvent.Type.Drop:
            # Opened once the drop is over: a question asked inside the drop would hold
            # up the program the file came from until it is answered.
            QTimer.singleShot(0, self, lambda: self.fileDropped.emit(path))
        return True
