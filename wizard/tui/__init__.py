"""The wizard's Textual top: the app and what it does besides showing screens.

`app` (`PresenceApp`: one screen per step, the app-wide keys, language, quitting,
`run_wizard`), `save_flow` (saving without loss: autosave, recovery, locks, conflicts,
failures), `palette` (the command palette's commands) and `key_handlers` (ctrl+e in
`$EDITOR`, alt+r revert). It builds on `screens` and `wizard.core`; only `wizard.cli`
imports it, and only when the wizard opens. Importing this package loads nothing.
"""
