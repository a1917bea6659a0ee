"""Benchmarks run by `make bench`; each bench_*.py module has run() → rows of (measure, value, unit)."""
