"""The block engine. It imports neither MkDocs nor Sybil.

- `fences`: the fence lexer (fences, attributes, malformed fences).
- `kinds`: the registry of executable kinds (`KINDS`); `block` is their base,
  `script` and `console` the two kinds.
- `rules`: what a fence must say before it may run.
- `engine`: runs blocks by (page, session) and words every failure.
- `zygote`, `worker`, `preload`, `capture`: the process every worker is forked
  from (with the preloaded modules, restarted when one is edited), the worker
  that runs a session's blocks, and the captured output with its limit.
- `compare`, `tracebacks`: doctest's comparison, and tracebacks without paths.
- `settings`: the time and output limits; `audit`: every fence accounted for.
- `cache`: the execution cache `make serve` replays unchanged sessions from.
"""
