"""The machinery that makes the site's code blocks executable and tested.

- `fences`: finds code fences and their attributes in Markdown text.
- `sessions`: which blocks share names (the `session=` attribute).
- `console`: runs a `pycon` block like a REPL and checks its written output.
- `script`: runs a `python` block and captures what it prints.
- `formatters`: plugs the two runners into markdown-exec for the build.
- `hooks`: the MkDocs hooks (named in mkdocs.yml).
- `sybil_blocks`: the same runners as pytest items, through Sybil.
"""
