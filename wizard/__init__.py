"""presence: the wizard that writes a brand presence policy, and the `presence` command.

Importing this package loads nothing heavy: the Textual app lives in `wizard.app`
and is imported only when the wizard opens.
"""
