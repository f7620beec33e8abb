"""The policy file and what is made from it (no Textual).

Reading and writing the TOML file without losing hand edits (`store`, `positions`,
`rewrite`, `tomlrender`, `atomic`), the exported documents (`markdown`, `html` and
their parts) and the differences between two policies (`diff`). It builds on
`schemas` alone.
"""
