"""The test run's own summary: tests that cannot run without ../shared are counted, with the reason."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.conftest import REPO


def test_a_run_without_the_shared_corpora_says_how_many_tests_did_not_run_and_why() -> None:
    env = {**os.environ, "SPORTREADER_SHARED": "/nonexistent/shared"}
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/test_corpus.py",
                           "tests/test_sanitize.py"], cwd=REPO, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout[-2000:]
    assert ("1 of 1 skipped tests need /nonexistent/shared (the shared corpora and the hostile-input catalogue), "
            "which is not available: they did not run.") in done.stdout
