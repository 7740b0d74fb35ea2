#!/bin/bash
# The `backup` service (runs as the postgres user, beside the primary: same
# data volume, same socket): once a night a full pgBackRest backup (the WAL
# between two nights is archived continuously by the primary) and a copy of
# the Odoo filestore. Attachments' files are named by their content and
# never changed, so the copy only adds files: it holds every file any
# restored moment needs.
#   BACKUP_AT   the hour of the nightly backup, HH:MM in TZ (default 02:30)
set -euo pipefail
stanza=coop
at="${BACKUP_AT:-02:30}"
filestore_copy=/var/lib/pgbackrest/filestore

until pg_isready -q -h /var/run/postgresql; do sleep 2; done
# Idempotent: creates the stanza the first time, checks it afterwards.
pgbackrest --stanza="$stanza" stanza-create
pgbackrest --stanza="$stanza" check

nightly() {
    pgbackrest --stanza="$stanza" --type=full backup  # then expires the old
    mkdir -p "$filestore_copy"
    cp -a --no-clobber /var/lib/odoo/filestore/. "$filestore_copy/"
    date -Is > "$filestore_copy/.copied-at"
}

# No backup yet (first start): one now, so that the WAL archive has a base.
if ! pgbackrest --stanza="$stanza" info --output=json | grep -q '"label"'; then
    nightly
fi
while true; do
    now=$(date +%s)
    next=$(date -d "today $at" +%s)
    [ "$next" -gt "$now" ] || next=$(date -d "tomorrow $at" +%s)
    sleep $((next - now))
    nightly || echo "backup FAILED at $(date -Is)" >&2
done
