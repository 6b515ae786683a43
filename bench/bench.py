#!/usr/bin/env python3
"""The issue-14 benchmark: every figure of bench/README.md in one run against a local suite, each the median of
RUNS runs (with min and max) after a warm-up, written to bench/results/latest.json and latest.md.

Started by bench/run (which starts the suite itself unless BENCH_SUITE=running). Python 3 standard library, wrk
and pgbench; only localhost is ever contacted.
"""
import concurrent.futures
import datetime
import http.client
import json
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
import uuid

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
RESULTS = os.path.join(HERE, "results")
QUICK = os.environ.get("BENCH_QUICK") == "1"


def setting(name, full, quick):
    return type(full)(os.environ.get(name, quick if QUICK else full))


OFFSET = int(os.environ.get("METROKAART_PORT_OFFSET", "0") or 0)
RUNS = setting("BENCH_RUNS", 3, 3)
DURATION = setting("BENCH_DURATION", 10, 3)  # seconds of one measured wrk run
WARMUP = setting("BENCH_WARMUP", 5, 2)
# A JVM's read path is warmed until its C2 compiler is done (at most this many seconds) before its first measured
# run: measured on a fresh JVM after 5 s only, the first figure paid for the JIT (C2 used 38 % of a core during the
# gateway runs of 2026-12-01 15:13, programme-service 3x the CPU per request of the direct runs measured after it).
JIT_WARMUP = setting("BENCH_JIT_WARMUP", 60, 10)
CONNECTIONS = setting("BENCH_CONNECTIONS", 64, 64)
WRITE_RATE = setting("BENCH_WRITE_RATE", 100, 100)
WRITE_SECONDS = setting("BENCH_WRITE_SECONDS", 60, 5)
PROPAGATION_SECONDS = setting("BENCH_PROPAGATION_SECONDS", 60, 5)  # the issue: at 100 writes/s for 60 s
PROPAGATION_JIT_WARMUP = setting("BENCH_PROPAGATION_JIT_WARMUP", 300, 20)
SYNC_PROJECTS = setting("BENCH_SYNC_PROJECTS", 100000, 100000)
SCALE_PROJECTS = setting("BENCH_SCALE_PROJECTS", 2000, 100)
SCALE_DEPENDENCIES = setting("BENCH_SCALE_DEPENDENCIES", 10000, 300)
SCALE_REQUESTS = setting("BENCH_SCALE_REQUESTS", 30, 10)
SOAK_SECONDS = setting("BENCH_SOAK_SECONDS", 600, 40)
SOAK_RATE = setting("BENCH_SOAK_RATE", 500, 500)
SOAK_WINDOW = setting("BENCH_SOAK_WINDOW", 30, 10)  # one p99 point of the soak chart per window
SOAK_WARMUP = setting("BENCH_SOAK_WARMUP", 180, 10)  # only when the soak runs without the parts before it
STARTS = setting("BENCH_STARTS", 3, 1)
# BENCH_ONLY=read,soak runs only those parts (start, read, sync, writes, propagation, scale, soak); default all.
ONLY = set(os.environ.get("BENCH_ONLY", "").split(",")) - {""}


def stage(name):
    return not ONLY or name in ONLY

HOST = "127.0.0.1"
GATEWAY = 8080 + OFFSET
SERVICES = {"programme-service": 8081 + OFFSET, "municipality-service": 8082 + OFFSET,
            "newsletter-service": 8083 + OFFSET}
KEYCLOAK = f"http://localhost:{8180 + OFFSET}/realms/metrokaart"
POSTGRES = 15432 + OFFSET
CEILING = 8090 + OFFSET

figures = {}
notes = []


def log(*parts):
    print(time.strftime("%H:%M:%S"), *parts, flush=True)


def figure(key, values, unit, what):
    """One figure: median, min and max of the runs' values."""
    values = [v for v in values if v is not None]
    if not values:
        figures[key] = {"median": None, "min": None, "max": None, "unit": unit, "runs": 0, "what": what}
        return
    figures[key] = {"median": round(statistics.median(values), 2), "min": round(min(values), 2),
                    "max": round(max(values), 2), "unit": unit, "runs": len(values), "what": what}
    log(f"{key}: {figures[key]['median']} {unit} (min {figures[key]['min']}, max {figures[key]['max']})")


# ---- HTTP ------------------------------------------------------------------------------------------------------

def token(form):
    body = urllib.parse.urlencode(form)
    connection = http.client.HTTPConnection("localhost", 8180 + OFFSET, timeout=30)
    connection.request("POST", "/realms/metrokaart/protocol/openid-connect/token", body,
                       {"Content-Type": "application/x-www-form-urlencoded"})
    answer = connection.getresponse()
    data = json.loads(answer.read())
    connection.close()
    if answer.status != 200:
        raise RuntimeError(f"token: {answer.status} {data}")
    return data["access_token"]


def integrator_token():
    return token({"grant_type": "client_credentials", "client_id": "integrator-client",
                  "client_secret": "integrator-secret"})


def admin_token():
    return token({"grant_type": "password", "client_id": "swagger-ui", "username": "admin", "password": "admin"})


class Client:
    """One keep-alive connection; call() returns (status, headers, body bytes)."""

    def __init__(self, port, bearer):
        self.port = port
        self.bearer = bearer
        self.connection = None

    def call(self, method, path, body=None, headers=None):
        all_headers = {"Authorization": "Bearer " + self.bearer, "Accept": "application/json"}
        if body is not None:
            all_headers["Content-Type"] = "application/json"
            body = json.dumps(body)
        all_headers.update(headers or {})
        for attempt in (1, 2):
            if self.connection is None:
                self.connection = http.client.HTTPConnection(HOST, self.port, timeout=60)
            try:
                self.connection.request(method, path, body, all_headers)
                answer = self.connection.getresponse()
                return answer.status, answer.headers, answer.read()
            except (http.client.HTTPException, OSError):
                self.connection.close()
                self.connection = None
                if attempt == 2:
                    raise

    def json(self, method, path, body=None, headers=None, expect=(200, 201)):
        status, answer_headers, data = self.call(method, path, body, headers)
        if status not in expect:
            raise RuntimeError(f"{method} {path}: {status} {data[:300]!r}")
        return answer_headers, json.loads(data) if data else None


# ---- wrk and pgbench -------------------------------------------------------------------------------------------

UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}


def to_ms(text):
    number, unit = re.fullmatch(r"([0-9.]+)([a-z]+)", text).groups()
    return float(number) * UNITS[unit]


def wrk(port, path, seconds, bearer, connections=CONNECTIONS, script_args=None):
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", "--timeout", "10s",
               "-H", "Authorization: Bearer " + bearer, "-H", "Accept: application/json"]
    if script_args is not None:
        command += ["-s", os.path.join(HERE, "soak.lua"), f"http://{HOST}:{port}", "--"] + script_args
    else:
        command.append(f"http://{HOST}:{port}{path}")
    out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    result = {"rps": float(re.search(r"Requests/sec:\s+([0-9.]+)", out).group(1))}
    for label, key in (("50%", "p50"), ("99%", "p99")):
        result[key] = to_ms(re.search(re.escape(label) + r"\s+([0-9.]+[a-z]+)", out).group(1))
    result["requests"] = int(re.search(r"([0-9]+) requests in", out).group(1))
    non2xx = re.search(r"Non-2xx or 3xx responses: ([0-9]+)", out)
    sockets = re.search(r"Socket errors: connect ([0-9]+), read ([0-9]+), write ([0-9]+), timeout ([0-9]+)", out)
    result["errors"] = (int(non2xx.group(1)) if non2xx else 0) + (sum(map(int, sockets.groups())) if sockets else 0)
    return result


def cpu_ticks(pids):
    """CPU clock ticks per process name and, for JVMs, per thread-name group (top -H, summed), of PIDS and their
    children."""
    ticks = {}
    for pid in pids:
        for task in os.listdir(f"/proc/{pid}/task") if os.path.isdir(f"/proc/{pid}/task") else []:
            try:
                with open(f"/proc/{pid}/task/{task}/stat") as stat:
                    text = stat.read()
            except OSError:
                continue
            name = text[text.index("(") + 1:text.rindex(")")]
            fields = text[text.rindex(")") + 2:].split()
            group = re.sub(r"[-_ #]*[0-9]+$", "", name) or name
            ticks[(pid, group)] = ticks.get((pid, group), 0) + int(fields[11]) + int(fields[12])
    return ticks


def process_pids():
    """The processes a request passes: nginx (all workers), the three services, PostgreSQL."""
    out = subprocess.run(["ps", "-eo", "pid=,comm="], capture_output=True, text=True).stdout
    nginx = set(listening_pids(GATEWAY))
    postmaster = listening_pid(POSTGRES)
    pids = {"nginx": sorted(nginx), "postgres": []}
    for line in out.splitlines():
        pid, comm = line.split(None, 1)
        pid = int(pid)
        if comm.strip() == "postgres" and postmaster in (pid, pid_parent(pid)):
            pids["postgres"].append(pid)
    for name, port in list(SERVICES.items()) + [("ceiling", CEILING)]:
        pid = listening_pid(port)
        if pid:
            pids[name] = [pid]
    return pids


def pid_parent(pid):
    try:
        with open(f"/proc/{pid}/stat") as stat:
            text = stat.read()
        return int(text[text.rindex(")") + 2:].split()[1])
    except OSError:
        return None


def profiled(run):
    """Runs RUN() and returns (its result, CPU per process and thread group in % of one core)."""
    pids = process_pids()
    flat = [pid for group in pids.values() for pid in group]
    before, began = cpu_ticks(flat), time.monotonic()
    result = run()
    after, seconds = cpu_ticks(flat), time.monotonic() - began
    hz = os.sysconf("SC_CLK_TCK")
    owner = {pid: name for name, group in pids.items() for pid in group}
    usage = {}
    for (pid, group), value in after.items():
        used = (value - before.get((pid, group), 0)) / hz / seconds * 100
        if used >= 1:
            label = owner[pid] if owner[pid] in ("nginx", "postgres") else f"{owner[pid]} {group}"
            usage[label] = round(usage.get(label, 0) + used, 1)
    return result, dict(sorted(usage.items(), key=lambda item: -item[1]))


profiles = {}


def profile_as(key, what, function):
    """FUNCTION wrapped so that the CPU profile of its call is kept under KEY."""
    def wrapped(*args, **kwargs):
        result, usage = profiled(lambda: function(*args, **kwargs))
        profiles[key] = {"what": what, "cpuPercentOfOneCore": usage}
        return result
    return wrapped


def answered(port, path, bearer):
    connection = http.client.HTTPConnection(HOST, port, timeout=30)
    connection.request("GET", path, headers={"Authorization": "Bearer " + bearer})
    answer = connection.getresponse()
    answer.read()
    connection.close()
    return answer.status


def until_compiled(pids, load, chunk, limit, what):
    """LOAD(CHUNK) again and again, at least three times, until the C2 compiler threads of each JVM in PIDS used under
    5 % of one core in a chunk (a cold JVM may not have started compiling in its first), or LIMIT seconds have
    passed; returns the seconds spent."""
    spent = 0
    while spent < limit:
        before, began = cpu_ticks(pids), time.monotonic()
        load(chunk)
        after, took = cpu_ticks(pids), time.monotonic() - began
        spent += took
        compiling = {pid: 0 for pid in pids}
        for (pid, group), value in after.items():
            if group.startswith("C2 CompilerThre"):
                compiling[pid] += value - before.get((pid, group), 0)
        busiest = max(compiling.values()) / os.sysconf("SC_CLK_TCK") / took
        if spent >= 3 * chunk and busiest < 0.05:
            break
    log(f"JIT warm-up of {what}: {spent:.0f} s")
    return spent


def jit_warm_up(port, path, bearer, chunk=5):
    """Read load on PORT's JVM until its C2 compiler is done (until_compiled), at most JIT_WARMUP seconds."""
    return until_compiled([listening_pid(port)], lambda seconds: wrk(port, path, seconds, bearer), chunk, JIT_WARMUP,
                          f"port {port}")


def wrk_runs(key, what, port, path, bearer, items_per_request=None):
    # A figure of refusals (404, 401) would measure an error path: the request must succeed before it is measured.
    status = answered(port, path, bearer)
    if status != 200:
        raise RuntimeError(f"{what}: GET {path} on port {port} answered {status}, not 200; nothing measured")
    wrk(port, path, WARMUP, bearer)
    runs = []
    for i in range(RUNS):
        if i == 0:
            # The first measured run also records where the CPU goes (per process, per JVM thread group).
            result, usage = profiled(lambda: wrk(port, path, DURATION, bearer))
            profiles[key] = {"what": what, "cpuPercentOfOneCore": usage}
            runs.append(result)
        else:
            runs.append(wrk(port, path, DURATION, bearer))
    errors = sum(r["errors"] for r in runs)
    figure(key + ".rps", [r["rps"] for r in runs], "req/s", what + ": requests per second")
    figure(key + ".p50", [r["p50"] for r in runs], "ms", what + ": p50 latency")
    figure(key + ".p99", [r["p99"] for r in runs], "ms", what + ": p99 latency")
    if items_per_request:
        figure(key + ".itemsPerSecond", [r["rps"] * items_per_request for r in runs], "items/s", what + ": items per second")
    if errors:
        notes.append(f"{what}: {errors} non-2xx responses or socket errors in the measured runs.")
    return runs


def psql(database, sql):
    return subprocess.run(["psql", "-X", "-q", "-t", "-A", "-h", HOST, "-p", str(POSTGRES), "-U", "postgres",
                           "-d", database, "-v", "ON_ERROR_STOP=1", "-c", sql],
                          capture_output=True, text=True, check=True, env={**os.environ, "PGPASSWORD": "postgres"}).stdout


def pgbench_runs():
    env = {**os.environ, "PGPASSWORD": "postgres"}
    if not psql("postgres", "SELECT 1 FROM pg_database WHERE datname = 'pgbench'").strip():
        psql("postgres", "CREATE DATABASE pgbench")
    subprocess.run(["pgbench", "-q", "-i", "-s", "1", "-h", HOST, "-p", str(POSTGRES), "-U", "postgres", "pgbench"],
                   capture_output=True, text=True, check=True, env=env)

    def once(seconds):
        out = subprocess.run(["pgbench", "-S", "-M", "prepared", "-n", f"-c{CONNECTIONS}", "-j2", f"-T{seconds}",
                              "-h", HOST, "-p", str(POSTGRES), "-U", "postgres", "pgbench"],
                             capture_output=True, text=True, check=True, env=env).stdout
        return {"tps": float(re.search(r"tps = ([0-9.]+)", out).group(1)),
                "latency": float(re.search(r"latency average = ([0-9.]+) ms", out).group(1))}
    once(WARMUP)
    runs = [once(DURATION) for _ in range(RUNS)]
    figure("read.pgbench.tps", [r["tps"] for r in runs], "tx/s",
           f"pgbench -S (prepared, {CONNECTIONS} clients, scale 1) on the suite's PostgreSQL: read transactions per second")
    figure("read.pgbench.latencyAverage", [r["latency"] for r in runs], "ms", "pgbench -S: average latency")
    return runs


# ---- processes -------------------------------------------------------------------------------------------------

def listening_pids(port):
    out = subprocess.run(["ss", "-Hltnp", f"sport = :{port}"], capture_output=True, text=True).stdout
    return sorted({int(pid) for pid in re.findall(r"pid=([0-9]+)", out)})


def listening_pid(port):
    pids = listening_pids(port)
    return pids[0] if pids else None


def rss_mb(pid):
    with open(f"/proc/{pid}/status") as status:
        return int(re.search(r"VmRSS:\s+([0-9]+) kB", status.read()).group(1)) / 1024


def service_jvm_options():
    options = {}
    for name, port in SERVICES.items():
        with open(f"/proc/{listening_pid(port)}/cmdline") as cmdline:
            options[name] = [arg for arg in cmdline.read().split("\0") if arg.startswith("-X")]
    return options


def memory_breakdown(pid):
    """Where a JVM's resident memory is, in MB: the heap committed (jcmd GC.heap_info), metaspace committed
    (VM.metaspace), the code cache in use (Compiler.codecache), the thread count, and what remains of the RSS
    (thread stacks, GC structures, the class-data archive, malloc arenas, Netty's buffers)."""
    def jcmd(*command):
        return subprocess.run(["jcmd", str(pid), *command], capture_output=True, text=True, timeout=60).stdout

    heap = jcmd("GC.heap_info")
    committed = sum(int(kb) for kb in re.findall(r"(?:generation|space)\s+total\s+([0-9]+)K", heap)
                    if kb) or None
    metaspace = re.search(r"Metaspace\s+used\s+[0-9]+K, committed\s+([0-9]+)K", heap)
    code = sum(int(kb) for kb in re.findall(r"used=([0-9]+)Kb", jcmd("Compiler.codecache")))
    rss = rss_mb(pid)
    parts = {"rssMb": round(rss, 1),
             "heapCommittedMb": round(committed / 1024, 1) if committed else None,
             "metaspaceCommittedMb": round(int(metaspace.group(1)) / 1024, 1) if metaspace else None,
             "codeCacheUsedMb": round(code / 1024, 1),
             "threads": len(os.listdir(f"/proc/{pid}/task"))}
    known = sum(v for k, v in parts.items() if k.endswith("Mb") and k != "rssMb" and v)
    parts["restMb"] = round(rss - known, 1)
    return parts


def service_rss():
    return {name: rss_mb(listening_pid(port)) for name, port in SERVICES.items()}


def free_port():
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def wait_ready(port, timeout, process=None):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"process on port {port} exited with {process.returncode}")
        try:
            connection = http.client.HTTPConnection(HOST, port, timeout=2)
            connection.request("GET", "/q/health/ready")
            if connection.getresponse().status == 200:
                return True
        except OSError:
            pass
        time.sleep(0.05)
    return False


def start_to_ready():
    """Each service started once more beside the running suite (same configuration, another port), idle machine."""
    for name, port in SERVICES.items():
        pid = listening_pid(port)
        with open(f"/proc/{pid}/cmdline") as cmdline:
            command = cmdline.read().split("\0")[:-1]
        # Its environment (e.g. MALLOC_ARENA_MAX) and working directory too: the same process, another port.
        with open(f"/proc/{pid}/environ") as environ:
            environment = dict(entry.split("=", 1) for entry in environ.read().split("\0") if "=" in entry)
        directory = os.readlink(f"/proc/{pid}/cwd")
        hz = os.sysconf("SC_CLK_TCK")
        seconds, rss, cpu, jit, main_thread = [], [], [], [], []
        for _ in range(STARTS):
            other = free_port()
            copy = [f"-Dquarkus.http.port={other}" if arg.startswith("-Dquarkus.http.port=") else arg for arg in command]
            began = time.monotonic()
            process = subprocess.Popen(copy, cwd=directory, env=environment, stdout=subprocess.DEVNULL,
                                       stderr=subprocess.DEVNULL)
            try:
                if wait_ready(other, 120, process):
                    seconds.append(time.monotonic() - began)
                    rss.append(rss_mb(process.pid))
                    # Where the start's CPU went: on two cores the JIT compiler threads compete with the main thread.
                    threads = {group: tick / hz for (_, group), tick in cpu_ticks([process.pid]).items()}
                    cpu.append(sum(threads.values()))
                    jit.append(sum(t for group, t in threads.items() if group.startswith(("C1 Compiler", "C2 Compiler"))))
                    main_thread.append(threads.get("java", 0))
            finally:
                process.send_signal(signal.SIGTERM)
                try:
                    process.wait(30)
                except subprocess.TimeoutExpired:
                    process.kill()
        figure(f"start.{name}.seconds", seconds, "s", f"{name}: process start to /q/health/ready UP")
        figure(f"start.{name}.rssAtReadyMb", rss, "MB", f"{name}: RSS when ready")
        figure(f"start.{name}.cpuSecondsAtReady", cpu, "s", f"{name}: CPU time (all threads) from start to ready")
        figure(f"start.{name}.jitCpuSecondsAtReady", jit, "s", f"{name}: of which the JIT compiler threads (C1, C2)")
        figure(f"start.{name}.mainThreadCpuSecondsAtReady", main_thread, "s", f"{name}: of which the main thread")


# ---- the framework ceiling -------------------------------------------------------------------------------------

def start_ceiling():
    jar = os.path.join(HERE, "ceiling", "target", "quarkus-app", "quarkus-run.jar")
    if not os.path.isfile(jar):
        log("building the framework-ceiling app (bench/ceiling)")
        subprocess.run([os.path.join(ROOT, "mvnw"), "-B", "-q", "-f", os.path.join(HERE, "ceiling", "pom.xml"),
                        "package", "-DskipTests"], check=True)
    if not psql("postgres", "SELECT 1 FROM pg_database WHERE datname = 'ceiling'").strip():
        psql("postgres", "CREATE DATABASE ceiling")
    env = {**os.environ, "CEILING_PORT": str(CEILING), "CEILING_OIDC_URL": KEYCLOAK,
           "CEILING_DB_URL": f"jdbc:postgresql://localhost:{POSTGRES}/ceiling"}
    # The JVM options of the running programme-service (read from its command line), so the ratio compares code,
    # not flags.
    options = service_jvm_options()["programme-service"]
    process = subprocess.Popen(["java", *options, "-jar", jar], env=env,
                               stdout=open(os.path.join(RESULTS, "ceiling.log"), "w"), stderr=subprocess.STDOUT)
    if not wait_ready_path(CEILING, "/items/00000000-0000-0000-0000-000000000001", 120, process):
        process.kill()
        raise RuntimeError("the framework-ceiling app did not start; see bench/results/ceiling.log")
    return process


def wait_ready_path(port, path, timeout, process):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            return False
        try:
            connection = http.client.HTTPConnection(HOST, port, timeout=2)
            connection.request("GET", path)
            if connection.getresponse().status in (200, 401):
                return True
        except OSError:
            pass
        time.sleep(0.1)
    return False


# ---- data ------------------------------------------------------------------------------------------------------

def generate_sync_projects(count):
    """Bench data: COUNT projects of a new programme, inserted with one SQL statement into programme-service's
    database (no events: the other services never see them). Returns the programme id."""
    programme = str(uuid.uuid4())
    run = programme[:6].upper()
    psql("programme", f"""
        INSERT INTO programme (id, name, ambition, goals, start_date, end_date, programme_manager, steering_committee,
                               version, created_at, updated_at, lines)
        VALUES ('{programme}', 'Syncbench {run}', 'Bench data of bench/run: the changedSince full sync.', '[]',
                '2026-01-01', '2040-12-31', 'Petra de Vries', '[]', 1, now(), now(),
                '[{{"code": "services", "name": "Dienstverlening", "colour": "#0063D3"}}]');
        INSERT INTO project (id, programme_id, code, name, description, line, priority_rank, status,
                             planned_start_date, planned_end_date, budget, owner, change_seq, version, created_at,
                             updated_at)
        SELECT gen_random_uuid(), '{programme}', 'Y{run}-' || n, 'Syncproject ' || n,
               'Gegenereerd door bench/run voor de changedSince-synchronisatie.', 'services', n, 'proposed',
               DATE '2026-01-01' + (n % 3000), DATE '2040-12-31', 100000.00, 'Jan Jansen',
               nextval('project_change_seq'), 1, now(), now()
        FROM generate_series(1, {count}) AS n;
        ANALYZE project;""")
    return programme


def full_sync(bearer, programme):
    """Pages through the changes feed from 0 to the end; returns (items, seconds)."""
    client = Client(GATEWAY, bearer)
    cursor, items = "0", 0
    began = time.monotonic()
    while True:
        _, page = client.json("GET", f"/api/v1/projects?programmeId={programme}&changedSince={cursor}&limit=100")
        items += len(page["items"])
        if not page["items"] or not page.get("nextCursor"):
            break
        cursor = page["nextCursor"]
    return items, time.monotonic() - began


# ---- mixed writes ----------------------------------------------------------------------------------------------

class MixedWrites:
    """Status changes, milestone updates, participations and variant choices, round-robin at a fixed rate through
    the gateway, one write in flight per object (If-Match with the ETag of its last write)."""

    SLOTS = 25  # objects per kind: at 100 writes/s each object has one write in flight per second

    def __init__(self, admin, programme, municipalities):
        self.admin = admin
        self.setup = Client(GATEWAY, admin)
        self.objects = []
        run = uuid.uuid4().hex[:6].upper()
        for i in range(self.SLOTS):
            _, project = self.setup.json("POST", "/api/v1/projects", {
                "programmeId": programme, "code": f"W{run}-{i}", "name": f"Schrijfbench {i}",
                "description": "Gegenereerd door bench/run (gemengde schrijflast).", "line": "front-office",
                "plannedStartDate": "2030-01-01", "plannedEndDate": "2030-12-31", "budget": 1000.0,
                "owner": "Programmabureau"})
            pid = project["id"]
            for status in ("planned", "in-progress"):
                self.setup.json("POST", f"/api/v1/projects/{pid}/status-changes",
                                {"status": status, "explanation": "Bench: gestart."})
            headers, milestone = self.setup.json("POST", f"/api/v1/projects/{pid}/milestones",
                                                 {"title": "Bench-mijlpaal", "dueDate": "2030-06-30", "key": False})
            code = municipalities[i % len(municipalities)]
            self.objects.append({"kind": "status", "project": pid, "at_risk": False})
            self.objects.append({"kind": "milestone", "project": pid, "id": milestone["id"],
                                 "etag": self.etag(f"/api/v1/projects/{pid}/milestones/{milestone['id']}"), "k": 0})
            self.objects.append({"kind": "participation", "project": pid, "code": code, "k": 0,
                                 "etag": self.created(f"/api/v1/municipalities/{code}/participations",
                                                      {"projectId": pid, "participates": True, "localLead": "J. de Vries",
                                                       "implementationStatus": "preparing"},
                                                      f"/api/v1/municipalities/{code}/participations/{pid}")})
            self.objects.append({"kind": "variant", "project": pid, "code": code, "k": 0,
                                 "etag": self.created(f"/api/v1/municipalities/{code}/variant-choices",
                                                      {"projectId": pid, "approach": "uniform", "variantName": None,
                                                       "justification": "Uniform, zoals afgesproken."},
                                                      f"/api/v1/municipalities/{code}/variant-choices/{pid}")})

    def etag(self, path):
        headers, _ = self.setup.json("GET", path)
        return headers["ETag"]

    def created(self, path, body, item_path):
        # municipality-service learns the project from programme-service's event: retry until it knows it.
        deadline = time.monotonic() + 60
        while True:
            status, _, data = self.setup.call("POST", path, body, {"Idempotency-Key": str(uuid.uuid4())})
            if status in (200, 201):
                return self.etag(item_path)
            if status != 400 or b"projectId" not in data or time.monotonic() > deadline:
                raise RuntimeError(f"POST {path}: {status} {data[:300]!r}")
            time.sleep(0.2)

    def write(self, client, obj):
        kind, pid = obj["kind"], obj["project"]
        if kind == "status":
            obj["at_risk"] = not obj["at_risk"]
            return client.call("POST", f"/api/v1/projects/{pid}/status-changes",
                               {"status": "at-risk" if obj["at_risk"] else "in-progress",
                                "explanation": "Bench: risico herzien."}), (201,)
        obj["k"] += 1
        if kind == "milestone":
            path = f"/api/v1/projects/{pid}/milestones/{obj['id']}"
            body = {"title": "Bench-mijlpaal", "dueDate": (datetime.date(2030, 6, 1)
                                                           + datetime.timedelta(days=obj["k"] % 60)).isoformat(),
                    "key": False}
        elif kind == "participation":
            path = f"/api/v1/municipalities/{obj['code']}/participations/{pid}"
            body = {"projectId": pid, "participates": True, "localLead": f"J. de Vries {obj['k']}",
                    "implementationStatus": "preparing"}
        else:
            path = f"/api/v1/municipalities/{obj['code']}/variant-choices/{pid}"
            body = {"projectId": pid, "approach": "uniform", "variantName": None,
                    "justification": f"Uniform, herbevestigd ({obj['k']})."}
        answer = client.call("PUT", path, body, {"If-Match": obj["etag"]})
        if answer[0] == 200:
            obj["etag"] = answer[1]["ETag"]
        return answer, (200,)

    def run(self, rate, seconds, stop=None):
        """Writes at RATE/s for SECONDS (or until STOP is set); returns (latencies ms, errors)."""
        latencies, errors = [], []
        interval = len(self.objects) / rate
        end = time.monotonic() + seconds

        token_lock = threading.Lock()
        # Renewed at the first write too: the token taken at the bench's start has expired (15 min) by the soak.
        token_state = {"bearer": self.admin, "at": float("-inf")}

        def bearer():
            """The admin token, renewed each minute."""
            with token_lock:
                if time.monotonic() - token_state["at"] > 60:
                    token_state["bearer"], token_state["at"] = admin_token(), time.monotonic()
                return token_state["bearer"]

        def worker(obj, offset):
            client = Client(GATEWAY, self.admin)
            next_at = time.monotonic() + offset
            while time.monotonic() < end and not (stop and stop.is_set()):
                time.sleep(max(0.0, next_at - time.monotonic()))
                client.bearer = bearer()
                began = time.perf_counter()
                try:
                    (status, _, data), expected = self.write(client, obj)
                    if status in expected:
                        latencies.append((time.perf_counter() - began) * 1000)
                    else:
                        errors.append(f"{obj['kind']}: {status} {data[:200]!r}")
                except (OSError, http.client.HTTPException) as error:
                    errors.append(f"{obj['kind']}: {error}")
                next_at += interval

        threads = [threading.Thread(target=worker, args=(obj, i * interval / len(self.objects)))
                   for i, obj in enumerate(self.objects)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        return latencies, errors


def percentile(samples, q):
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else None


# ---- soak ------------------------------------------------------------------------------------------------------

def soak(bearer, paths, writes):
    """SOAK_SECONDS of mixed traffic at SOAK_RATE req/s through the gateway: wrk reads (paced by soak.lua) plus
    mixed writes at 5 % of the rate; one p99 point per SOAK_WINDOW s."""
    write_rate = max(1, SOAK_RATE // 20)
    read_rate = SOAK_RATE - write_rate
    connections = 50
    # soak.lua gives each of wrk's two threads a request slot every interval_ms on the wall clock.
    interval_ms = 2 * 1000 / read_rate
    stop = threading.Event()
    write_result = {}
    writer = threading.Thread(target=lambda: write_result.update(
        zip(("latencies", "errors"), writes.run(write_rate, SOAK_SECONDS + 60, stop))))
    if ONLY:
        # A soak on its own starts from a suite at rest, whose heaps then grow to their maximum: that is not growth
        # over time. The same traffic first runs SOAK_WARMUP s (a full run's soak follows the whole load instead).
        warm_stop = threading.Event()
        warm_writer = threading.Thread(target=lambda: writes.run(write_rate, SOAK_WARMUP, warm_stop))
        warm_writer.start()
        wrk(GATEWAY, None, SOAK_WARMUP, integrator_token(), connections, [f"{interval_ms:.3f}"] + paths)
        warm_stop.set()
        warm_writer.join()
        log(f"soak warm-up: {SOAK_WARMUP} s")
    rss_before = service_rss()
    points = []
    began = time.monotonic()
    writer.start()
    while time.monotonic() - began < SOAK_SECONDS:
        window = min(SOAK_WINDOW, max(1, int(SOAK_SECONDS - (time.monotonic() - began))))
        fresh = integrator_token()  # a window never outlives its token
        result = wrk(GATEWAY, None, window, fresh, connections, [f"{interval_ms:.3f}"] + paths)
        rss = service_rss()
        points.append({"atSeconds": round(time.monotonic() - began), "p99Ms": result["p99"], "p50Ms": result["p50"],
                       "rps": result["rps"], "errors": result["errors"], "rssMb": rss})
        log(f"soak {points[-1]['atSeconds']} s: {result['rps']:.0f} req/s, p99 {result['p99']:.1f} ms, "
            f"errors {result['errors']}")
    stop.set()
    writer.join()
    rss_after = service_rss()
    return points, rss_before, rss_after, write_result, read_rate, write_rate


def svg_chart(points):
    width, height, left, bottom = 640, 260, 50, 30
    top = max([p["p99Ms"] for p in points] + [1.0]) * 1.15
    span = max(points[-1]["atSeconds"], 1)

    def xy(p):
        return (left + (width - left - 10) * p["atSeconds"] / span,
                height - bottom - (height - bottom - 10) * p["p99Ms"] / top)
    line = " ".join(f"{x:.1f},{y:.1f}" for x, y in map(xy, points))
    ticks = "".join(f'<text x="{left - 6}" y="{height - bottom - (height - bottom - 10) * f + 4:.1f}" '
                    f'text-anchor="end">{top * f:.0f}</text>' for f in (0, 0.5, 1))
    return f"""<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" font-family="sans-serif" font-size="11">
<title>Soak: p99 latency over time ({SOAK_RATE} req/s mixed, {SOAK_SECONDS} s)</title>
<rect width="100%" height="100%" fill="white"/>
<line x1="{left}" y1="{height - bottom}" x2="{width - 10}" y2="{height - bottom}" stroke="black"/>
<line x1="{left}" y1="10" x2="{left}" y2="{height - bottom}" stroke="black"/>
{ticks}
<text x="{left}" y="{height - 8}">0 s</text><text x="{width - 10}" y="{height - 8}" text-anchor="end">{span} s</text>
<text x="12" y="{(height - bottom) / 2}" transform="rotate(-90 12 {(height - bottom) / 2})" text-anchor="middle">p99 ms</text>
<polyline fill="none" stroke="#E3001B" stroke-width="2" points="{line}"/>
</svg>
"""


# ---- main ------------------------------------------------------------------------------------------------------

def main():
    os.makedirs(RESULTS, exist_ok=True)
    for tool in ("wrk", "pgbench", "psql", "ss"):
        if not shutil.which(tool):
            sys.exit(f"{tool} is missing (bench/run installs wrk and postgresql-client with apt-get)")
    load_before = os.getloadavg()
    started = datetime.datetime.now(datetime.timezone.utc)
    reader, admin = integrator_token(), admin_token()
    setup = Client(GATEWAY, admin)
    _, programmes = setup.json("GET", "/api/v1/programmes")
    programme = next(p["id"] for p in programmes if p["name"] == "EGEM Krimpenerwaard")
    _, page = setup.json("GET", f"/api/v1/projects?programmeId={programme}&limit=1")
    project = page["items"][0]["id"]
    _, municipalities = setup.json("GET", "/api/v1/municipalities?limit=5")
    codes = [m["code"] for m in municipalities["items"]]

    project_path = f"/api/v1/projects/{project}"
    writes = None
    # 5a. start to ready, alone on an otherwise idle machine (before any load), and RSS at rest.
    if stage("start"):
        log("start to ready")
        start_to_ready()
        for name, mb in service_rss().items():
            figure(f"rss.{name}.atRestMb", [mb], "MB", f"{name}: RSS at rest (suite up, before the load)")

    # 1. single-project GET: gateway, direct, framework ceiling, pgbench -S.
    if stage("read"):
        log("single-project GET")
        jit_warm_up(SERVICES["programme-service"], project_path, reader)
        gateway_runs = wrk_runs("read.project.gateway", "GET one project through the gateway", GATEWAY, project_path, reader)
        direct_runs = wrk_runs("read.project.direct", "GET one project directly from programme-service",
                               SERVICES["programme-service"], project_path, reader)
        ceiling = start_ceiling()
        try:
            jit_warm_up(CEILING, "/items/00000000-0000-0000-0000-000000000001", reader)
            ceiling_runs = wrk_runs("read.ceiling", "framework ceiling (bench/ceiling: Quarkus + Panache + OIDC, one row)",
                                    CEILING, "/items/00000000-0000-0000-0000-000000000001", reader)
        finally:
            ceiling.terminate()
            ceiling.wait(30)
        pg_runs = pgbench_runs()
        figure("read.ratio.gatewayToDirect", [g["rps"] / d["rps"] for g, d in zip(gateway_runs, direct_runs)], "ratio",
               "gateway req/s ÷ direct req/s (run by run)")
        figure("read.ratio.directToCeiling", [d["rps"] / c["rps"] for d, c in zip(direct_runs, ceiling_runs)], "ratio",
               "direct req/s ÷ framework-ceiling req/s")
        figure("read.ratio.ceilingToPgbench", [c["rps"] / p["tps"] for c, p in zip(ceiling_runs, pg_runs)], "ratio",
               "framework-ceiling req/s ÷ pgbench -S tx/s")
        figure("read.gatewayOverheadP50", [g["p50"] - d["p50"] for g, d in zip(gateway_runs, direct_runs)], "ms",
               "gateway p50 − direct p50")

    # 2. list page and the changedSince full sync.
    if stage("sync"):
        log("list page and changedSince sync")
        wrk_runs("read.list", "a page of 20 projects through the gateway", GATEWAY,
                 f"/api/v1/projects?programmeId={programme}&limit=20", reader, items_per_request=20)
        began = time.monotonic()
        sync_programme = generate_sync_projects(SYNC_PROJECTS)
        notes.append(f"changedSince data: {SYNC_PROJECTS} projects inserted by SQL in {time.monotonic() - began:.1f} s "
                     f"(programme 'Syncbench …' in programme-service's database; bench data only).")
        full_sync(reader, sync_programme)  # warm-up
        syncs = [full_sync(reader, sync_programme) for _ in range(RUNS)]
        if any(items != SYNC_PROJECTS for items, _ in syncs):
            notes.append(f"changedSince sync returned {[i for i, _ in syncs]} items, expected {SYNC_PROJECTS}.")
        figure("sync.changedSince.itemsPerSecond", [items / seconds for items, seconds in syncs], "items/s",
               f"changedSince full sync of {SYNC_PROJECTS} projects (pages of 100, one client, through the gateway)")
        figure("sync.changedSince.seconds", [seconds for _, seconds in syncs], "s", "changedSince full sync: duration")

    # 3. mixed writes at a fixed rate, then propagation (bench/propagation.py).
    if stage("writes"):
        log("mixed writes")
        writes = MixedWrites(admin, programme, codes)
        writes.run(WRITE_RATE, min(WARMUP, 10))
        write_runs = [writes.run(WRITE_RATE, WRITE_SECONDS) for _ in range(RUNS)]
        figure("write.mixed.p50", [percentile(l, 0.5) for l, _ in write_runs], "ms",
               f"mixed writes at {WRITE_RATE}/s through the gateway: p50 latency")
        figure("write.mixed.p99", [percentile(l, 0.99) for l, _ in write_runs], "ms", "mixed writes: p99 latency")
        figure("write.mixed.achievedPerSecond", [len(l) / WRITE_SECONDS for l, _ in write_runs], "writes/s",
               "mixed writes: accepted writes per second")
        write_errors = [e for _, errors in write_runs for e in errors]
        figure("write.mixed.errors", [len(e) for _, e in write_runs], "count", "mixed writes: failed writes per run")
        if write_errors:
            notes.append(f"mixed writes: {len(write_errors)} failed, e.g. {write_errors[0]}")
    if stage("propagation"):
        log("propagation (bench/propagation.py)")
        def propagation_run(seconds, out):
            subprocess.run([sys.executable, os.path.join(HERE, "propagation.py")], check=True, stdout=subprocess.DEVNULL,
                           env={**os.environ, "PROGRAMME": f"http://localhost:{SERVICES['programme-service']}",
                                "MUNICIPALITY": f"http://localhost:{SERVICES['municipality-service']}",
                                "NEWSLETTER": f"http://localhost:{SERVICES['newsletter-service']}",
                                "KEYCLOAK": KEYCLOAK, "RATE": str(WRITE_RATE), "DURATION": str(seconds),
                                "SETTLE": "10" if QUICK else "30", "OUT": out})
            with open(out) as answer:
                return json.load(answer)

        # The write path of all three JVMs is compiled first, as the read path is: a method called once per write
        # reaches C2's threshold only after minutes at 100 writes/s, and C2 then competes with the events for the
        # two cores (its threads used 47 % of a core in the propagation runs of 2026-12-01 17:55).
        until_compiled([listening_pid(port) for port in SERVICES.values()],
                       lambda seconds: propagation_run(seconds, os.path.join(RESULTS, "propagation-warm-up.json")),
                       20, PROPAGATION_JIT_WARMUP, "the write path")
        propagation = []
        for i in range(RUNS):
            out = os.path.join(RESULTS, f"propagation-run{i + 1}.json")
            run = propagation_run if i else profile_as("propagation", "propagation.py at the write rate", propagation_run)
            propagation.append(run(PROPAGATION_SECONDS, out))
        for model in ("municipality", "newsletter"):
            committed = [{r["readModel"]: r for r in run["committed"] or []}.get(model) for run in propagation]
            observed = [{r["readModel"]: r for r in run["results"]}[model] for run in propagation]
            for q in ("p50Ms", "p99Ms"):
                figure(f"propagation.{model}.{q[:3]}", [c[q] if c else None for c in committed], "ms",
                       f"write accepted → committed in {model}-service's read model ({q[:3]}, commit timestamps, "
                       f"bench/propagation.py at {WRITE_RATE}/s)")
                figure(f"propagation.{model}.observed.{q[:3]}", [o[q] for o in observed], "ms",
                       f"write accepted → first seen by polling {model}-service ({q[:3]}, includes the poll cycle)")

    # 4. scale (bench/scale.py's generator and measurement, imported).
    if stage("scale"):
        log("scale (bench/scale.py)")
        os.environ.update({"PROGRAMME_URL": f"http://localhost:{SERVICES['programme-service']}",
                           "MUNICIPALITY_URL": f"http://localhost:{SERVICES['municipality-service']}", "KEYCLOAK": KEYCLOAK})
        sys.path.insert(0, HERE)
        import scale
        import argparse
        scale_args = argparse.Namespace(projects=SCALE_PROJECTS, dependencies=SCALE_DEPENDENCIES, municipalities=342,
                                        participants=10, requests=SCALE_REQUESTS, writers=8)
        scale_client = scale.Client()
        began = time.monotonic()
        scale_programme, first_project, municipality, _phases = scale.generate(scale_client, scale_args)
        notes.append(f"scale data: {SCALE_PROJECTS} projects, {SCALE_DEPENDENCIES} dependencies, 342 municipalities "
                     f"generated through the APIs by bench/scale.py in {time.monotonic() - began:.0f} s.")
        measure = lambda: scale.measure(scale_client, scale_programme, first_project, municipality, SCALE_REQUESTS)
        scale_runs = [profile_as("scale", "scale.py's measurement (heavy reads, one at a time)", measure)() if not i
                      else measure() for i in range(RUNS)]
        for endpoint in scale_runs[0]:
            key = "scale." + re.sub(r"[^A-Za-z0-9]+", "-", endpoint).strip("-")
            for q in ("p50Ms", "p99Ms"):
                figure(f"{key}.{q[:3]}", [run[endpoint][q] for run in scale_runs], "ms",
                       f"{endpoint} ({SCALE_PROJECTS} projects, {SCALE_DEPENDENCIES} dependencies, 342 municipalities; "
                       f"{q[:3]} of {SCALE_REQUESTS} sequential requests, directly)")

    # 6. soak, then 5b. RSS after the load.
    if stage("soak"):
        log("soak")
        paths = [project_path, f"/api/v1/projects?programmeId={programme}&limit=20",
                 f"/api/v1/projects?programmeId={programme}&changedSince=0&limit=100",
                 f"/api/v1/programmes/{programme}/metro-map", "/api/v1/activities?limit=20",
                 "/api/v1/cost-allocations?participantsOnly=true&limit=20"]
        writes = writes or MixedWrites(admin, programme, codes)
        points, rss_before, rss_after, soak_writes, read_rate, write_rate = soak(reader, paths, writes)
        soak_errors = sum(p["errors"] for p in points) + len(soak_writes.get("errors", []))
        figure("soak.errors", [soak_errors], "count",
               f"soak: {SOAK_SECONDS} s at {SOAK_RATE} req/s ({read_rate} reads/s over {len(paths)} endpoints, "
               f"{write_rate} mixed writes/s), all through the gateway: non-2xx and socket errors")
        figure("soak.p99", [p["p99Ms"] for p in points], "ms", f"soak: p99 per {SOAK_WINDOW} s window (median, min, max of the windows)")
        figure("soak.rps", [p["rps"] for p in points], "req/s", "soak: reads per second achieved per window")
        if soak_writes.get("latencies"):
            figure("soak.writes.p99", [percentile(soak_writes["latencies"], 0.99)], "ms", "soak: p99 of the mixed writes")
        for name in SERVICES:
            if ONLY:  # after some parts only: not the figure after the whole load, which a full run measures
                figure(f"rss.{name}.afterPartsMb", [rss_after[name]], "MB",
                       f"{name}: RSS after the parts of a BENCH_ONLY run ({', '.join(sorted(ONLY))})")
            else:
                figure(f"rss.{name}.afterLoadMb", [rss_after[name]], "MB", f"{name}: RSS after the whole load")
            figure(f"soak.{name}.rssGrowthPercent", [100 * (rss_after[name] - rss_before[name]) / rss_before[name]], "%",
                   f"{name}: RSS growth over the soak")
        if soak_writes.get("errors"):
            notes.append(f"soak writes: {len(soak_writes['errors'])} failed, e.g. {soak_writes['errors'][0]}")
        if shutil.which("jcmd"):
            profiles["memory"] = {"what": "each service's resident memory after the load, by part (bench.memory_breakdown)",
                                  "mb": {name: memory_breakdown(listening_pid(port)) for name, port in SERVICES.items()}}

    finished = datetime.datetime.now(datetime.timezone.utc)
    result = {"date": started.strftime("%Y-%m-%dT%H:%M:%SZ"), "finished": finished.strftime("%Y-%m-%dT%H:%M:%SZ"),
              "cores": os.cpu_count(), "load": {"before": [round(x, 2) for x in load_before],
                                                "after": [round(x, 2) for x in os.getloadavg()]},
              "quick": QUICK, "runs": RUNS, "secondsPerRun": DURATION, "warmupSeconds": WARMUP,
              "connections": CONNECTIONS, "jvmOptions": service_jvm_options(), "figures": figures, "soak": points if stage("soak") else [], "profiles": profiles,
              "notes": notes}
    result = merged_with_earlier_run(result)
    with open(os.path.join(RESULTS, "latest.json"), "w") as out:
        json.dump(result, out, indent=2)
        out.write("\n")
    if stage("soak"):
        with open(os.path.join(RESULTS, "soak-p99.svg"), "w") as out:
            out.write(svg_chart(points))
    subprocess.run([sys.executable, os.path.join(HERE, "report.py")], check=True)
    log("written: bench/results/latest.json, latest.md, soak-p99.svg")


def merged_with_earlier_run(result):
    """A BENCH_ONLY run replaces only its own parts' figures in latest.json and keeps the others, each figure marked
    with the run that measured it (`measured`), so a fix can be re-measured without the full half hour. A quick run
    never mixes with real figures."""
    for figure_of_run in result["figures"].values():
        figure_of_run["measured"] = result["date"]
    path = os.path.join(RESULTS, "latest.json")
    if not ONLY or not os.path.exists(path):
        result["parts"] = [{"date": result["date"], "only": sorted(ONLY) or "all", "load": result["load"]}]
        return result
    with open(path) as source:
        earlier = json.load(source)
    if earlier.get("quick") != result["quick"]:
        result["parts"] = [{"date": result["date"], "only": sorted(ONLY), "load": result["load"]}]
        return result
    for figure_of_earlier in earlier["figures"].values():
        figure_of_earlier.setdefault("measured", earlier["date"])
    parts = earlier.get("parts") or [{"date": earlier["date"], "only": "all", "load": earlier["load"]}]
    merged = {**earlier, "figures": {**earlier["figures"], **result["figures"]},
              "profiles": {**earlier.get("profiles", {}), **result["profiles"]},
              "soak": result["soak"] if stage("soak") else earlier.get("soak", []),
              "jvmOptions": result["jvmOptions"],
              "notes": earlier.get("notes", []) + [f"({result['date']}, {', '.join(sorted(ONLY))}) {note}"
                                                   for note in result["notes"]],
              "parts": parts + [{"date": result["date"], "only": sorted(ONLY), "load": result["load"]}]}
    return merged


if __name__ == "__main__":
    main()
