#!/usr/bin/env bash
# Makes a private CA and the certificates of the opt-in TLS setup for docker compose (docker-compose.tls.yml,
# deploy/nats/nats-tls.conf). Kubernetes gets its certificates from cert-manager instead (k8s/components/tls).
#
#   deploy/tls/generate-certs.sh [OUT_DIR]        # default: deploy/tls/certs (git-ignored)
#
# Layout, with the key names of a cert-manager Secret so NATS and the agents read the same paths everywhere
# (/etc/nats-tls/{ca.crt,tls.crt,tls.key}):
#   OUT_DIR/ca.crt, OUT_DIR/ca.key              the CA (ca.key is never mounted anywhere)
#   OUT_DIR/nats/{ca.crt,tls.crt,tls.key}       NATS: client port and routes (server and client auth)
#   OUT_DIR/<client>/{ca.crt,tls.crt,tls.key}   one client certificate per NATS user (CN = the user)
#
# Settings (environment):
#   SWARM_TLS_CLIENTS       client certificates to issue, space-separated (unset: search scraper ranker
#                           communications gateway cli approver; empty: none)
#   SWARM_TLS_SERVER_NAMES  extra subject alternative names of the NATS certificate, comma-separated,
#                           e.g. DNS:nats.example.org,IP:10.0.0.5 (always: DNS:nats, DNS:localhost, IP:127.0.0.1)
#   SWARM_TLS_DAYS          validity of the NATS and client certificates in days (default 90)
#   SWARM_TLS_CA_DAYS       validity of a new CA in days (default 3650)
#
# Rotation: run it again. An existing CA is kept, so every certificate it issued stays trusted while the leaf
# certificates are re-issued; then restart NATS and the agents (docs/deploy.md). Delete OUT_DIR for a new CA.
# Keys of the leaf certificates are made readable by all (0644) because the containers run as other users than
# the one running this script: this is the laptop path. Needs OpenSSL 1.1.1 or later.
set -euo pipefail

out=${1:-"$(cd "$(dirname "$0")" && pwd)/certs"}
clients=${SWARM_TLS_CLIENTS-search scraper ranker communications gateway cli approver}
days=${SWARM_TLS_DAYS:-90}
ca_days=${SWARM_TLS_CA_DAYS:-3650}
server_names="DNS:nats,DNS:localhost,IP:127.0.0.1${SWARM_TLS_SERVER_NAMES:+,${SWARM_TLS_SERVER_NAMES}}"

for value in "$days" "$ca_days"; do
  [[ "$value" =~ ^[1-9][0-9]*$ ]] || { echo "generate-certs: days must be a positive integer, got '$value'" >&2; exit 64; }
done
for client in $clients; do
  [[ "$client" =~ ^[A-Za-z0-9_-]+$ ]] || { echo "generate-certs: bad client name '$client'" >&2; exit 64; }
done

mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

new_key() { openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1" 2>/dev/null; }

if [ ! -s "$out/ca.key" ] || [ ! -s "$out/ca.crt" ]; then
  new_key "$out/ca.key"
  chmod 600 "$out/ca.key"
  cat >"$work/ca.cnf" <<'EOF'
[req]
distinguished_name = dn
x509_extensions = ca
prompt = no
[dn]
CN = agent-swarm nats CA
[ca]
basicConstraints = critical, CA:TRUE, pathlen:0
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
EOF
  openssl req -new -x509 -key "$out/ca.key" -days "$ca_days" -config "$work/ca.cnf" -out "$out/ca.crt"
  echo "generate-certs: new CA in $out/ca.crt"
fi

# issue NAME CN EXTENSIONS: a key and a certificate signed by the CA, in OUT_DIR/NAME/{ca.crt,tls.crt,tls.key}.
issue() {
  local dir="$out/$1"
  mkdir -p "$dir"
  new_key "$work/$1.key"
  openssl req -new -key "$work/$1.key" -subj "/CN=$2" -out "$work/$1.csr"
  printf '%b\n' "$3" >"$work/$1.ext"
  openssl x509 -req -in "$work/$1.csr" -CA "$out/ca.crt" -CAkey "$out/ca.key" \
    -set_serial "0x$(openssl rand -hex 16)" -days "$days" -extfile "$work/$1.ext" -out "$work/$1.crt" 2>/dev/null
  cp "$out/ca.crt" "$dir/ca.crt"
  mv "$work/$1.crt" "$dir/tls.crt"
  mv "$work/$1.key" "$dir/tls.key"
  chmod 644 "$dir/ca.crt" "$dir/tls.crt" "$dir/tls.key"
}

issue nats nats "basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = serverAuth, clientAuth
subjectAltName = $server_names"
for client in $clients; do
  issue "$client" "$client" "basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = clientAuth"
done
echo "generate-certs: nats and client certificates ($clients) in $out, valid $days days"
