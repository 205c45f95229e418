#!/usr/bin/env python3
"""coop/std ratio table from coop_bench's JSON output (see run.sh).

For each benchmark pair BM_X<Coop>[/args] and BM_X<Std>[/args], takes the best (minimum)
repetition of each side: CPU time for single-threaded loops, real (manual) time for
benchmarks that time themselves, and the custom counters where the benchmark reports
its result as counters (latency percentiles, per-callback cost, memory).
"""
import json
import re
import sys
from collections import defaultdict

COUNTERS = ["ns_per_callback", "heap_bytes", "allocations", "sizeof_source", "sizeof_token", "sizeof_callback"]
EXTRA = ["copies_per_poll"]


def main(path):
    with open(path) as f:
        data = json.load(f)
    runs = defaultdict(list)
    for b in data["benchmarks"]:
        if b.get("run_type", "iteration") != "iteration":
            continue
        runs[b["run_name"]].append(b)

    def best(name, key):
        values = [r[key] for r in runs.get(name, []) if key in r]
        return min(values) if values else None

    def time_key(name):
        return "real_time" if ("manual_time" in name or "real_time" in name) else "cpu_time"

    rows = []
    pattern = re.compile(r"^(BM_\w+)<Coop>(.*)$")
    for name in runs:
        m = pattern.match(name)
        if not m:
            continue
        std_name = f"{m.group(1)}<Std>{m.group(2)}"
        if std_name not in runs:
            continue
        label = m.group(1)[3:] + m.group(2).replace("/manual_time", "").replace("/real_time", "").replace(
            "/iterations:1", "")
        counters = [c for c in COUNTERS if c in runs[name][0]]
        if counters:
            for c in counters:
                coop_v, std_v = best(name, c), best(std_name, c)
                rows.append((f"{label} [{c}]", coop_v, std_v))
        else:
            k = time_key(name)
            rows.append((f"{label} [ns]", best(name, k), best(std_name, k)))
        for c in EXTRA:  # context for the row above, from the same (fastest) repetition
            if c in runs[name][0]:
                k = time_key(name)
                fastest = lambda n: min(runs[n], key=lambda r: r[k])[c]
                rows.append((f"{label} [{c}]", fastest(name), fastest(std_name)))
        if m.group(1) == "BM_StopRequested":
            raw = best("BM_RawAtomicLoadAcquire", "cpu_time")
            rows.append(("StopRequested vs raw atomic<bool> acquire load [ns]", best(name, "cpu_time"), raw))

    # Benchmarks that measure both sides in one run (interleaved): coop_X / std_X counters.
    # Their repetitions are summarised by the median, latency tails being noisy.
    for name, reps in runs.items():
        for key in sorted(reps[0]):
            if not key.startswith("coop_"):
                continue
            other = "std_" + key[len("coop_"):]
            if other not in reps[0]:
                continue
            med = lambda k: sorted(r[k] for r in reps)[len(reps) // 2]
            rows.append((f"{name.split('/')[0][3:]} [{key[len('coop_'):]}, median of {len(reps)} runs]",
                         med(key), med(other)))

    order = ["StopRequested [", "StopRequested vs", "StopRequestedWhileCopying", "TokenCopy", "CallbackRegister",
             "RequestStopPerCallback/1 ", "RequestStopPerCallback/1000", "StopToWakeLatency", "StopStateMemory"]
    rank = lambda label: next((i for i, p in enumerate(order) if label.startswith(p)), len(order))
    rows.sort(key=lambda row: rank(row[0]))  # stable: keeps counter order within a benchmark

    print("| benchmark | coop | std (libstdc++) | coop/std |")
    print("|---|---:|---:|---:|")
    for label, c, s in rows:
        ratio = f"{c / s:.2f}" if c is not None and s else "n/a"
        print(f"| {label} | {c:.3g} | {s:.3g} | {ratio} |")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "coop_bench.json")
