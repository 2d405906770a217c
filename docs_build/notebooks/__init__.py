"""Every lesson as a Jupyter notebook: `convert` (page to notebook), `prose`
(Markdown that Jupyter renders), `hooks` (the MkDocs hooks that publish them)."""
