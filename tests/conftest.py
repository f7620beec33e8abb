"""Every test keeps away from the user's own state dir (recent files, drafts, locks), and
runs with strict texts: a catalogue key missing or a message that cannot be filled
raises (`schemas.texts.TextError`) instead of showing the key, also in the programs
the tests start (the variable is inherited)."""

import os
from collections.abc import Iterator

import pytest

os.environ["PRESENCE_STRICT_TEXTS"] = "1"
# The interface language follows the locale (LC_ALL first): the tests' own is English,
# whatever the machine's; a test that wants Ukrainian says --lang uk or sets it.
os.environ["LC_ALL"] = "C.UTF-8"


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
