"""The wizard's core, without Textual: the policy being edited and what is kept beside it.

`service` (the rules of opening, creating and exporting a policy that the command
line and the wizard both follow), `state` (the policy as plain data and its
problems), `flow` (the steps in order), `session` (one editing session of one file:
draft, lock, revision entry), `drafts`, `lock`, `recent`, `revisions`, `references`
(rubric → platform names), `minutes` (durations as people type them), `settings`
(the wizard's timings and clock), `startup` (the process start-up and the garbage
collector) and `i18n` (every text of the interface, in English and Ukrainian).
The screens, the app and the command line build on these modules; they import only
`exports`, `schemas` and the standard library, never Textual, `screens` or the rest
of `wizard` (the `layers` contract in pyproject.toml).
"""
