"""`kursbygger` from this checkout with nothing installed beforehand, e.g. `python3 scripts/kursbygger.py build`.

The first run makes .venv and installs kursbygger into it (scripts/setup_venv.py); every run passes its arguments on.
"""

import subprocess
import sys

from setup_venv import BIN, ensure  # this script's folder comes first on sys.path

EXTRAS = {"publish": ["publish"], "audit": ["publish"]}  # commands that drive Chromium need Playwright
ensure(EXTRAS.get(sys.argv[1] if len(sys.argv) > 1 else "", []))
try:
    sys.exit(subprocess.call([str(BIN / "kursbygger"), *sys.argv[1:]]))
except KeyboardInterrupt:  # the preview runs until Ctrl+C; kursbygger itself says goodbye
    sys.exit(130)
