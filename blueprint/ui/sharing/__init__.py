"""Files shared on a drive or in a sync folder: who has one open, changes made on disk, and
the conflicting copies sync tools leave, merged in from the editor."""

from .install import Sharing, install_sharing
from .merge_with import MergeWith, install_merge_with

__all__ = ["MergeWith", "Sharing", "install_merge_with", "install_sharing"]
