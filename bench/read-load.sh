#!/usr/bin/env bash
# Read load through the gateway against a running local suite (start it with deploy/run-local first):
# an integrator polling project lists, one project, the metro map and the changes feed.
# Prints wrk's numbers and writes them to bench/results/read-load-<timestamp>.txt.
# Traffic goes to localhost only; every run is bounded by DURATION.
set -euo pipefail
cd "$(dirname "$0")"

GATEWAY=${GATEWAY:-http://localhost:8080}
KEYCLOAK=${KEYCLOAK:-http://localhost:8180/realms/metrokaart}
DURATION=${DURATION:-20s}
CONNECTIONS=${CONNECTIONS:-16}
THREADS=${THREADS:-2}

command -v wrk >/dev/null 2>&1 || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
case "$GATEWAY$KEYCLOAK" in
  *localhost*|*127.0.0.1*) ;;
  *) echo "Benchmarks run against this machine only (localhost)." >&2; exit 1 ;;
esac

token=$(curl -sf -d "grant_type=client_credentials&client_id=integrator-client&client_secret=integrator-secret" \
  "$KEYCLOAK/protocol/openid-connect/token" | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')
programme=$(curl -sf -H "Authorization: Bearer $token" "$GATEWAY/api/v1/programmes" \
  | python3 -c 'import json,sys; print(next(p["id"] for p in json.load(sys.stdin) if p["name"] == "EGEM Krimpenerwaard"))')
project=$(curl -sf -H "Authorization: Bearer $token" "$GATEWAY/api/v1/projects?programmeId=$programme&limit=1" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')

mkdir -p results
out="results/read-load-$(date -u +%Y%m%dT%H%M%SZ).txt"
{
  echo "# Metrokaart read load: $(date -u), $THREADS threads, $CONNECTIONS connections, $DURATION per endpoint"
  echo "# machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; gateway rate limit applies per client address"
  for path in "/api/v1/projects?programmeId=$programme&limit=20" \
              "/api/v1/projects/$project" \
              "/api/v1/projects?programmeId=$programme&changedSince=0&limit=100" \
              "/api/v1/programmes/$programme/metro-map"; do
    echo
    echo "## GET $path"
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -H "Authorization: Bearer $token" "$GATEWAY$path" \
      | grep -E "Latency|50%|90%|99%|Requests/sec|Non-2xx|requests in"
  done
} | tee "$out"
echo
echo "Results written to bench/$out"
