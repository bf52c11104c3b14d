"""Performance benchmarks of blueprint (never run by the tests).

Run the suite with ``uv run python -m benchmarks.run``; generate a large file with
``uv run python -m benchmarks.generate OUT.blueprint``. See docs/performance.md.
"""
