"""No module of blueprint.ui takes part in an import cycle.

The main window composes the features (``ui/workbench.py``); a feature imports what it uses,
never the window, so it can be read and tested alone. A cycle would tie it to the window again.
Imports made only for type checking count: "menus imports MainWindow for its types" is how
the last circle through the window was drawn. (pyproject's ``acyclic_siblings`` contract
checks the same between packages; this names the modules.)
"""

import grimp

UI = "blueprint.ui"


def ui_imports(graph: grimp.ImportGraph) -> dict[str, set[str]]:
    """Each module of the ui package -> the ui modules it imports.

    Python runs a package's ``__init__`` before any module in it, and those of the ui
    package import their ``install`` modules: ``from .inspector.selection import X`` runs
    ``inspector/__init__.py`` too, so it counts as importing the package as well.
    """
    modules = {m for m in graph.modules if m == UI or m.startswith(UI + ".")}
    edges = {m: graph.find_modules_directly_imported_by(m) & modules for m in modules}
    for importer, imported in [(m, i) for m, targets in edges.items() for i in targets]:
        package = imported.rpartition(".")[0]
        while package in edges and not _inside(importer, package):
            edges[importer].add(package)
            package = package.rpartition(".")[0]
    return edges


def _inside(module: str, package: str) -> bool:
    """Whether importing ``module`` has already run ``package``."""
    return module == package or module.startswith(package + ".")


def import_cycles(edges: dict[str, set[str]]) -> list[tuple[list[str], int]]:
    """Each group of modules that import each other (Tarjan's strongly connected
    components): a shortest way round it, ``[a, b, c, a]``, and how many modules it holds."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    groups: list[set[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        for imported in sorted(edges[module]):
            if imported not in index:
                visit(imported)
                low[module] = min(low[module], low[imported])
            elif imported in stack:
                low[module] = min(low[module], index[imported])
        if low[module] == index[module]:
            group = set()
            while not group or module not in group:
                group.add(stack.pop())
            if len(group) > 1 or module in edges[module]:
                groups.append(group)

    for module in sorted(edges):
        if module not in index:
            visit(module)
    return sorted((_way_round(edges, group), len(group)) for group in groups)


def _way_round(edges: dict[str, set[str]], group: set[str]) -> list[str]:
    start = min(group)
    came_from: dict[str, str] = {}
    frontier = [start]
    while frontier:
        following = []
        for module in frontier:
            for imported in sorted(edges[module] & group):
                if imported == start:
                    way = [module]
                    while way[-1] != start:
                        way.append(came_from[way[-1]])
                    return [start, *reversed(way[:-1]), start]
                if imported not in came_from:
                    came_from[imported] = module
                    following.append(imported)
        frontier = following
    raise AssertionError(f"no way round {sorted(group)}")


def test_no_module_of_the_ui_takes_part_in_an_import_cycle():
    graph = grimp.build_graph("blueprint", exclude_type_checking_imports=False, cache_dir=None)
    cycles = import_cycles(ui_imports(graph))
    assert not cycles, "import cycles in blueprint.ui:\n" + "\n".join(
        f"{' -> '.join(m.removeprefix(UI + '.') for m in way)} "
        f"(of {size} modules that import each other)"
        for way, size in cycles
    )


def test_a_cycle_is_named_module_by_module():
    graph = grimp.ImportGraph()
    for importer, imported in [
        ("main_window", "structure.install"),
        ("structure.install", "menus"),
        ("menus", "main_window"),  # for its types only
        ("menus", "settings"),
        ("lanes", "lanes.install"),  # the package's __init__
        ("lanes.install", "workbench"),
        ("workbench", "lanes.tabs"),  # runs lanes/__init__.py first
    ]:
        graph.add_import(importer=f"{UI}.{importer}", imported=f"{UI}.{imported}")
    named = [
        ([m.removeprefix(UI + ".") for m in way], size)
        for way, size in import_cycles(ui_imports(graph))
    ]
    assert named == [
        (["lanes", "lanes.install", "workbench", "lanes"], 3),
        (["main_window", "structure.install", "menus", "main_window"], 3),
    ]
