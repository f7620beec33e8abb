"""Whether a widget is being taken down with the app.

The app builds the next step's screen ahead, off-screen, and a key can change the
screen at any moment; a quit or a signal that comes meanwhile ends the app while such
a screen is still being put together. Its widgets' mount and resume handlers then run
on children that are gone (or never came): they must do nothing.
"""

from __future__ import annotations

from textual.dom import DOMNode


def going(node: DOMNode) -> bool:
    """True when the app is ending (asked to exit, or stopped) or `node` is no longer
    part of it: nobody will see what it would show."""
    app = node.app
    return not app.is_running or app.return_code is not None or not node.is_attached
