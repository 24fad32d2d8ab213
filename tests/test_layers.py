"""The rules of the house, read from the imports: each package imports only the layers beneath it.

Every import statement of every module counts, those inside functions and `if TYPE_CHECKING:` too: a
lazy import is still a dependency.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "reader"

# The reader packages each one may import (its own modules always); the package docstrings say the same.
ALLOWED: dict[str, frozenset[str]] = {
    "models": frozenset(),
    "settings": frozenset({"models", "text"}),
    "text": frozenset({"models", "settings", "store"}),
    "store": frozenset({"models"}),
    "feeds": frozenset({"models", "settings", "text", "store"}),
    "article": frozenset({"models", "settings", "text", "store", "feeds"}),
    "annotate": frozenset({"models", "settings"}),
    "demo": frozenset({"models", "settings"}),
    "matches": frozenset({"models", "settings", "text", "store", "feeds", "annotate"}),
    "cli": frozenset({"models", "settings", "text", "store", "feeds", "article", "annotate", "demo", "matches",
                      "ui"}),
    "ui": frozenset({"models", "settings", "text", "store", "feeds", "article", "annotate", "demo", "matches"}),
    "__main__": frozenset({"cli"}),
}
# Only the two packages on top draw on the terminal's framework.
TEXTUAL_ALLOWED = frozenset({"cli", "ui"})


def layer_of(path: Path) -> str:
    """The package a module belongs to: its first folder under reader/, or its name for a top module."""
    parts = path.relative_to(PACKAGE).parts
    return parts[0] if len(parts) > 1 else path.stem


def imports(path: Path) -> Iterator[tuple[int, str]]:
    """(line, module) for every import in the file, relative imports resolved."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = path.relative_to(PACKAGE.parent).with_suffix("").parts[:-node.level]
                module = ".".join((*base, node.module or ""))
            else:
                module = node.module or ""
            yield node.lineno, module
            if module == "reader":  # `from reader import x`: x is the package imported (not __version__)
                for alias in node.names:
                    if not alias.name.startswith("__"):
                        yield node.lineno, f"reader.{alias.name}"


def violations(path: Path) -> Iterator[str]:
    """Every import of the file that breaks a rule, as 'file:line: what'."""
    layer = layer_of(path)
    where = path.relative_to(PACKAGE.parent)
    for line, module in imports(path):
        top = module.split(".")[0]
        if top == "textual" and layer not in TEXTUAL_ALLOWED:
            yield f"{where}:{line}: imports {module}: only reader.cli and reader.ui may import Textual"
        if top != "reader" or module == "reader":
            continue
        target = module.split(".")[1]
        if target != layer and target != "__init__" and target not in ALLOWED[layer]:
            yield f"{where}:{line}: imports {module}: reader.{layer} may not import reader.{target}"


def modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)


def test_every_module_belongs_to_a_known_layer() -> None:
    unknown = sorted({layer_of(p) for p in modules()} - set(ALLOWED) - {"__init__"})
    assert not unknown, f"packages with no rule in ALLOWED: {unknown}"


def test_no_module_imports_a_layer_above_it_or_textual_below_the_ui() -> None:
    broken = [v for path in modules() for v in violations(path)]
    assert not broken, "\n".join(broken)


@pytest.mark.parametrize(("layer", "source", "message"), [
    ("store", "from reader.ui.app import run_tui\n", "reader.store may not import reader.ui"),
    ("annotate", "def f():\n    from reader.store import Store\n", "reader.annotate may not import reader.store"),
    ("annotate", "from reader import feeds\n", "reader.annotate may not import reader.feeds"),
    ("feeds", "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import textual.app\n",
     "only reader.cli and reader.ui may import Textual"),
    ("text", "from ..cli import console\n", "reader.text may not import reader.cli"),
])
def test_the_rule_names_the_file_line_and_import_that_break_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                layer: str, source: str, message: str) -> None:
    fake = tmp_path / "reader"
    (fake / layer).mkdir(parents=True)
    module = fake / layer / "bad.py"
    module.write_text(source, encoding="utf-8")
    monkeypatch.setattr(__import__(__name__, fromlist=["PACKAGE"]), "PACKAGE", fake)
    found = list(violations(module))
    assert len(found) == 1 and message in found[0] and found[0].startswith(f"reader/{layer}/bad.py:")
