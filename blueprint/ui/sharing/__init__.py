"""Files shared on a drive or in a sync folder: who has one open, changes made on disk, and
the conflicting copies sync tools leave, merged in from the editor."""

from .install import Sharing, install_sharing

__all__ = ["Sharing", "install_sharing"]
