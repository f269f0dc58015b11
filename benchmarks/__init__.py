"""Benchmarks: run as modules (python -m benchmarks.io_benchmark)."""
