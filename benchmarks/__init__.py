"""Benchmarks for kursbygger: build speed and memory, package weight, learner start-up (python -m benchmarks)."""
