#!/usr/bin/env python3
"""Propagation: write accepted in programme-service -> visible in the read models of municipality-service (a cost
allocation's budget) and newsletter-service (the activity feed). Run against a local suite (deploy/run-local).

At RATE writes/s for DURATION s, budget changes (PUT /api/v1/projects/{id} with If-Match) go round-robin to PROJECTS
bench projects (PROP-00, PROP-01, ...: made by the first run, reused by the next, so reruns see the same data), one
write per project in flight. Write k of a run sets a project's budget to its budget at the start plus k cents, so
municipality-service shows write k once the project's cost allocation has that budget; newsletter-service shows it
once the project has k new project-changed activities. The observers are cheap, so that measuring does not slow what
is measured: one reads the cost allocations (one page), the other follows the activity feed from its cursor (only
what is new). A write counts as visible at the first observation that shows it; the mean observation cycle is
reported (the resolution). With psql on the PATH and the suite's PostgreSQL reachable, the stages of each event
(outbox recorded -> acknowledged by Kafka -> applied by each consumer's inbox) are reported as well.
Writes everything to bench/results/propagation.json. Only localhost is ever contacted.
"""
import http.client
import json
import os
import shutil
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
import uuid

OFFSET = int(os.environ.get("METROKAART_PORT_OFFSET", "0") or "0")
PROGRAMME = os.environ.get("PROGRAMME", "http://localhost:%d" % (8081 + OFFSET))
MUNICIPALITY = os.environ.get("MUNICIPALITY", "http://localhost:%d" % (8082 + OFFSET))
NEWSLETTER = os.environ.get("NEWSLETTER", "http://localhost:%d" % (8083 + OFFSET))
KEYCLOAK = os.environ.get("KEYCLOAK", "http://localhost:%d/realms/metrokaart" % (8180 + OFFSET))
POSTGRES_PORT = int(os.environ.get("POSTGRES_PORT", str(15432 + OFFSET)))
RATE = float(os.environ.get("RATE", "100"))
DURATION = float(os.environ.get("DURATION", "60"))
PROJECTS = int(os.environ.get("PROJECTS", "20"))
SETTLE = float(os.environ.get("SETTLE", "30"))
# Each observer's pause between two observations: a reader polling 20 times a second per read model is already far
# more than an integrator does, and an observer that never pauses costs the services as much CPU as what it measures.
OBSERVE_PAUSE = float(os.environ.get("OBSERVE_PAUSE", "0.05"))
OUT = os.environ.get("OUT", os.path.join(os.path.dirname(os.path.abspath(__file__)), "results", "propagation.json"))
TARGET_P99_MS = 250

for url in (PROGRAMME, MUNICIPALITY, NEWSLETTER, KEYCLOAK):
    host = urllib.parse.urlparse(url).hostname
    if host not in ("localhost", "127.0.0.1"):
        sys.exit("Benchmarks run against this machine only (localhost), not " + url)


class Client:
    """One keep-alive HTTP connection per thread (a new TCP connection per request would cost both sides)."""

    def __init__(self, base, bearer):
        parsed = urllib.parse.urlparse(base)
        self.host, self.port, self.prefix = parsed.hostname, parsed.port, parsed.path.rstrip("/")
        self.bearer = bearer
        self.connection = None

    def call(self, method, path, body=None, headers=None):
        all_headers = {"Authorization": "Bearer " + self.bearer, "Accept": "application/json"}
        if body is not None:
            all_headers["Content-Type"] = "application/json"
        all_headers.update(headers or {})
        payload = None if body is None else json.dumps(body).encode()
        for attempt in (1, 2):
            if self.connection is None:
                self.connection = http.client.HTTPConnection(self.host, self.port, timeout=30)
            try:
                self.connection.request(method, self.prefix + path, payload, all_headers)
                answer = self.connection.getresponse()
                data = answer.read()
            except (http.client.HTTPException, OSError):
                self.connection.close()
                self.connection = None
                if attempt == 2:
                    raise
                continue
            if answer.status >= 400:
                raise RuntimeError("%s %s: %d %s" % (method, path, answer.status, data[:300]))
            return answer.status, answer.headers, json.loads(data) if data else None


def token(user):
    parsed = urllib.parse.urlparse(KEYCLOAK)
    connection = http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=10)
    body = urllib.parse.urlencode({"grant_type": "password", "client_id": "swagger-ui", "username": user,
                                   "password": "demo"})
    connection.request("POST", parsed.path + "/protocol/openid-connect/token", body,
                       {"Content-Type": "application/x-www-form-urlencoded"})
    answer = connection.getresponse()
    if answer.status != 200:
        sys.exit("Keycloak refused the token for %s: %d (is the suite running? deploy/run-local)" % (user, answer.status))
    return json.loads(answer.read())["access_token"]


def load_average():
    try:
        with open("/proc/loadavg") as f:
            return [float(x) for x in f.read().split()[:3]]
    except OSError:
        return None


manager = token("programme-manager")
reader = token("secretary-schoonhoven")
setup = Client(PROGRAMME, manager)
_, _, programmes = setup.call("GET", "/api/v1/programmes")
programme_id = next(p["id"] for p in programmes if p["name"] == "EGEM Krimpenerwaard")


def project_body(code, cents):
    return {"programmeId": programme_id, "code": code, "name": "Propagation bench " + code,
            "description": "Propagation benchmark project.", "line": "front-office",
            "plannedStartDate": "2030-01-01", "plannedEndDate": "2030-12-31",
            "budget": cents / 100, "owner": "Programme office"}


def existing_projects():
    found, cursor = {}, None
    while True:
        query = {"programmeId": programme_id, "limit": "100"}
        if cursor:
            query["cursor"] = cursor
        _, _, page = setup.call("GET", "/api/v1/projects?" + urllib.parse.urlencode(query))
        found.update({p["code"]: p for p in page["items"] if p["programmeId"] == programme_id})
        cursor = page.get("nextCursor")
        if not cursor:
            return found


known = existing_projects()
projects = []
for i in range(PROJECTS):
    code = "PROP-%02d" % i
    if code not in known:
        setup.call("POST", "/api/v1/projects", project_body(code, 100_000_00), {"Idempotency-Key": str(uuid.uuid4())})
        known = existing_projects()
    _, headers, current = setup.call("GET", "/api/v1/projects/" + known[code]["id"])
    projects.append({"id": current["id"], "code": code, "etag": headers["ETag"],
                     "base": round(current["budget"] * 100), "written": 0, "accepted": {},
                     "seen_budget": {}, "seen_feed": {}})
by_id = {p["id"]: p for p in projects}

stop = threading.Event()
cycles = {"municipality": [], "newsletter": []}
observer_errors = []
started_epoch = time.time()
started_at = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(started_epoch))
load_before = load_average()
feed_from = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(time.time() - 5))


def observe_municipality():
    client = Client(MUNICIPALITY, reader)
    while not stop.is_set():
        began = time.time()
        cursor = None
        try:
            while True:  # the whole list (about 32 allocations: one page) per cycle
                query = {"participantsOnly": "true", "limit": "100"}
                if cursor:
                    query["cursor"] = cursor
                _, _, page = client.call("GET", "/api/v1/cost-allocations?" + urllib.parse.urlencode(query))
                now = time.time()
                for allocation in page["items"]:
                    project = by_id.get(allocation["projectId"])
                    if project is not None:
                        for k in range(len(project["seen_budget"]) + 1, allocation["budgetCents"] - project["base"] + 1):
                            project["seen_budget"][k] = now
                cursor = page.get("nextCursor")
                if not cursor:
                    break
        except (RuntimeError, OSError, http.client.HTTPException) as e:
            observer_errors.append("municipality: " + str(e))
            time.sleep(0.2)
        cycles["municipality"].append(time.time() - began)
        time.sleep(OBSERVE_PAUSE)


def feed_end():
    """The feed as it stands before the first write: its last full page's cursor and the events already in it (an
    earlier run's last writes to the same projects, which must not count as this run's)."""
    client = Client(NEWSLETTER, reader)
    resume, earlier = None, set()
    while True:
        query = {"type": "project-changed", "occurredFrom": feed_from, "limit": "100"}
        if resume:
            query["cursor"] = resume
        _, _, page = client.call("GET", "/api/v1/activities?" + urllib.parse.urlencode(query))
        earlier.update(activity["eventId"] for activity in page["items"])
        if not page.get("nextCursor"):
            return resume, earlier
        resume = page["nextCursor"]


def observe_newsletter():
    """Follows the feed: from the cursor of the last full page on, so each cycle reads what is new (and < 1 page)."""
    client = Client(NEWSLETTER, reader)
    seen = {pid: set() for pid in by_id}
    resume, earlier = feed_start
    while not stop.is_set():
        began = time.time()
        try:
            while True:
                query = {"type": "project-changed", "occurredFrom": feed_from, "limit": "100"}
                if resume:
                    query["cursor"] = resume
                _, _, page = client.call("GET", "/api/v1/activities?" + urllib.parse.urlencode(query))
                now = time.time()
                for activity in page["items"]:
                    events = seen.get(activity.get("projectId"))
                    if events is not None and activity["eventId"] not in events and activity["eventId"] not in earlier:
                        events.add(activity["eventId"])
                        by_id[activity["projectId"]]["seen_feed"].setdefault(len(events), now)
                if not page.get("nextCursor"):
                    break
                resume = page["nextCursor"]  # a full page: nothing can still be added before its end
        except (RuntimeError, OSError, http.client.HTTPException) as e:
            observer_errors.append("newsletter: " + str(e))
            time.sleep(0.2)
        cycles["newsletter"].append(time.time() - began)
        time.sleep(OBSERVE_PAUSE)


feed_start = feed_end()
observers = [threading.Thread(target=observe_municipality, daemon=True),
             threading.Thread(target=observe_newsletter, daemon=True)]
for observer in observers:
    observer.start()

errors = []


def writer(project):
    """One writer per project, each pacing itself to RATE / PROJECTS writes per second, one write in flight."""
    client = Client(PROGRAMME, manager)
    interval = PROJECTS / RATE
    next_at = time.time()
    end = next_at + DURATION
    while time.time() < end:
        k = project["written"] + 1
        try:
            _, headers, _ = client.call("PUT", "/api/v1/projects/" + project["id"],
                                        project_body(project["code"], project["base"] + k), {"If-Match": project["etag"]})
            project["accepted"][k] = time.time()
            project["etag"] = headers["ETag"]
            project["written"] = k
        except (RuntimeError, OSError, http.client.HTTPException) as e:
            errors.append(str(e))
        next_at += interval
        time.sleep(max(0.0, next_at - time.time()))


writers = [threading.Thread(target=writer, args=(p,)) for p in projects]
for w in writers:
    w.start()
for w in writers:
    w.join()
writes_ended = time.time()
load_during = load_average()
deadline = time.time() + SETTLE
while time.time() < deadline and not all(
        len(p["seen_budget"]) >= p["written"] and len(p["seen_feed"]) >= p["written"] for p in projects):
    time.sleep(0.1)
stop.set()
for observer in observers:
    observer.join(timeout=10)


def percentiles(values):
    values = sorted(values)

    def pct(q):
        return round(values[min(len(values) - 1, int(q * len(values)))], 1) if values else None

    return {"p50Ms": pct(0.50), "p90Ms": pct(0.90), "p99Ms": pct(0.99), "maxMs": round(values[-1], 1) if values else None}


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
    result = {"readModel": kind, "visible": len(latencies), "notVisibleWithinSettle": missing}
    result.update(percentiles(latencies))
    result["meanPollCycleMs"] = round(statistics.mean(cycles[kind]) * 1000, 1) if cycles[kind] else None
    result["targetP99Ms"] = TARGET_P99_MS
    return result


def query(database, sql):
    answer = subprocess.run(["psql", "-h", "localhost", "-p", str(POSTGRES_PORT), "-U", "postgres", "-At",
                             "-F", "\t", "-d", database, "-c", sql], capture_output=True, text=True, timeout=60,
                            env=dict(os.environ, PGPASSWORD=os.environ.get("PGPASSWORD", "postgres")))
    if answer.returncode != 0:
        raise OSError(answer.stderr.strip())
    return [line.split("\t") for line in answer.stdout.splitlines() if line]


CONSUMERS = {"municipality": ("municipality", "project-read-model"), "newsletter": ("newsletter", "activity-feed")}


def from_tables():
    """Per event, from the services' own tables: the outbox's recorded/published times and, per consumer, when its
    inbox applied the event (processed_at, inside the transaction) and when that transaction committed."""
    since = "to_timestamp(%f)" % started_epoch
    ids = ",".join("'%s'" % p["id"] for p in projects)
    outbox = query("programme", """
        SELECT event_id, event_key, extract(epoch FROM recorded_at), extract(epoch FROM published_at) FROM outbox_event
         WHERE recorded_at >= %s AND type = 'nl.metrokaart.programme.project-changed' AND event_key IN (%s)
         ORDER BY recorded_at, position""" % (since, ids))
    applied = {}
    for model, (database, consumer) in CONSUMERS.items():
        applied[model] = {}
        for row in query(database, """
                SELECT event_id, extract(epoch FROM processed_at), extract(epoch FROM pg_xact_commit_timestamp(xmin))
                  FROM inbox_event WHERE consumer = '%s' AND processed_at >= %s""" % (consumer, since)):
            applied[model][row[0].split("|", 1)[1]] = (float(row[1]), float(row[2]) if row[2] else None)
    return outbox, applied


def percentile_stage(values):
    return dict(percentiles([v * 1000 for v in values]), events=len(values))


def stages(outbox, applied):
    recorded = {row[0]: (float(row[2]), float(row[3]) if row[3] else None) for row in outbox}
    return {
        "outboxRecordedToKafkaAcknowledged": percentile_stage([p - r for r, p in recorded.values() if p]),
        "kafkaAcknowledgedToMunicipalityApplied": percentile_stage(
            [applied["municipality"][e][0] - p for e, (r, p) in recorded.items() if p and e in applied["municipality"]]),
        "kafkaAcknowledgedToNewsletterApplied": percentile_stage(
            [applied["newsletter"][e][0] - p for e, (r, p) in recorded.items() if p and e in applied["newsletter"]]),
        "note": "recorded_at is taken inside the writing transaction (before its commit); published_at when the relay "
                "has Kafka's acknowledgement; processed_at inside the consumer's transaction (before its commit)."}


def committed(outbox, applied):
    """Write accepted -> the commit that made it visible, per read model. The k-th project-changed event of a bench
    project since the start is its write k: one write per project is in flight at a time, and nothing else writes
    these projects."""
    events = {p["id"]: [] for p in projects}
    for event_id, key, _, _ in outbox:
        events[key].append(event_id)
    results = []
    for model in CONSUMERS:
        latencies, missing, unmatched = [], 0, 0
        for p in projects:
            if len(events[p["id"]]) != p["written"]:
                unmatched += abs(len(events[p["id"]]) - p["written"])
            for k, event_id in enumerate(events[p["id"]], start=1):
                accepted = p["accepted"].get(k)
                commit = applied[model].get(event_id, (None, None))[1]
                if accepted is None:
                    continue
                if commit is None:
                    missing += 1
                else:
                    latencies.append(max(0.0, commit - accepted) * 1000)
        result = {"readModel": model, "visible": len(latencies), "notCommitted": missing,
                  "eventsNotMatchingWrites": unmatched}
        result.update(percentiles(latencies))
        result["targetP99Ms"] = TARGET_P99_MS
        results.append(result)
    return results


tables, committed_results, table_error = None, None, None
if shutil.which("psql") is not None:
    try:
        tables = from_tables()
        committed_results = committed(*tables)
    except (OSError, subprocess.TimeoutExpired) as e:
        table_error = str(e)

written = sum(p["written"] for p in projects)
result = {
    "benchmark": "propagation: write accepted by programme-service -> visible in the other services' read models",
    "startedAt": started_at, "targetRatePerSecond": RATE, "durationSeconds": DURATION, "projects": PROJECTS,
    "writesAccepted": written, "achievedRatePerSecond": round(written / DURATION, 1), "writeErrors": len(errors),
    "machine": {"cores": os.cpu_count(), "loadAverageBefore": load_before, "loadAverageAtEndOfWrites": load_during},
    "committed": committed_results,
    "results": [summary("municipality", "seen_budget"), summary("newsletter", "seen_feed")],
    "stages": stages(*tables) if tables else ({"error": table_error} if table_error else None),
    "observerErrors": len(observer_errors),
    "observePauseSeconds": OBSERVE_PAUSE,
    "note": "committed: accepted -> the consumer's commit (pg_xact_commit_timestamp of its inbox row), exact. results: "
            "accepted -> first observation showing it, which includes up to one observation cycle (meanPollCycleMs). Services addressed directly, not through "
            "the gateway, whose rate limit would dominate. loadAverage* are /proc/loadavg (1, 5, 15 min): other work "
            "on the machine inflates every figure.",
}
if errors:
    result["firstWriteErrors"] = errors[:5]
if observer_errors:
    result["firstObserverErrors"] = observer_errors[:5]
os.makedirs(os.path.dirname(OUT), exist_ok=True)
with open(OUT, "w") as out:
    json.dump(result, out, indent=2)
print(json.dumps(result, indent=2))
