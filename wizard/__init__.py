"""presence: the wizard that writes a brand presence policy, and the `presence` command.

`wizard.cli` is the command line, `wizard.tui` the Textual app and `wizard.core` what
both work on without Textual (the policy's state, drafts, locks, revisions, texts);
the screens (`screens/`) stand between the app and the core (docs/ARCHITECTURE.md).
Importing this package loads nothing heavy: the Textual app lives in `wizard.tui.app`
and is imported only when the wizard opens.
"""
