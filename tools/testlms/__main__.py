"""Open a built zip in the test LMS by hand: python -m tools.testlms dist/<course>-scorm12.zip"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from builder.outputs.targets import REGISTERED

from .harness import Site


def main(argv: list[str]) -> int:
    if len(argv) != 1 or not Path(argv[0]).is_file():
        print("usage: python -m tools.testlms PATH/TO/PACKAGE.zip", file=sys.stderr)
        return 2
    zip_path = Path(argv[0])
    version = next((t.id for t in REGISTERED.values() if t.made(zip_path.name)), None)
    if version is None:
        print(f"{zip_path.name}: not a name kursbygger builds (<course>-<target>.zip, targets: "
              f"{', '.join(t.suffix for t in REGISTERED.values())})", file=sys.stderr)
        return 2
    site = Site()
    sco = site.add_zip("manual", zip_path)
    print(f"Test LMS (SCORM {version}) at {site.base}/host/host.html")
    print("Open it, then run in the browser console:")
    print(f"  launch({{version: '{version}', sco: '{sco}', launch: {json.dumps(site.launch_data(version, sco))}}})")
    print("Reload and launch again to come back as the same learner; add newAttempt: true to start a new attempt.")
    print("Inspect what the LMS stored with lmsData(), lmsAttempts(sco) and lmsCalls. Ctrl-C stops the server.")
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        site.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
