#!/bin/bash
# The replica: on its first start, a copy of the primary (pg_basebackup
# writes standby.signal and the connection to the primary), then a hot
# standby that follows it.
set -euo pipefail
if [ ! -s "$PGDATA/PG_VERSION" ]; then
    export PGPASSWORD="$REPLICATION_PASSWORD"
    until pg_basebackup --host=db --username=replicator --pgdata="$PGDATA" \
            --wal-method=stream --write-recovery-conf --progress; do
        echo "waiting for the primary..."; sleep 2
    done
    chown -R postgres:postgres "$PGDATA"
    chmod 700 "$PGDATA"
fi
exec gosu postgres postgres -c hot_standby=on
