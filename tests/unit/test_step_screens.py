"""Every step of the flow names a screen class that exists: the app imports it as
`wizard.core.flow` says and has no stand-in screen, so a wrong name is caught here."""

from __future__ import annotations

import importlib

import pytest

from screens.base import SectionScreen, StepScreen
from wizard.core.flow import STEPS, Step


@pytest.mark.parametrize("step", STEPS, ids=lambda step: step.name)
def test_each_step_names_its_screen(step: Step) -> None:
    module_name, _, class_name = step.screen.partition(":")
    screen = getattr(importlib.import_module(module_name), class_name, None)
    assert isinstance(screen, type) and issubclass(screen, StepScreen), step.screen
    assert step.name == screen.STEP
    # The review has its own base; every other step edits fields of its section.
    assert issubclass(screen, SectionScreen) == (step.section != "review")
