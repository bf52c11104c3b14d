# Replaces PyInstaller's hook for PySide6.QtNetwork: the same collection, less what
# tools/bundle_contents.py says the app does not use.
from tools.bundle_contents import qt_hook

hiddenimports, binaries, datas = qt_hook(__file__)
