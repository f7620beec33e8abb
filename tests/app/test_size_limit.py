"""A policy file over the size limit: the wizard refuses it, in the interface language."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Static

from exports.store import MAX_FILE_BYTES
from screens.broken_file import BrokenFileScreen
from screens.dialogs import MessageDialog
from screens.start import StartScreen
from tests.app.conftest import SIZE
from wizard.tui.app import StartError, build_app


def _too_large(folder: Path) -> Path:
    """A file one byte over the limit (sparse: it takes no room on the disk)."""
    path = folder / "huge.toml"
    with path.open("wb") as file:
        file.truncate(MAX_FILE_BYTES + 1)
    return path


@pytest.mark.parametrize(
    ("lang", "message"),
    [
        ("en", "{path} is too large for a policy file: 16.0 MiB, over the limit of 16 MiB."),
        ("uk", "{path} завеликий для файлу політики: 16,0 МіБ, а найбільше можна 16 МіБ."),
    ],
)
def test_edit_of_a_file_over_the_limit_is_refused(tmp_path: Path, lang: str, message: str) -> None:
    path = _too_large(tmp_path)
    with pytest.raises(StartError) as caught:
        build_app(path=path, section=None, lang=lang, new=False, from_=None)
    assert (caught.value.code, caught.value.message) == (2, message.format(path=path))


def test_a_new_policy_from_a_file_over_the_limit_is_refused(tmp_path: Path) -> None:
    huge = _too_large(tmp_path)
    with pytest.raises(StartError) as caught:
        build_app(path=tmp_path / "p.toml", section=None, lang="en", new=True, from_=str(huge))
    assert caught.value.code == 2
    assert caught.value.message.startswith(f"{huge} is too large for a policy file")


def test_a_file_without_a_size_is_read_no_further_than_the_limit(tmp_path: Path) -> None:
    endless = tmp_path / "endless.toml"
    endless.symlink_to("/dev/zero")
    with pytest.raises(StartError) as caught:
        build_app(path=endless, section=None, lang="en", new=False, from_=None)
    assert caught.value.message == (
        f"{endless} is too large for a policy file: more than the limit of 16 MiB."
    )


async def test_the_start_screen_refuses_a_file_over_the_limit(tmp_path: Path) -> None:
    path = _too_large(tmp_path)
    app = build_app(path=None, section=None, lang="en", new=False, from_=None)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
        app.screen.post_message(StartScreen.Chosen(path, new=False))
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, MessageDialog)
        assert app.screen.message.startswith(f"{path} is too large for a policy file")
        assert app.state is None


async def test_a_broken_file_that_grew_over_the_limit_is_refused_on_reload(
    tmp_path: Path,
) -> None:
    path = tmp_path / "broken.toml"
    path.write_text("schema_version = = 1\n", encoding="utf-8")
    app = build_app(path=path, section=None, lang="en", new=False, from_=None)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, BrokenFileScreen)
        with path.open("wb") as file:
            file.truncate(MAX_FILE_BYTES + 100)
        await pilot.click("#broken-reload")
        await pilot.pause()
        assert isinstance(app.screen, MessageDialog)
        shown = str(app.screen.query(Static)[1].render())
        assert shown == (
            f"{path} is too large for a policy file: 16.0 MiB, over the limit of 16 MiB."
        )
