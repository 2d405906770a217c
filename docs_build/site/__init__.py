"""The build side: the Markdown extension any builder loads (`extension`), the
markdown-exec formatters (`formatters`), the page state (`pages`), MathML
(`math`), the MkDocs-only hooks (`hooks`, and `distribution`: the wheel, the
offline zip and the footer's commit from `provenance`), `release` (what
`make wheel`, `make offline` and `make pdf` make) and `safe_build` (`make build`)."""
