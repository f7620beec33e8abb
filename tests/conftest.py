"""Every test keeps away from the user's own state dir (recent files, drafts, locks)."""

import os
from collections.abc import Iterator

import pytest


@pytest.fixture(autouse=True, scope="session")
def _no_user_state(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """A fallback state dir for the session; the app tests set one per test."""
    previous = os.environ.get("PRESENCE_STATE_DIR")
    os.environ["PRESENCE_STATE_DIR"] = str(tmp_path_factory.mktemp("state"))
    yield
    if previous is None:
        del os.environ["PRESENCE_STATE_DIR"]
    else:
        os.environ["PRESENCE_STATE_DIR"] = previous


@pytest.fixture(autouse=True)
def _no_stale_reports() -> Iterator[None]:
    """A state file set aside in one test is never reported in another."""
    from wizard.core import statefile

    statefile.take_reports()
    yield
    statefile.take_reports()
