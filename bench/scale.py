#!/usr/bin/env python3
"""Scale bench: the issue's data set against a running local suite (start it with deploy/run-local first).

Generates one programme with 2,000 projects (two milestones each), 10,000 dependencies (each project must finish
after up to five earlier ones, so the graph has no cycle) and 342 municipalities, each project with
PARTICIPANTS municipalities taking part, through the services' own APIs (so the events flow as in production).
Then measures p50/p99 latency of the metro map (JSON and SVG), the impact of a 30-day slip, one project's cost
allocation (the summary over every municipality), a page of cost allocations (100 such summaries), a
municipality's cost allocations and the financial summary, and writes bench/results/scale.json.

Talks to the services directly (not through the gateway, whose rate limit would turn the generator away) and to
localhost only. Pieces run alone: --plan-only prints the data set's plan and checks it without any server;
--programme ID measures a programme an earlier run generated again, without generating.
"""
import argparse
import concurrent.futures
import datetime
import json
import os
import platform
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid

PROGRAMME = os.environ.get("PROGRAMME_URL", "http://localhost:8081")
MUNICIPALITY = os.environ.get("MUNICIPALITY_URL", "http://localhost:8082")
KEYCLOAK = os.environ.get("KEYCLOAK", "http://localhost:8180/realms/metrokaart")
RESULTS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "results", "scale.json")


def plan(projects, dependencies, municipalities, participants):
    """The data set, deterministic: dependency (successor rank, predecessor rank) pairs, codes, participations."""
    per_project = -(-dependencies // max(projects - 1, 1))
    links = []
    for successor in range(2, projects + 1):
        for back in range(1, min(per_project, successor - 1) + 1):
            if len(links) < dependencies:
                links.append((successor, successor - back))
    # CBS-shaped codes counted down from GM9999, clear of the real ones the local run registers.
    codes = ["GM%04d" % (9999 - m) for m in range(municipalities)]
    taking = {rank: [codes[(rank * 7 + i) % municipalities] for i in range(min(participants, municipalities))]
              for rank in range(1, projects + 1)}
    return links, codes, taking


def check_plan(projects, dependencies, municipalities, participants):
    links, codes, taking = plan(projects, dependencies, municipalities, participants)
    assert len(links) == dependencies, f"{len(links)} dependencies planned, {dependencies} asked"
    assert all(predecessor < successor for successor, predecessor in links), "a dependency points forward: cycle risk"
    assert len(set(links)) == len(links), "a dependency twice"
    assert len(set(codes)) == municipalities and all(c and len(c) == 6 for c in codes), "CBS codes not unique"
    assert all(len(set(t)) == len(t) for t in taking.values()), "a municipality takes part twice"
    print(json.dumps({"projects": projects, "dependencies": len(links), "municipalities": len(codes),
                      "participations": sum(len(t) for t in taking.values()),
                      "firstCodes": codes[:3], "firstLinks": links[:6]}))


def percentile(samples, fraction):
    """Nearest-rank percentile of the samples (milliseconds)."""
    ordered = sorted(samples)
    rank = max(1, -(-int(round(fraction * 1000)) * len(ordered) // 1000))
    return ordered[rank - 1]


def token():
    body = urllib.parse.urlencode({"grant_type": "password", "client_id": "swagger-ui", "username": "admin",
                                   "password": os.environ.get("ADMIN_PASSWORD", "admin")}).encode()
    with urllib.request.urlopen(KEYCLOAK + "/protocol/openid-connect/token", body, timeout=30) as response:
        return json.load(response)["access_token"]


class Client:
    def __init__(self):
        self.bearer = token()
        self.obtained = time.monotonic()
        self.refreshing = threading.Lock()

    def call(self, method, url, body=None, accept="application/json", expect=(200, 201)):
        if time.monotonic() - self.obtained > 120:  # access tokens are short-lived
            with self.refreshing:  # the writer threads share one client: one of them fetches the next token
                if time.monotonic() - self.obtained > 120:
                    self.bearer, self.obtained = token(), time.monotonic()
        headers = {"Authorization": "Bearer " + self.bearer, "Accept": accept,
                   "Idempotency-Key": str(uuid.uuid4())}
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        request = urllib.request.Request(url, data=data, headers=headers, method=method)
        try:
            with urllib.request.urlopen(request, timeout=120) as response:
                payload = response.read()
                if response.status not in expect:
                    raise RuntimeError(f"{method} {url}: {response.status}")
                return payload
        except urllib.error.HTTPError as error:
            raise RuntimeError(f"{method} {url}: {error.code} {error.read()[:500]!r}") from None


def generate(client, args):
    links, codes, taking = plan(args.projects, args.dependencies, args.municipalities, args.participants)
    run = uuid.uuid4().hex[:6].upper()
    programme = json.loads(client.call("POST", PROGRAMME + "/api/v1/programmes", {
        "name": f"Schaalbench {run}", "ambition": "Eén manier van werken voor alle gemeenten.", "goals": [],
        "startDate": "2026-01-01", "endDate": "2040-12-31", "programmeManager": "Petra de Vries",
        "steeringCommittee": [],
        "lines": [{"code": "key-registers", "name": "Basisregistraties", "colour": "#E3001B"},
                  {"code": "services", "name": "Dienstverlening", "colour": "#0063D3"}]}))["id"]
    phases = {}

    def timed(phase, writes, work):
        """Runs one generation phase and keeps its write rate (dependency creation was once the bottleneck)."""
        began = time.monotonic()
        result = work()
        seconds = time.monotonic() - began
        phases[phase] = {"writes": writes, "seconds": round(seconds, 1), "perSecond": round(writes / max(seconds, 1e-3), 1)}
        print(f"{phase}: {phases[phase]}", flush=True)
        return result

    with concurrent.futures.ThreadPoolExecutor(args.writers) as pool:
        def municipality(index_code):
            index, code = index_code
            try:
                client.call("POST", MUNICIPALITY + "/api/v1/municipalities", {
                    "code": code, "name": f"Schaalgemeente {index + 1}", "inhabitants": 5000 + 97 * index,
                    "municipalSecretary": "A. de Graaf"})
            except RuntimeError as error:
                if " 409 " not in str(error):  # registered by an earlier run
                    raise
        timed("municipalities", len(codes), lambda: list(pool.map(municipality, enumerate(codes))))

        def project(rank):
            start = (datetime.date(2026, 1, 1) + datetime.timedelta(days=rank)).isoformat()
            created = json.loads(client.call("POST", PROGRAMME + "/api/v1/projects", {
                "programmeId": programme, "code": f"S{run}-{rank}", "name": f"Schaalproject {rank}",
                "description": "Gegenereerd door bench/scale.py.", "line": "services" if rank % 2 else "key-registers",
                "plannedStartDate": start, "plannedEndDate": "2039-12-31", "budget": 100000.00,
                "owner": "Jan Jansen"}))["id"]
            for title, due in (("Ontwerp", "2030-06-30"), ("Oplevering", "2039-12-31")):
                client.call("POST", PROGRAMME + f"/api/v1/projects/{created}/milestones",
                            {"title": title, "dueDate": due, "key": title == "Oplevering"})
            return rank, created
        ids = timed("projects with two milestones", 3 * args.projects,
                    lambda: dict(pool.map(project, range(1, args.projects + 1))))

        def dependency(link):
            successor, predecessor = link
            client.call("POST", PROGRAMME + f"/api/v1/projects/{ids[successor]}/dependencies",
                        {"predecessorId": ids[predecessor], "type": "must-finish-before", "lagDays": 0})
        timed("dependencies", len(links), lambda: list(pool.map(dependency, links)))

        timed("read model caught up", 0, lambda: wait_for_read_model(client, programme, args.projects))

        def participation(rank_code):
            rank, code = rank_code
            client.call("POST", MUNICIPALITY + f"/api/v1/municipalities/{code}/participations", {
                "projectId": ids[rank], "participates": True, "localLead": "J. de Vries",
                "implementationStatus": "preparing"})
        taking_part = [(rank, code) for rank, codes_of in taking.items() for code in codes_of]
        timed("participations", len(taking_part), lambda: list(pool.map(participation, taking_part)))
    return programme, ids[1], codes[0], phases


def wait_for_read_model(client, programme, projects):
    """municipality-service learns the projects from programme-service's events."""
    deadline = time.monotonic() + 600
    while time.monotonic() < deadline:
        known = len(json.loads(client.call(
            "GET", MUNICIPALITY + f"/api/v1/harmonisation?programmeId={programme}"))["projects"])
        if known == projects:
            return
        time.sleep(2)
    raise RuntimeError(f"municipality-service knows {known} of {projects} projects after 10 minutes")


def generated_programme(client, programme):
    """The first project (rank 1 of the plan, which precedes all others) and size of a programme generated before."""
    first, projects, cursor = None, 0, None
    while True:
        query = f"programmeId={programme}&limit=100" + (f"&cursor={urllib.parse.quote(cursor)}" if cursor else "")
        page = json.loads(client.call("GET", PROGRAMME + "/api/v1/projects?" + query))
        for project in page["items"]:
            projects += 1
            if project["code"].endswith("-1"):
                first = project["id"]
        cursor = page.get("nextCursor")
        if not cursor:
            break
    if first is None:
        sys.exit(f"Programme {programme} has no project generated by scale.py")
    return first, projects


def cpu_seconds(pid):
    """CPU time (user + system) a process has used so far, from /proc/<pid>/stat."""
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def measure(client, programme, first_project, municipality, requests, only=None, cpu_pid=None):
    endpoints = {
        "metro-map json": (PROGRAMME + f"/api/v1/programmes/{programme}/metro-map", "application/json"),
        "metro-map svg": (PROGRAMME + f"/api/v1/programmes/{programme}/metro-map", "image/svg+xml"),
        "impact of a 30-day slip": (PROGRAMME + f"/api/v1/projects/{first_project}/impact?slipDays=30",
                                    "application/json"),
        "cost allocation of a project": (MUNICIPALITY + f"/api/v1/cost-allocations/{first_project}", "application/json"),
        "cost allocations (page of 100)": (MUNICIPALITY + "/api/v1/cost-allocations?limit=100", "application/json"),
        "municipality cost allocations": (MUNICIPALITY + f"/api/v1/municipalities/{municipality}/cost-allocations"
                                          "?limit=100", "application/json"),
        "financial summary": (MUNICIPALITY + f"/api/v1/financial-summary?programmeId={programme}", "application/json"),
    }
    results = {}
    for name, (url, accept) in endpoints.items():
        if only and not any(part in name for part in only):
            continue
        client.call("GET", url, accept=accept)  # warm-up
        samples = []
        size = 0
        cpu_before = cpu_seconds(cpu_pid) if cpu_pid else None
        for _ in range(requests):
            began = time.perf_counter()
            size = len(client.call("GET", url, accept=accept))
            samples.append((time.perf_counter() - began) * 1000)
        cpu = (cpu_seconds(cpu_pid) - cpu_before) * 1000 / requests if cpu_pid else None
        results[name] = {"p50Ms": round(percentile(samples, 0.50), 1), "p99Ms": round(percentile(samples, 0.99), 1),
                         "maxMs": round(max(samples), 1), "requests": requests, "responseBytes": size,
                         # Beside each figure: the machine may be shared, and the load inflates every latency.
                         "loadAverage": [round(load, 2) for load in os.getloadavg()]}
        if cpu is not None:
            # CPU the service spent per request: unlike latency, hardly inflated by other work on the machine.
            results[name]["serviceCpuMsPerRequest"] = round(cpu, 1)
        print(f"{name}: {results[name]}", flush=True)
    return results


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--projects", type=int, default=2000)
    parser.add_argument("--dependencies", type=int, default=10000)
    parser.add_argument("--municipalities", type=int, default=342)
    parser.add_argument("--participants", type=int, default=10, help="municipalities taking part per project")
    parser.add_argument("--requests", type=int, default=100, help="measured requests per endpoint, one at a time")
    parser.add_argument("--writers", type=int, default=8, help="concurrent requests while generating")
    parser.add_argument("--plan-only", action="store_true", help="print and check the data set's plan; no server")
    parser.add_argument("--output", default=RESULTS, help="where the results go (default bench/results/scale.json)")
    parser.add_argument("--programme", help="measure this programme, generated by an earlier run, again; no generation")
    parser.add_argument("--cpu-pid", type=int, help="process id of the service measured (on this machine): adds "
                                                     "its CPU time per request (serviceCpuMsPerRequest)")
    parser.add_argument("--only", help="measure only the endpoints whose name contains one of these comma-separated "
                                       "words (e.g. metro-map,impact)")
    args = parser.parse_args()
    if args.plan_only:
        check_plan(args.projects, args.dependencies, args.municipalities, args.participants)
        return
    for url in (PROGRAMME, MUNICIPALITY, KEYCLOAK):
        if urllib.parse.urlparse(url).hostname not in ("localhost", "127.0.0.1"):
            sys.exit("Benchmarks run against this machine only (localhost).")
    client = Client()
    began = time.monotonic()
    if args.programme:
        programme, municipality, phases = args.programme, "GM9999", None
        first_project, args.projects = generated_programme(client, programme)
    else:
        programme, first_project, municipality, phases = generate(client, args)
    generated = None if args.programme else round(time.monotonic() - began, 1)
    only = [part.strip() for part in args.only.split(",") if part.strip()] if args.only else None
    results = measure(client, programme, first_project, municipality, args.requests, only, args.cpu_pid)
    os.makedirs(os.path.dirname(os.path.abspath(args.output)), exist_ok=True)
    with open(args.output, "w", encoding="utf-8") as out:
        json.dump({"measuredAt": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
                   "machine": {"cores": os.cpu_count(), "system": platform.platform(),
                               "loadAverage": [round(load, 2) for load in os.getloadavg()]},
                   "programmeId": programme,
                   # Measured again (--programme): the sizes are the ones given, as the generating run was asked.
                   "dataSet": {"projects": args.projects, "dependencies": args.dependencies,
                               "municipalities": args.municipalities,
                               "participations": args.projects * min(args.participants, args.municipalities),
                               "generatedInSeconds": generated, "phases": phases, "measuredAgain": bool(args.programme)},
                   "endpoints": results}, out, indent=2)
        out.write("\n")
    print("Results written to", os.path.relpath(args.output))


if __name__ == "__main__":
    main()
