"""The report's typed error: a message a person can act on, never a traceback."""

from __future__ import annotations


class ReportError(Exception):
    """The PDF plan could not be made: the bundled fonts are missing, the paper size is
    unknown, or the plan could not be laid out.

    A failed write of the output is a ``blueprint.storage.SaveError`` instead, as for every
    other file blueprint writes, so that callers report all write failures the same way.
    """
