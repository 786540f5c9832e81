"""What a build makes of a checked course: the pages (render.py, templates/, the learner runtime in runtime/), the
manifest of each output standard (targets.py, scorm.py) and the deterministic zip (package.py). Stands on course/
only (tests/test_imports.py)."""
