"""Live collaboration: a blueprint in a Yjs document, shared through a y-websocket server.

Qt-free (import-linter checks it): ``layout``/``mapping``/``repair`` put a blueprint in a
Yjs document and read it back valid; ``primitives`` are the editor's changes; ``server`` is
``blueprint serve``; ``client`` keeps a document in a room; ``session`` is what the editor
binds to. docs/collaboration.md describes the layout, the rules and the set-up.
"""
