"""The block engine. It imports neither MkDocs nor Sybil.

- `fences`: the fence lexer (fences, attributes, malformed fences).
- `kinds`: the registry of executable kinds (`KINDS`); `block` is their base,
  `script` and `console` the two kinds.
- `rules`: what a fence must say before it may run.
- `engine`: runs blocks by (page, session) and words every failure.
- `worker`, `zygote`, `session`, `proctree`, `preload`: the process layer, in
  one direction: the parent's handle on a worker, the process every worker is
  forked from (with the preloaded modules, restarted when one is edited), what a
  worker runs (a session's blocks), and what both sides use (process trees,
  dying with the parent).
- `capture`, `output`: the captured output with its limit, and the one
  normalisation of what a page shows (no path of this machine, no raw control
  character).
- `compare`, `tracebacks`: doctest's comparison, and tracebacks without paths.
- `settings`: the time and output limits; `audit`: every fence accounted for.
- `cache`: the execution cache `make serve` replays unchanged sessions from.
"""
