"""The frozen app's entry point: the same ``main`` as the ``blueprint`` command."""

from blueprint.cli import main

raise SystemExit(main())
