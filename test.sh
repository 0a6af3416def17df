#!/usr/bin/env bash
# Installs what the tests need (Debian packages), starts throw-away PostgreSQL, NATS (JetStream), Redis and an
# S3-compatible server (s3rver, from npm) on free loopback ports, builds once, runs every test project — the server
# tests twice, on SQLite and on PostgreSQL; the cluster tests once, with all the engines — stops what it started, and
# ends with the totals on a line of their own: "N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")"
ROOT=$(pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

log() { printf '\n== %s\n' "$*"; }

# --- 1. System packages (once per machine) -------------------------------------------------------------------
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || missing+=(postgresql)
command -v ffmpeg >/dev/null 2>&1 || missing+=(ffmpeg)
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)
command -v nats-server >/dev/null 2>&1 || missing+=(nats-server)
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
[ -f /usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf ] || missing+=(fonts-arphic-gbsn00lp)
fc-list 2>/dev/null | grep -qi "WenQuanYi Micro Hei" || missing+=(fonts-wqy-microhei)
if [ ${#missing[@]} -gt 0 ]; then
  log "Installing ${missing[*]} from Debian's packages"
  if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
    || { echo "apt-get install failed"; echo "0 passed, 1 failed"; exit 1; }
fi

# tus-js-client for the evidence interoperability test (tests/interop/tus-upload.mjs) and s3rver, an S3-compatible server
# for the S3 evidence store's tests, into a git-ignored folder — in ONE npm command: without a package.json, each
# `npm install --no-save` prunes what an earlier one installed.
if [ ! -f tests/interop/node_modules/tus-js-client/package.json ] || [ ! -f tests/interop/node_modules/s3rver/package.json ]; then
  log "Installing tus-js-client 4.3.1 and s3rver 3.7.1 for the interoperability and S3 tests"
  npm install --no-save --no-audit --no-fund --silent --prefix tests/interop tus-js-client@4.3.1 s3rver@3.7.1 >/dev/null 2>&1 \
    || echo "npm install failed: the tus interoperability and S3 tests will fail and say so"
fi

# --- 2. Throw-away PostgreSQL, NATS, Redis and s3rver --------------------------------------------------------------
free_port() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'; }
wait_port() { # port, name: up to 30 s
  for _ in $(seq 1 300); do (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0; sleep 0.1; done
  echo "$2 did not start on port $1"; return 1
}
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
PGPORT=$(free_port)
PGDIR=$(mktemp -d /tmp/vanguard-pg.XXXXXX)
SERVICE_PIDS=()
as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
  for pid in "${SERVICE_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  as_postgres "$PGBIN/pg_ctl" -D "$PGDIR/data" -m immediate -w stop >/dev/null 2>&1 || true
  wait 2>/dev/null
  rm -rf "$PGDIR"
}
trap cleanup EXIT
[ "$(id -u)" -eq 0 ] && chown postgres:postgres "$PGDIR"
log "Starting PostgreSQL on 127.0.0.1:$PGPORT"
as_postgres "$PGBIN/initdb" -D "$PGDIR/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null \
  && as_postgres "$PGBIN/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/server.log" -w -t 30 \
       -o "-p $PGPORT -k $PGDIR -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300" start >/dev/null \
  || { echo "PostgreSQL did not start"; cat "$PGDIR/server.log" 2>/dev/null; echo "0 passed, 1 failed"; exit 1; }
POSTGRES="Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=postgres"

NATSPORT=$(free_port); REDISPORT=$(free_port); S3PORT=$(free_port)
log "Starting NATS (JetStream) on $NATSPORT, Redis on $REDISPORT, s3rver on $S3PORT"
mkdir -p "$PGDIR/nats" "$PGDIR/s3"
nats-server -js -a 127.0.0.1 -p "$NATSPORT" -sd "$PGDIR/nats" >"$PGDIR/nats.log" 2>&1 & SERVICE_PIDS+=($!)
redis-server --bind 127.0.0.1 --port "$REDISPORT" --save "" --appendonly no >"$PGDIR/redis.log" 2>&1 & SERVICE_PIDS+=($!)
node tests/interop/node_modules/s3rver/bin/s3rver.js -d "$PGDIR/s3" -a 127.0.0.1 -p "$S3PORT" --silent \
  --configure-bucket vanguard-evidence >"$PGDIR/s3rver.log" 2>&1 & SERVICE_PIDS+=($!)
wait_port "$NATSPORT" NATS && wait_port "$REDISPORT" Redis && wait_port "$S3PORT" s3rver \
  || { tail -5 "$PGDIR"/{nats,redis,s3rver}.log; echo "0 passed, 1 failed"; exit 1; }

# --- 3. Build once ---------------------------------------------------------------------------------------------
log "Building"
dotnet build Vanguard.slnx -c Release -v quiet -nologo 2>&1 | tail -5
if [ "${PIPESTATUS[0]}" -ne 0 ]; then echo "0 passed, 1 failed"; exit 1; fi

# --- 4. Run the tests ------------------------------------------------------------------------------------------
passed=0; failed=0; skipped=0; broken=0
run() { # name, project, extra env...
  local name=$1 project=$2; shift 2
  local out="$PGDIR/$name.log"
  log "Tests: $name"
  local contained="$PGDIR/$name.contained.log"
  env "$@" VANGUARD_TEST_CONTAINED_LOG="$contained" dotnet test --project "$project" -c Release --no-build 2>&1 | tee "$out" | grep -E "^\s*(failed|error|Test run summary|  total|  failed|  succeeded|  skipped)|\[FAIL\]|failed .* \(" | head -200
  local rc=${PIPESTATUS[0]}
  local t f s
  t=$(grep -E '^\s*total:' "$out" | tail -1 | grep -oE '[0-9]+' || echo 0)
  f=$(grep -E '^\s*failed:' "$out" | tail -1 | grep -oE '[0-9]+' || echo 0)
  s=$(grep -E '^\s*skipped:' "$out" | tail -1 | grep -oE '[0-9]+' || echo 0)
  if [ "${t:-0}" -eq 0 ] && [ "$rc" -ne 0 ]; then broken=$((broken + 1)); tail -40 "$out"; fi
  # 0 = all passed, 2 = some failed (counted below); anything else (134 = SIGABRT) means the test host died and the tests
  # after that point never ran — a failure even when none of those that ran failed.
  if [ "${t:-0}" -gt 0 ] && [ "$rc" -ne 0 ] && [ "$rc" -ne 2 ]; then
    broken=$((broken + 1))
    log "The $name test host ended with exit code $rc after $t tests: it crashed; what it printed last:"
    grep -v -E '^\s+at ' "$out" | grep -i -E -B2 -A12 'unhandled|fatal|abort|crash|stack overflow' | tail -30
  fi
  # A render asked for off a circuit's thread is contained and logged, not fatal (ADR 0015): say so, with where it came
  # from; and the stack of an exception that ended the host, which the runner's summary leaves out.
  if [ -s "$contained" ]; then
    log "The $name test host reported $(grep -c '^--- contained' "$contained") contained off-dispatcher render(s) (ADR 0015; not a failure) and $(grep -c '^--- fatal' "$contained") fatal exception(s):"
    head -80 "$contained"
  fi
  # What each failed test said (not its stack), so a CI log is enough to see why.
  if [ "${f:-0}" -gt 0 ]; then
    log "Failures in $name"
    grep -v -E '^\s+at |^\s+--- End of' "$out" | grep -A 14 -E '^failed ' | head -150
  fi
  passed=$((passed + ${t:-0} - ${f:-0} - ${s:-0})); failed=$((failed + ${f:-0})); skipped=$((skipped + ${s:-0}))
}
export VANGUARD_CHROMIUM=/usr/bin/chromium
run domain tests/Vanguard.Domain.Tests/Vanguard.Domain.Tests.csproj
run devices tests/Vanguard.Devices.Tests/Vanguard.Devices.Tests.csproj
run server-sqlite tests/Vanguard.Server.Tests/Vanguard.Server.Tests.csproj VANGUARD_TEST_POSTGRES=
run server-postgres tests/Vanguard.Server.Tests/Vanguard.Server.Tests.csproj "VANGUARD_TEST_POSTGRES=$POSTGRES"
run cluster tests/Vanguard.Cluster.Tests/Vanguard.Cluster.Tests.csproj "VANGUARD_TEST_POSTGRES=$POSTGRES" \
  "VANGUARD_TEST_NATS=nats://127.0.0.1:$NATSPORT" "VANGUARD_TEST_REDIS=127.0.0.1:$REDISPORT" "VANGUARD_TEST_S3=http://127.0.0.1:$S3PORT"

failed=$((failed + broken))
echo
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
