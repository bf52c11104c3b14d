"""Talk on the blueprint: comment threads on its entities, and the merge conflicts to decide."""

from .install import TalkTools, install_comments

__all__ = ["TalkTools", "install_comments"]
