"""Start-up of `tdkt extract`: the wall time of the command on a three-line file, and where it goes.

    .venv/bin/python bench/bench_startup.py [--repeat 5]

Each phase is timed in a fresh interpreter, best of `repeat` (imports are cached per process, so
a phase measured after another would look free). Target (issue #16): the whole command <= 0.8 s.
Prints, never asserts.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TDKT = Path(sys.executable).with_name("tdkt")

# each phase runs after the ones before it (not timed) in a fresh interpreter
PHASES: list[tuple[str, str]] = [
    ("CLI (typer and the subcommands)", "import tdkt.cli.main"),
    ("spaCy import", "import spacy"),
    ("underthesea import", "import underthesea"),
    ("word segmentation model (first call)", "underthesea.word_tokenize('Tặng Bằng khen')"),
    ("award taxonomy (patterns compiled)", "from domain.taxonomy import load_taxonomy; load_taxonomy()"),
    ("tdkt spaCy pipeline built", "from extract.nlp.pipeline import get_nlp; get_nlp()"),
]


def best_wall(cmd: list[str], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True, cwd=ROOT)
        times.append(time.perf_counter() - start)
    return min(times)


def phase_time(before: list[str], code: str, repeat: int) -> float:
    timed = "\n".join(["import time as _t", *before, "_s = _t.perf_counter()", code, "print(_t.perf_counter() - _s)"])
    times = []
    for _ in range(repeat):
        proc = subprocess.run([sys.executable, "-c", timed], check=True, capture_output=True, text=True, cwd=ROOT)
        times.append(float(proc.stdout.strip().splitlines()[-1]))
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="tdkt-startup-") as tmp:
        tiny = Path(tmp) / "ngan.txt"
        tiny.write_text("UBND XÃ NA SANG\nBÁO CÁO\nNăm 2021 xã được tặng 3 Bằng khen.\n", encoding="utf-8")
        python = best_wall([sys.executable, "-c", "pass"], args.repeat)
        whole = best_wall([str(TDKT), "extract", str(tiny), "--format", "json"], args.repeat)
        help_ = best_wall([str(TDKT), "--help"], args.repeat)
    print(f"tdkt extract (3-line file, json): {whole:5.2f} s   (target <= 0.8 s)")
    print(f"tdkt --help:                      {help_:5.2f} s")
    print(f"python -c pass:                   {python:5.2f} s")
    before: list[str] = []
    for name, code in PHASES:
        print(f"  {name:<40} {phase_time(before, code, args.repeat):5.2f} s")
        before.append(code)


if __name__ == "__main__":
    main()
