"""--json output: every command's strings are cleaned for display, dates become ISO text."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from reader.cli.jsonout import jsonable, print_json


def test_strings_are_cleaned_at_every_depth_and_dates_become_iso_text(capsys: pytest.CaptureFixture[str]) -> None:
    hostile = "Inter\x1b]52;c;cGF5\x07–Milan \u202eodnom\x9b31m"
    data = {"matches": [{"home": hostile, "kickoff": datetime(2026, 11, 29, 19, 45, tzinfo=UTC),
                         "articles": ({"title": hostile, "id": 7},)}]}
    assert print_json(data) == 0
    out = capsys.readouterr().out
    assert not any(ch in out for ch in "\x1b\x07\x9b\u202e")
    parsed = json.loads(out)
    assert parsed["matches"][0]["kickoff"] == "2026-11-29T19:45:00+00:00"
    assert parsed["matches"][0]["articles"][0] == {"title": jsonable(hostile), "id": 7}
    assert jsonable(hostile).startswith("Inter") and "Milan" in jsonable(hostile)
