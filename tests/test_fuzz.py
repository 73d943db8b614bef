"""The fuzz benchmark, small: damaged inputs made from the shared data never crash a reader,
a stage or the archive, and every rejection says why.

On CI (``CI=true``) it runs 2,000 inputs; elsewhere 600 by default, which take about two
minutes on a busy two-core machine (2,000 take six or seven); ``MARSAD_FUZZ_INPUTS`` sets
another count. The 100,000-input figures are in the README, with the command.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from .conftest import DATA, ROOT, need


def test_damaged_inputs_never_crash_and_every_rejection_has_a_reason() -> None:
    need(DATA / "news" / "ant-multisource-2018.jsonl.gz")
    need(DATA / "html" / "cnn-arabic-2013" / "page.html")
    default = "2000" if os.environ.get("CI") == "true" else "600"
    inputs = int(os.environ.get("MARSAD_FUZZ_INPUTS", default))
    bench = Path(ROOT) / "benchmarks" / "bench_fuzz.py"
    done = subprocess.run(
        [sys.executable, str(bench), "--inputs", str(inputs), "--seed", "15", "--batch", "300",
         "--cli", "1"],
        capture_output=True, text=True, timeout=1800, check=False,
    )  # fmt: skip
    out = done.stdout
    assert done.returncode == 0, out + done.stderr[-3000:]
    assert re.search(rf"^inputs:\s+{inputs}$", out, re.M)
    for line in ("crashes:         0", "stage failures:  0", "reason-less:     0"):
        assert line in out, out
    assert "archive:         intact, counts match" in out
    records = int(re.search(r"^records:\s+(\d+)", out, re.M).group(1))  # type: ignore[union-attr]
    salvaged = int(re.search(r"^salvaged:\s+(\d+)", out, re.M).group(1))  # type: ignore[union-attr]
    assert records > inputs // 4 and salvaged > 0
