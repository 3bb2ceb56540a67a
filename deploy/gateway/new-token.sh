#!/usr/bin/env bash
# Makes a static API token for the gateway under docker compose: prints the token once and writes only its
# sha256, with its roles, to deploy/gateway/tokens/tokens.json, which docker-compose.yml mounts read-only as the
# gateway's GATEWAY_TOKENS_FILE. Kubernetes keeps the same file in Secret gateway-tokens (docs/deploy.md).
#
#   deploy/gateway/new-token.sh [NAME] [ROLES]
#
#   NAME   who holds the token, the subject the gateway records (decisions, submitted goals); default: laptop.
#          A token of the same name in the file is replaced (rotation); the others are kept.
#   ROLES  comma-separated, of viewer, submitter, approver, operator; default: all four.
#
# Then: docker compose restart gateway. The file holds hashes only, so it is readable by all (0644): the
# container runs as another user than the one running this script. Needs openssl.
set -euo pipefail

name=${1:-laptop}
roles=${2:-viewer,submitter,approver,operator}
file=${GATEWAY_TOKENS_OUT:-"$(cd "$(dirname "$0")" && pwd)/tokens/tokens.json"}

[[ "$name" =~ ^[A-Za-z0-9_.@-]{1,64}$ ]] || { echo "new-token: bad name '$name' (1-64 of A-Z a-z 0-9 _ . @ -)" >&2; exit 64; }
role_list=
for role in ${roles//,/ }; do
  case "$role" in
    viewer | submitter | approver | operator) role_list="${role_list:+$role_list,}\"$role\"" ;;
    *) echo "new-token: unknown role '$role' (viewer, submitter, approver, operator)" >&2; exit 64 ;;
  esac
done
[ -n "$role_list" ] || { echo "new-token: no roles given" >&2; exit 64; }

token=$(openssl rand -base64 32 | tr '+/' '-_' | tr -d '=\n')
sha256=$(printf '%s' "$token" | openssl dgst -sha256 -r | cut -d' ' -f1)
entry="  {\"name\":\"$name\",\"sha256\":\"$sha256\",\"roles\":[$role_list]}"

# One entry per line (the format this script writes): keep the other names' entries, replace this name's.
mkdir -p "$(dirname "$file")"
kept=$(grep -E '^  \{"name":' "$file" 2>/dev/null | grep -v -F "{\"name\":\"$name\"," | sed 's/,$//' || true)
{
  echo '['
  { [ -n "$kept" ] && printf '%s\n' "$kept"; printf '%s\n' "$entry"; } | sed '$!s/$/,/'
  echo ']'
} >"$file.tmp"
chmod 644 "$file.tmp"
mv "$file.tmp" "$file"

echo "new-token: token '$name' ($roles) written as its sha256 to $file"
echo "login token (shown once, keep it in a password manager): $token"
