"""Benchmarks: a synthetic corpus generator and the read-and-split floor to compare against."""
