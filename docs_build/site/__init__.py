"""The build side: the Markdown extension any builder loads (`extension`), the
markdown-exec formatters (`formatters`), the page state (`pages`), MathML
(`math`) and the MkDocs-only hooks (`hooks`)."""
