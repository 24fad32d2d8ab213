"""The hostile-input catalogue (../shared/hostile/gen_cases.py), generated once per session into a temp dir.

Also the checks every hostile test shares: what may never reach a terminal, and the command line run
in-process with its output captured.
"""

from __future__ import annotations

import importlib.util
import io
import json
import re
import subprocess
import sys
from collections.abc import Iterator, Sequence
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from reader.cli.main import main
from tests.conftest import SHARED, english_messages

GENERATOR = SHARED / "hostile" / "gen_cases.py"

# What must never reach a terminal: C0 controls but tab and newline (CR included: it overwrites the line),
# DEL, C1, bidi embeddings/overrides/isolates and marks, zero-width and other invisible format characters,
# line/paragraph separators, tag characters and lone surrogates.
FORBIDDEN = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff"
    "\ufff9-\ufffb\ud800-\udfff\U000e0000-\U000e007f]"
)
# Rich's own styling when it writes to a terminal: SGR only (colours, bold...).
SGR = re.compile(r"\x1b\[[0-9;]*m")


@dataclass(frozen=True)
class Catalogue:
    """The generated files, the manifest (what each case is and must do) and the generator's constants."""

    root: Path
    manifest: dict[str, dict[str, Any]]
    gen: ModuleType

    def path(self, name: str) -> Path:
        """The file of a case, by its file name (e.g. 'f13_ansi_csi_raw.xml')."""
        return self.root / self.manifest[name]["path"]

    def names(self, folder: str) -> set[str]:
        """Every case file name under feeds/, articles/ or config/."""
        return {n for n, c in self.manifest.items() if c["path"].startswith(folder + "/")}


@pytest.fixture(scope="module", autouse=True)
def english_throughout() -> Iterator[None]:
    """The hostile catalogue's expectations are the messages as the code writes them, in English."""
    with english_messages():
        yield


@pytest.fixture(scope="session")
def catalogue(tmp_path_factory: pytest.TempPathFactory) -> Catalogue:
    if not GENERATOR.is_file():
        pytest.skip(f"{GENERATOR} is not available")
    out = tmp_path_factory.mktemp("hostile")
    subprocess.run([sys.executable, str(GENERATOR), "--skip-big", "--out", str(out / "cases"),
                    "--md", str(out / "CASES.md")], check=True, capture_output=True, timeout=120)
    entries = json.loads((out / "cases" / "manifest.json").read_text(encoding="utf-8"))
    manifest = {Path(e["path"]).name: e for e in entries}
    spec = importlib.util.spec_from_file_location("hostile_gen_cases", GENERATOR)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # defines the cases in memory; writes nothing
    return Catalogue(out / "cases", manifest, module)


def forbidden_in(text: str) -> str | None:
    """A description of the first character that must not reach a terminal, or None."""
    found = FORBIDDEN.search(text)
    if found is None:
        return None
    at = found.start()
    return f"U+{ord(found.group()):04X} at {at}: {text[max(0, at - 40):at + 40]!r}"


def assert_clean(text: str, where: str = "") -> None:
    """No control, escape, bidi or invisible character in text."""
    problem = forbidden_in(text)
    assert problem is None, f"{where}: {problem}"


def assert_terminal_clean(text: str, where: str = "") -> None:
    """Output written for a real terminal: Rich's SGR styling and nothing else."""
    assert_clean(SGR.sub("", text), where)


@dataclass(frozen=True)
class CliRun:
    code: int
    out: str
    err: str


def run_cli(args: Sequence[str], *, columns: int = 400) -> CliRun:
    """reader.cli.main.main in-process, stdout and stderr captured as a pipe would see them."""
    out, err = io.StringIO(), io.StringIO()
    with pytest.MonkeyPatch.context() as env:
        env.setenv("COLUMNS", str(columns))
        env.setenv("LINES", "50")
        for name in ("FORCE_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE", "NO_COLOR"):
            env.delenv(name, raising=False)
        with redirect_stdout(out), redirect_stderr(err):
            code = main(list(args))
    return CliRun(code, out.getvalue(), err.getvalue())

