# reportlab finds its C accelerator (the rl-accel package's _rl_accel) with exec(), which
# PyInstaller cannot see: without this the bundle would write the same PDFs through
# reportlab's pure-Python fallbacks, a fifth slower.
hiddenimports = ["_rl_accel"]
