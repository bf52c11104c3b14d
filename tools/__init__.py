"""Tools that build and check the desktop app; not part of the installed package."""
