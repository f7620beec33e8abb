"""The wizard's screens and dialogs (Textual): one module, and its `.tcss`, per screen.

The section screens (one per step, on `base.SectionScreen`), the start, help and
broken-file screens, the dialogs, and in `widgets/` the widgets they share;
`textual_tricks` holds every call into Textual's private parts. Screens
build on `wizard.core` (state, flow, texts) and never import the app above them
(`wizard.tui`), which imports each section screen when its step is first shown.
"""
