"""File › Compare With…: another version of the blueprint on the same grid."""

from .install import CompareWith, install_compare_with

__all__ = ["CompareWith", "install_compare_with"]
