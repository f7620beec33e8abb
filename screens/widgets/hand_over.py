"""A list whose keys act in their turn, and that passes on the keys that were already
on their way to it when it gave the focus away.

The app hands each key to the widget that has the focus when the key's turn comes in
the app's queue, so a burst typed on a list (Enter, End, letters) is queued on the
list before the list has handled Enter; and a key bound to the list acts only once
it has travelled up to the app, after the keys behind it were handled. So the list
runs its own keys' actions as it receives them (Enter on an entry focuses a field at
once), and a key that reaches it after the focus moved goes on to the widget that
has the focus now, in the order typed: End then moves that field's cursor and the
letters go in after it, instead of End moving the list's highlight and the letters
being dropped.
"""

from __future__ import annotations

import functools

from textual import events
from textual.binding import BindingsMap
from textual.widgets import OptionList


@functools.cache
def own_keys(kind: type[OptionList]) -> dict[str, str]:
    """The action of each key the lists of `kind` bind themselves (not the app's
    priority keys), a subclass's binding before its base class's."""
    actions: dict[str, str] = {}
    for cls in kind.__mro__:
        for key, bindings in BindingsMap(cls.__dict__.get("BINDINGS", [])).key_to_bindings.items():
            for binding in bindings:
                if not binding.priority:
                    actions.setdefault(key, binding.action)
    return actions


class HandingOverList(OptionList):
    """An `OptionList` whose keys act in their turn and whose late keys go to the widget
    that has the focus now."""

    async def on_key(self, event: events.Key) -> None:
        focused = self.app.focused  # on the screen on top: a dialog this list opened
        if focused is not self:
            if focused is not None:
                event.stop()
                event.prevent_default()
                focused.post_message(events.Key(event.key, event.character))
            return
        action = own_keys(type(self)).get(event.key)
        if action is not None:
            event.stop()
            event.prevent_default()
            await self.run_action(action)
