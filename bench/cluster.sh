#!/usr/bin/env bash
# Starts throw-away PostgreSQL (fsync on: a benchmark pays for durability as production does), NATS (JetStream) and
# Redis on free loopback ports, runs the cluster ingest benchmark and/or the load test against them, and stops them.
#   bench/cluster.sh                          cluster --seconds 60 on the in-process bus, then on NATS
#   bench/cluster.sh cluster --bus nats       one verb with its arguments (see bench/Vanguard.Bench/Program.cs)
#   bench/cluster.sh load --minutes 10
# Engines already running can be given instead: VANGUARD_BENCH_POSTGRES / VANGUARD_BENCH_NATS and run the bench directly.
set -uo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

free_port() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'; }
wait_port() { # port, name: up to 30 s
  for _ in $(seq 1 300); do (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0; sleep 0.1; done
  echo "$2 did not start on port $1"; return 1
}
command -v nats-server >/dev/null && command -v redis-server >/dev/null && compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null \
  || { echo "needs postgresql, nats-server and redis-server (Debian packages; ./test.sh installs them)"; exit 1; }

PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
DIR=$(mktemp -d /tmp/vanguard-bench-cluster.XXXXXX)
PIDS=()
as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  as_postgres "$PGBIN/pg_ctl" -D "$DIR/data" -m fast -w stop >/dev/null 2>&1 || true
  wait 2>/dev/null
  rm -rf "$DIR"
}
trap cleanup EXIT
[ "$(id -u)" -eq 0 ] && chown postgres:postgres "$DIR"

PGPORT=$(free_port); NATSPORT=$(free_port); REDISPORT=$(free_port)
as_postgres "$PGBIN/initdb" -D "$DIR/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null \
  && as_postgres "$PGBIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -t 30 \
       -o "-p $PGPORT -k $DIR -c listen_addresses=127.0.0.1 -c max_connections=300" start >/dev/null \
  || { echo "PostgreSQL did not start"; cat "$DIR/server.log"; exit 1; }
mkdir -p "$DIR/nats"
nats-server -js -a 127.0.0.1 -p "$NATSPORT" -sd "$DIR/nats" >"$DIR/nats.log" 2>&1 & PIDS+=($!)
redis-server --bind 127.0.0.1 --port "$REDISPORT" --save "" --appendonly no >"$DIR/redis.log" 2>&1 & PIDS+=($!)
wait_port "$NATSPORT" NATS && wait_port "$REDISPORT" Redis || { tail -5 "$DIR"/{nats,redis}.log; exit 1; }

export VANGUARD_BENCH_POSTGRES="Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=postgres"
export VANGUARD_BENCH_NATS="nats://127.0.0.1:$NATSPORT"
export VANGUARD_BENCH_REDIS="127.0.0.1:$REDISPORT"
echo "PostgreSQL :$PGPORT, NATS :$NATSPORT, Redis :$REDISPORT (stopped at the end)"

dotnet build bench/Vanguard.Bench -c Release -v quiet -nologo >/dev/null || { echo "build failed"; exit 1; }
BENCH=bench/Vanguard.Bench/bin/Release/net10.0/Vanguard.Bench.dll
status=0
if [ $# -gt 0 ]; then
  dotnet "$BENCH" "$@" || status=$?
else
  dotnet "$BENCH" cluster --bus inprocess || status=$?
  dotnet "$BENCH" cluster --bus nats || status=$?
fi
exit $status
