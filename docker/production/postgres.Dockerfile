# PostgreSQL 16 of the production layout with pgBackRest (Debian's package,
# as on the machines the tests run on): the primary pushes its WAL to the
# backup repository, the `backup` service takes the nightly full backups and
# restores to a point in time (README, "Production").
FROM postgres:16
RUN apt-get update \
    && apt-get install -y --no-install-recommends pgbackrest \
    && rm -rf /var/lib/apt/lists/* \
    && install -d -o postgres -g postgres -m 0750 \
        /var/lib/pgbackrest /var/log/pgbackrest /var/spool/pgbackrest
