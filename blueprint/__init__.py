"""blueprint: a desktop editor for service blueprints."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("blueprint")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.0.0+unknown"
