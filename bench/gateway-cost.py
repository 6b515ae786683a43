#!/usr/bin/env python3
"""What one single-project GET costs through the gateway and directly, back to back: CPU milliseconds per request
of each process (nginx, programme-service per JVM thread group, PostgreSQL) read from /proc/<pid>/task/*/stat.
CPU per request is a figure the machine's other load hardly changes, unlike req/s and latency; the load average is
recorded with each round. Start the suite first (deploy/run-local with METROKAART_GATEWAY_RATE/_BURST at 100000).

    python3 bench/gateway-cost.py [rounds]      # default 3 rounds of gateway + direct, BENCH_DURATION s each

Prints one JSON line per round, then all rounds. METROKAART_PORT_OFFSET, BENCH_DURATION, BENCH_WARMUP and
BENCH_JIT_WARMUP as for bench.py. A token verified once is not verified again (platform CachedTokenIdentityProvider);
start the suite with METROKAART_SECURITY_VERIFIED_TOKENS_MAX_ENTRIES=0 to measure without that cache.
"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench  # noqa: E402  (bench.py's wrk, token and /proc helpers)


def cost(port, path, bearer):
    pids = bench.process_pids()
    flat = [pid for group in pids.values() for pid in group]
    before = bench.cpu_ticks(flat)
    result = bench.wrk(port, path, bench.DURATION, bearer)
    after = bench.cpu_ticks(flat)
    hz = os.sysconf("SC_CLK_TCK")
    owner = {pid: name for name, group in pids.items() for pid in group}
    per_request = {}
    for (pid, group), value in after.items():
        label = owner[pid] if owner[pid] in ("nginx", "postgres") else f"{owner[pid]} {group}"
        ms = (value - before.get((pid, group), 0)) * 1000 / hz / max(result["requests"], 1)
        per_request[label] = per_request.get(label, 0) + ms
    kept = {label: round(ms, 3) for label, ms in sorted(per_request.items(), key=lambda item: -item[1]) if ms >= 0.005}
    return {"rps": round(result["rps"]), "p50": result["p50"], "p99": result["p99"], "errors": result["errors"],
            "requests": result["requests"], "loadAverage": os.getloadavg()[0],
            "cpuMsPerRequest": kept, "cpuMsPerRequestTotal": round(sum(kept.values()), 3)}


def main():
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    reader, admin = bench.integrator_token(), bench.admin_token()
    setup = bench.Client(bench.GATEWAY, admin)
    _, programmes = setup.json("GET", "/api/v1/programmes")
    programme = next(p["id"] for p in programmes if p["name"] == "EGEM Krimpenerwaard")
    _, page = setup.json("GET", f"/api/v1/projects?programmeId={programme}&limit=1")
    path = "/api/v1/projects/" + page["items"][0]["id"]
    for port in (bench.GATEWAY, bench.SERVICES["programme-service"]):
        if bench.answered(port, path, reader) != 200:
            sys.exit(f"GET {path} on port {port} is not 200")
    # Both paths measured on a JVM whose JIT is done (bench.jit_warm_up), one right after the other.
    bench.jit_warm_up(bench.SERVICES["programme-service"], path, reader)
    bench.wrk(bench.GATEWAY, path, bench.WARMUP, reader)
    rounds_out = []
    for _ in range(rounds):
        round_out = {"gateway": cost(bench.GATEWAY, path, reader),
                     "direct": cost(bench.SERVICES["programme-service"], path, reader)}
        print(json.dumps(round_out), flush=True)
        rounds_out.append(round_out)
    print(json.dumps({"path": path, "rounds": rounds_out}, indent=1))


if __name__ == "__main__":
    main()
