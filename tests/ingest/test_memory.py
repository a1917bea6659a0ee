"""Memory stays flat: a generated ~200 MB CSV is streamed in a fresh process whose peak RSS barely grows."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
ROWS_PER_BLOCK = 10_000

# The peak is read as VmHWM after resetting it (clear_refs 5): ru_maxrss would start from the parent's
# high-water mark, which a long test run makes larger than anything this child does.
MEASURE = r"""
import csv, json, re, sys, time
sys.path.insert(0, sys.argv[1])
from ingest.readers import open_table

def status(name):
    return int(re.search(name + r":\s+(\d+)", open("/proc/self/status").read()).group(1))

path, mode = sys.argv[2], sys.argv[3]
open("/proc/self/clear_refs", "w").write("5")
before = status("VmRSS")
started = time.perf_counter()
count = problems = 0
if mode == "reader":
    with open_table(path) as table:
        for row in table.rows:
            count += 1
            problems += bool(row.problems)
        notes = [n.code for n in table.notes]
elif mode == "slurp":  # control: proves the measure sees a file held in memory
    with open(path, encoding="utf-8", newline="") as handle:
        lines = handle.readlines()
    count, notes = len(lines) - 1, []
else:
    with open(path, newline="", encoding="utf-8") as handle:
        for row in csv.reader(handle):
            count += 1
    count -= 1
    notes = []
elapsed = time.perf_counter() - started
after = status("VmHWM")
print(json.dumps({"rows": count, "problems": problems, "seconds": elapsed, "growth_kib": after - before,
                  "notes": notes}))
"""


def generate(path: Path, target_bytes: int) -> int:
    rows = 0
    with open(path, "w", encoding="utf-8", newline="") as out:
        out.write("catalogNumber,scientificName,locality,eventDate,decimalLatitude,decimalLongitude,remarks,count\r\n")
        block = 0
        while out.tell() < target_bytes:
            start = block * ROWS_PER_BLOCK
            out.write("".join(
                f'HB{n:09d},Pinus massoniana var. {n % 97},"Hubei, Wuhan, 洪山区",2024-05-{n % 28 + 1:02d},'
                f'30.{n % 10000:04d},114.{n % 9999:04d},"note ""quoted"" {n}{chr(10) + "second line" if n % 1000 == 0 else ""}",'
                f"{n % 7}\r\n" for n in range(start, start + ROWS_PER_BLOCK)))
            rows += ROWS_PER_BLOCK
            block += 1
    return rows


def measure(path: Path, mode: str) -> dict:
    result = subprocess.run([sys.executable, "-c", MEASURE, str(REPO), str(path), mode], capture_output=True,
                            text=True, check=True, timeout=600)
    return json.loads(result.stdout)


@pytest.mark.slow
def test_200_mb_csv_streams_in_flat_memory(tmp_path):
    path = tmp_path / "big.csv"
    expected = generate(path, 200 * 10 ** 6)
    assert path.stat().st_size >= 200 * 10 ** 6
    ours = measure(path, "reader")
    bare = measure(path, "csv")
    assert ours["rows"] == bare["rows"] == expected and ours["problems"] == 0 and ours["notes"] == []
    assert ours["growth_kib"] < 50 * 1024, ours
    assert measure(path, "slurp")["growth_kib"] > 150 * 1024  # the same measure does see a slurped file
    print(f"\nreader: {ours['rows'] / ours['seconds']:,.0f} rows/s ({ours['seconds']:.1f} s, "
          f"peak RSS +{ours['growth_kib'] / 1024:.1f} MiB); bare csv.reader: {bare['rows'] / bare['seconds']:,.0f} "
          f"rows/s ({bare['seconds']:.1f} s, +{bare['growth_kib'] / 1024:.1f} MiB)")
