from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from riskcheck.ruleset import clear_cache, load_ruleset

FIXTURES = Path(__file__).parent / "fixtures"
MINI = FIXTURES / "mini_data"


@pytest.fixture
def mini():
    """A small, controlled ruleset (fixture data, not the bundled data) for testing the rules themselves."""
    return load_ruleset(MINI)


@pytest.fixture
def mini_copy(tmp_path):
    """A writable copy of the mini data folder."""
    dest = tmp_path / "data"
    shutil.copytree(MINI, dest)
    clear_cache()
    yield dest
    clear_cache()
