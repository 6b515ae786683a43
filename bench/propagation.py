#!/usr/bin/env python3
"""Propagation: write accepted in programme-service -> visible in the read models of municipality-service (a cost
allocation's budget) and newsletter-service (the activity feed). Run against a local suite (deploy/run-local).

At RATE writes/s for DURATION s, budget changes (PUT /api/v1/projects/{id} with If-Match) go round-robin to PROJECTS
bench projects, one write per project in flight. Each write k of a project sets its budget to base + k cents, so
municipality-service shows write k once a cost allocation's budgetCents reaches it; newsletter-service shows it once
the project has k project-changed activities since the start. One poller per read model reads the whole view in a
loop; a write counts as visible at the first poll that shows it (resolution: one poll cycle, reported too).
Writes the percentiles to bench/results/propagation.json. Only localhost is ever contacted.
"""
import json
import os
import statistics
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid

PROGRAMME = os.environ.get("PROGRAMME", "http://localhost:8081")
MUNICIPALITY = os.environ.get("MUNICIPALITY", "http://localhost:8082")
NEWSLETTER = os.environ.get("NEWSLETTER", "http://localhost:8083")
KEYCLOAK = os.environ.get("KEYCLOAK", "http://localhost:8180/realms/metrokaart")
RATE = float(os.environ.get("RATE", "100"))
DURATION = float(os.environ.get("DURATION", "60"))
PROJECTS = int(os.environ.get("PROJECTS", "20"))
SETTLE = float(os.environ.get("SETTLE", "30"))
OUT = os.environ.get("OUT", os.path.join(os.path.dirname(os.path.abspath(__file__)), "results", "propagation.json"))

for url in (PROGRAMME, MUNICIPALITY, NEWSLETTER, KEYCLOAK):
    host = urllib.parse.urlparse(url).hostname
    if host not in ("localhost", "127.0.0.1"):
        sys.exit("Benchmarks run against this machine only (localhost), not " + url)


def token(user):
    body = urllib.parse.urlencode({"grant_type": "password", "client_id": "swagger-ui", "username": user,
                                   "password": "demo"}).encode()
    with urllib.request.urlopen(KEYCLOAK + "/protocol/openid-connect/token", body, timeout=10) as answer:
        return json.load(answer)["access_token"]


def call(method, url, bearer, body=None, headers=None):
    request = urllib.request.Request(url, method=method, data=None if body is None else json.dumps(body).encode())
    request.add_header("Authorization", "Bearer " + bearer)
    request.add_header("Accept", "application/json")
    if body is not None:
        request.add_header("Content-Type", "application/json")
    for name, value in (headers or {}).items():
        request.add_header(name, value)
    with urllib.request.urlopen(request, timeout=30) as answer:
        return answer.status, answer.headers, json.load(answer)


manager = token("programme-manager")
reader = token("secretary-schoonhoven")
_, _, programmes = call("GET", PROGRAMME + "/api/v1/programmes", manager)
programme_id = next(p["id"] for p in programmes if p["name"] == "EGEM Krimpenerwaard")
run = uuid.uuid4().hex[:6].upper()
BASE_CENTS = 100_000_00


def project_body(code, cents):
    return {"programmeId": programme_id, "code": code, "name": "Bench " + code,
            "description": "Propagation benchmark project.", "line": "front-office",
            "plannedStartDate": "2030-01-01", "plannedEndDate": "2030-12-31",
            "budget": cents / 100, "owner": "Programme office"}


projects = []
for i in range(PROJECTS):
    code = "B%s-%02d" % (run, i)
    _, _, created = call("POST", PROGRAMME + "/api/v1/projects", manager, project_body(code, BASE_CENTS),
                         {"Idempotency-Key": str(uuid.uuid4())})
    _, headers, _ = call("GET", PROGRAMME + "/api/v1/projects/" + created["id"], manager)
    projects.append({"id": created["id"], "code": code, "etag": headers["ETag"], "written": 0, "accepted": {},
                     "seen_budget": {}, "seen_feed": {}})
by_id = {p["id"]: p for p in projects}

stop = threading.Event()
cycles = {"municipality": [], "newsletter": []}
started_at = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
feed_from = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(time.time() - 5))


def poll_municipality():
    while not stop.is_set():
        began = time.time()
        cursor = None
        while True:
            query = {"participantsOnly": "true", "limit": "100"}
            if cursor:
                query["cursor"] = cursor
            try:
                _, _, page = call("GET", MUNICIPALITY + "/api/v1/cost-allocations?" + urllib.parse.urlencode(query), reader)
            except (urllib.error.URLError, OSError):
                break
            now = time.time()
            for allocation in page["items"]:
                project = by_id.get(allocation["projectId"])
                if project is not None:
                    shown = allocation["budgetCents"] - BASE_CENTS
                    for k in range(1, shown + 1):
                        project["seen_budget"].setdefault(k, now)
            cursor = page.get("nextCursor")
            if not cursor:
                break
        cycles["municipality"].append(time.time() - began)
        time.sleep(0.01)


def poll_newsletter():
    events = {pid: set() for pid in by_id}
    while not stop.is_set():
        began = time.time()
        cursor = None
        while True:
            query = {"type": "project-changed", "occurredFrom": feed_from, "limit": "100"}
            if cursor:
                query["cursor"] = cursor
            try:
                _, _, page = call("GET", NEWSLETTER + "/api/v1/activities?" + urllib.parse.urlencode(query), reader)
            except (urllib.error.URLError, OSError):
                break
            now = time.time()
            for activity in page["items"]:
                seen = events.get(activity.get("projectId"))
                if seen is not None and activity["eventId"] not in seen:
                    seen.add(activity["eventId"])
                    by_id[activity["projectId"]]["seen_feed"].setdefault(len(seen), now)
            cursor = page.get("nextCursor")
            if not cursor:
                break
        cycles["newsletter"].append(time.time() - began)
        time.sleep(0.01)


def write(project):
    k = project["written"] + 1
    _, headers, _ = call("PUT", PROGRAMME + "/api/v1/projects/" + project["id"], manager,
                         project_body(project["code"], BASE_CENTS + k), {"If-Match": project["etag"]})
    project["accepted"][k] = time.time()
    project["etag"] = headers["ETag"]
    project["written"] = k


pollers = [threading.Thread(target=poll_municipality, daemon=True), threading.Thread(target=poll_newsletter, daemon=True)]
for poller in pollers:
    poller.start()

# One writer thread per project, each pacing itself to RATE / PROJECTS writes per second.
errors = []


def writer(project):
    interval = PROJECTS / RATE
    next_at = time.time()
    end = time.time() + DURATION
    while time.time() < end:
        try:
            write(project)
        except (urllib.error.URLError, OSError) as e:
            errors.append(str(e))
        next_at += interval
        time.sleep(max(0.0, next_at - time.time()))


writers = [threading.Thread(target=writer, args=(p,)) for p in projects]
for w in writers:
    w.start()
for w in writers:
    w.join()
deadline = time.time() + SETTLE
while time.time() < deadline and not all(
        len(p["seen_budget"]) >= p["written"] and len(p["seen_feed"]) >= p["written"] for p in projects):
    time.sleep(0.2)
stop.set()
for poller in pollers:
    poller.join(timeout=10)


def summary(kind, key):
    latencies = []
    missing = 0
    for p in projects:
        for k, accepted in p["accepted"].items():
            visible = p[key].get(k)
            if visible is None:
                missing += 1
            else:
                latencies.append(max(0.0, visible - accepted) * 1000)
    latencies.sort()

    def pct(q):
        return round(latencies[min(len(latencies) - 1, int(q * len(latencies)))], 1) if latencies else None

    return {"readModel": kind, "visible": len(latencies), "notVisibleWithinSettle": missing,
            "p50Ms": pct(0.50), "p90Ms": pct(0.90), "p99Ms": pct(0.99), "maxMs": round(latencies[-1], 1) if latencies else None,
            "meanPollCycleMs": round(statistics.mean(cycles[kind]) * 1000, 1) if cycles[kind] else None}


written = sum(p["written"] for p in projects)
result = {
    "benchmark": "propagation: write accepted by programme-service -> visible in the other services' read models",
    "startedAt": started_at, "targetRatePerSecond": RATE, "durationSeconds": DURATION, "projects": PROJECTS,
    "writesAccepted": written, "achievedRatePerSecond": round(written / DURATION, 1), "writeErrors": len(errors),
    "machine": {"cores": os.cpu_count()},
    "results": [summary("municipality", "seen_budget"), summary("newsletter", "seen_feed")],
    "note": "Latency includes up to one poll cycle of the observer (meanPollCycleMs). Services addressed directly, "
            "not through the gateway, whose rate limit would dominate.",
}
os.makedirs(os.path.dirname(OUT), exist_ok=True)
with open(OUT, "w") as out:
    json.dump(result, out, indent=2)
print(json.dumps(result, indent=2))
