#!/bin/sh
# Entrypoint of the swarm image. With arguments, runs them (e.g. `swarm goal "..." --wait`). Without, runs the
# agent or the gateway named by SWARM_SERVICE (baked from the SERVICE build arg) exactly as the tests start it:
# node as PID 1, so SIGTERM reaches the service, which drains what it has in flight and exits 0.
set -eu
if [ "$#" -gt 0 ]; then
  exec "$@"
fi
case "${SWARM_SERVICE:-}" in
  search | scraper | ranker | communications | gateway)
    exec node "services/${SWARM_SERVICE}/dist/main.js"
    ;;
  cli)
    exec swarm --help
    ;;
  *)
    echo "docker-entrypoint: SWARM_SERVICE must be search, scraper, ranker, communications, gateway or cli (got '${SWARM_SERVICE:-}')" >&2
    exit 64
    ;;
esac
