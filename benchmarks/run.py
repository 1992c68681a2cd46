"""Run the performance suite: every ``benchmarks/bench_*.py``, each in its own process.

    make bench                 # all of them
    make bench ONLY=import     # those whose file name contains "import"

Each benchmark prints its own figures (medians, and the ratio to a baseline
measured in the same run, since this machine is shared and noisy) and may
write JSON to benchmarks/results/. A benchmark that misses its target exits
non-zero; the runner reports it and carries on with the others.
"""

import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def main() -> int:
    only = os.environ.get("ONLY", "")
    scripts = sorted(p for p in HERE.glob("bench_*.py") if only in p.stem)
    if not scripts:
        print(f"No benchmark matches {only!r}.")
        return 1
    (HERE / "results").mkdir(exist_ok=True)
    failed = []
    for script in scripts:
        print(f"\n=== {script.stem} ===", flush=True)
        started = time.monotonic()
        result = subprocess.run([sys.executable, str(script)], cwd=ROOT)
        print(
            f"--- {script.stem}: {'ok' if result.returncode == 0 else 'MISSED TARGET OR FAILED'} "
            f"({time.monotonic() - started:.0f} s)"
        )
        if result.returncode:
            failed.append(script.stem)
    if failed:
        print(f"\nMissed or failed: {', '.join(failed)}")
        return 1
    print("\nAll benchmarks met their targets.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
