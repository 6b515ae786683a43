#!/usr/bin/env python3
"""Writes bench/results/latest.md from latest.json (table, the issue's targets met or missed with the CPU profile
that shows what limits them, the soak chart) and quotes the table, with its date, in README.md between the
bench-results markers. Run by bench/bench.py; rerun by hand after editing latest.json."""
import json
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
RESULTS = os.path.join(HERE, "results")
BEGIN, END = "<!-- bench-results:begin -->", "<!-- bench-results:end -->"

# The "Reach" list of the issue: figure, comparison, target, and the profile that explains a miss.
TARGETS = [
    ("read.project.gateway.rps", ">=", 10000, "read.project.gateway"),
    ("read.project.gateway.p99", "<=", 20, "read.project.gateway"),
    ("read.ratio.gatewayToDirect", ">=", 0.70, "read.project.gateway"),
    ("read.ratio.directToCeiling", ">=", 0.80, "read.project.direct"),
    ("propagation.municipality.p99", "<=", 250, None),
    ("propagation.newsletter.p99", "<=", 250, None),
    ("sync.changedSince.itemsPerSecond", ">=", 20000, None),
    ("scale.metro-map-svg.p99", "<=", 200, None),
    ("scale.impact-of-a-30-day-slip.p99", "<=", 50, None),
    ("scale.financial-summary.p99", "<=", 300, None),
    ("start.programme-service.seconds", "<=", 3, None),
    ("start.municipality-service.seconds", "<=", 3, None),
    ("start.newsletter-service.seconds", "<=", 3, None),
    ("rss.programme-service.afterLoadMb", "<=", 300, None),
    ("rss.municipality-service.afterLoadMb", "<=", 300, None),
    ("rss.newsletter-service.afterLoadMb", "<=", 300, None),
    ("soak.errors", "<=", 0, None),
    ("soak.programme-service.rssGrowthPercent", "<", 10, None),
    ("soak.municipality-service.rssGrowthPercent", "<", 10, None),
    ("soak.newsletter-service.rssGrowthPercent", "<", 10, None),
]


def met(value, op, target):
    return {">=": value >= target, "<=": value <= target, "<": value < target}[op]


def number(value):
    if value is None:
        return "–"
    return f"{value:,.0f}" if abs(value) >= 100 else f"{value:.2f}".rstrip("0").rstrip(".")


def table(result):
    lines = ["| figure | median | min | max | unit |", "|---|---:|---:|---:|---|"]
    for key, f in result["figures"].items():
        lines.append(f"| {f['what']} (`{key}`) | {number(f['median'])} | {number(f['min'])} | {number(f['max'])} "
                     f"| {f['unit']} |")
    return "\n".join(lines)


def main():
    with open(os.path.join(RESULTS, "latest.json")) as source:
        result = json.load(source)
    figures = result["figures"]
    heading = (f"Measured {result['date']} on {result['cores']} cores, load average before "
               f"{result['load']['before'][0]} / after {result['load']['after'][0]}"
               f"{' — QUICK run (short durations, small scale data set): not the real figures' if result['quick'] else ''}; "
               f"{result['runs']} runs of {result['secondsPerRun']} s after a {result['warmupSeconds']} s warm-up, "
               f"{result['connections']} connections; wrk runs on the same cores."
               + (" Parts measured again later (`BENCH_ONLY`; each figure's `measured` in latest.json): "
                  + "; ".join(f"{', '.join(part['only'])} at {part['date']} (load {part['load']['before'][0]})"
                              for part in result.get("parts", [])[1:]) + "." if len(result.get("parts", [])) > 1 else ""))
    md = ["# Metrokaart benchmark: latest run", "", heading, "", "Written by `bench/run` (bench/bench.py, bench/report.py).",
          "", table(result), "", "## Targets of the issue", "", "| target | measured (median) | |", "|---|---:|---|"]
    missed = []
    for key, op, target, profile in TARGETS:
        f = figures.get(key)
        if not f or f["median"] is None:
            md.append(f"| `{key}` {op} {target} | not measured | |")
            continue
        ok = met(f["median"], op, target)
        md.append(f"| `{key}` {op} {number(target)} {f['unit']} | {number(f['median'])} | {'met' if ok else 'MISSED'} |")
        if not ok:
            missed.append((key, profile))
    md += ["", "## What limits it (CPU profile of the first measured run, % of one core; "
               f"{result['cores']} cores = {result['cores'] * 100} %)", ""]
    for key, profile in result.get("profiles", {}).items():
        if "cpuPercentOfOneCore" not in profile:
            continue
        usage = ", ".join(f"{name} {pct} %" for name, pct in list(profile["cpuPercentOfOneCore"].items())[:10])
        total = sum(profile["cpuPercentOfOneCore"].values())
        md.append(f"- **{profile['what']}** (`{key}`): {usage}; together {total:.0f} % — the rest of the "
                  f"{result['cores'] * 100} % went to the load generator, the kernel and any other process (see the load average).")
    if result.get("jvmOptions"):
        md.append("- **The services' JVMs** run with " + "; ".join(
            f"{name} `{' '.join(options)}`" for name, options in result["jvmOptions"].items())
            + " (deploy/infra ServiceProcess): RSS is the heap the maximum allows plus metaspace, code cache and"
              " threads, so RSS after load follows -Xmx more than the data.")
    memory = result.get("profiles", {}).get("memory")
    if memory:
        md += ["", "## Where the resident memory is after the load (MB; jcmd, bench.memory_breakdown)", "",
               "| service | RSS | heap committed | metaspace committed | code cache used | threads | rest |",
               "|---|---:|---:|---:|---:|---:|---:|"]
        for name, parts in memory["mb"].items():
            md.append(f"| {name} | {number(parts['rssMb'])} | {number(parts['heapCommittedMb'])} | "
                      f"{number(parts['metaspaceCommittedMb'])} | {number(parts['codeCacheUsedMb'])} | {parts['threads']} | "
                      f"{number(parts['restMb'])} |")
        md += ["", "The rest: thread stacks, the collector's structures, the class-data archive mapped in, malloc "
                   "arenas and Netty's buffers."]
    if missed:
        md += ["", "Missed targets: " + ", ".join(f"`{k}`" for k, _ in missed) + ". The CPU split above shows"
               " which process and which thread group spend the time (an event loop at 100 % of one core is the"
               " ceiling of a single-threaded stage; worker threads together near 200 % mean the cores are full)."]
    md += ["", "## Soak: p99 over time", "", "![p99 over time](soak-p99.svg)", "",
           "| at s | req/s | p50 ms | p99 ms | errors |" + "".join(f" {n} MB |" for n in result["soak"][0]["rssMb"])
           if result["soak"] else "", "|---:|---:|---:|---:|---:|" + "---:|" * len(result["soak"][0]["rssMb"])
           if result["soak"] else ""]
    for p in result["soak"]:
        md.append(f"| {p['atSeconds']} | {p['rps']:.0f} | {p['p50Ms']:.1f} | {p['p99Ms']:.1f} | {p['errors']} |"
                  + "".join(f" {mb:.0f} |" for mb in p["rssMb"].values()))
    if result["notes"]:
        md += ["", "## Notes", ""] + [f"- {note}" for note in result["notes"]]
    with open(os.path.join(RESULTS, "latest.md"), "w") as out:
        out.write("\n".join(md) + "\n")

    readme_path = os.path.join(ROOT, "README.md")
    with open(readme_path) as source:
        readme = source.read()
    if BEGIN in readme and END in readme and not result["quick"]:
        quoted = f"{BEGIN}\n{heading}\n\n{table(result)}\n{END}"
        readme = re.sub(re.escape(BEGIN) + ".*?" + re.escape(END), lambda _: quoted, readme, flags=re.S)
        with open(readme_path, "w") as out:
            out.write(readme)


if __name__ == "__main__":
    main()
