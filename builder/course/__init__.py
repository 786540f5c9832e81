"""The course model and its reading: YAML and Markdown sources → model objects with their places (load.py), and every
rule across them (check.py). The room every other one stands on; it imports none of them (tests/test_imports.py)."""
