"""Benchmarks for nnfs_ref: `python -m bench` (or `make bench`)."""
