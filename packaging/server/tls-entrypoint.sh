#!/bin/sh
# First start: a self-signed certificate for $PGDESK_SERVER_NAME in the pgtls volume (kept across
# restarts and upgrades). Then the postgres image's own entrypoint takes over.
set -eu
tls=${PGDESK_TLS_DIR:-/var/lib/postgresql/tls}
if [ ! -s "$tls/server.key" ] || [ ! -s "$tls/server.crt" ]; then
    mkdir -p "$tls"
    openssl req -new -x509 -days 3650 -nodes -newkey rsa:3072 -sha256 \
        -subj "/CN=${PGDESK_SERVER_NAME}" \
        -addext "subjectAltName=DNS:${PGDESK_SERVER_NAME},DNS:localhost,IP:127.0.0.1" \
        -keyout "$tls/server.key" -out "$tls/server.crt"
    if [ "$(id -u)" = 0 ]; then chown -R postgres:postgres "$tls"; fi
    chmod 600 "$tls/server.key"
    echo "pgdesk: certificaat gemaakt voor ${PGDESK_SERVER_NAME} ($tls/server.crt)"
fi
exec docker-entrypoint.sh "$@"
