# Replaces the contributed hook for python-pptx, which collects pptx/templates only.
# python-pptx opens its notes templates as pptx/oxml/../templates/NAME.xml: in the bundle its
# code lives in the archive, so pptx/oxml is no folder and the path does not resolve
# ("No such file or directory", caught by the smoke test's deck). A file in pptx/oxml (its
# __init__.py, as data) makes the folder exist; pptx/shapes likewise, for the icons.
from PyInstaller.utils.hooks import collect_data_files

datas = collect_data_files(
    "pptx",
    include_py_files=True,
    includes=["templates/*", "oxml/__init__.py", "shapes/__init__.py"],
)
