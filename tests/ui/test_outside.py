"""A viewer or browser started from the Linux app bundle gets the user's own environment,
not the bundle's library and plugin paths."""

from blueprint.ui.outside import outside_environment

BUNDLE = "/home/ana/.local/opt/blueprint/_internal"


def test_the_bundles_paths_are_taken_out_and_the_users_own_put_back():
    environ = {
        "HOME": "/home/ana",
        "LD_LIBRARY_PATH": BUNDLE,
        "LD_LIBRARY_PATH_ORIG": "/opt/mine/lib",
        "QT_PLUGIN_PATH": f"{BUNDLE}/PySide6/Qt/plugins",
        "PATH": "/usr/bin:/bin",
    }
    assert outside_environment(environ, BUNDLE) == {
        "HOME": "/home/ana",
        "LD_LIBRARY_PATH": "/opt/mine/lib",
        "PATH": "/usr/bin:/bin",
    }


def test_a_path_the_bundle_set_with_nothing_before_it_is_dropped():
    environ = {"LD_LIBRARY_PATH": BUNDLE, "LANG": "de_DE.UTF-8"}
    assert outside_environment(environ, BUNDLE) == {"LANG": "de_DE.UTF-8"}


def test_outside_the_bundle_qt_opens_it_as_usual():
    assert outside_environment() is None  # the tests do not run from the bundle
