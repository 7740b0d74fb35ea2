"""The Docker files parse and ship our addons (no Docker engine needed)."""

import configparser
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
DOCKER = ROOT / "docker"


def test_dockerfile_uses_official_image_and_copies_addons():
    lines = [
        line.strip()
        for line in (DOCKER / "Dockerfile").read_text().splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert lines[0] == "FROM odoo:18.0"
    copies = [line for line in lines if line.startswith("COPY")]
    assert any(" addons /mnt/coop-addons" in line for line in copies)


def test_compose_has_postgres_odoo_and_persistent_filestore():
    compose = yaml.safe_load((DOCKER / "compose.yaml").read_text())
    services = compose["services"]
    assert services["db"]["image"].startswith("postgres:")
    odoo = services["odoo"]
    assert (DOCKER / odoo["build"]["context"] / odoo["build"]["dockerfile"]).is_file()
    assert "db" in odoo["depends_on"]
    volumes = odoo["volumes"]
    mount = next(v for v in volumes if v.split(":")[1] == "/mnt/coop-addons")
    assert (DOCKER / mount.split(":")[0]).resolve() == ROOT / "addons"
    assert any(v.startswith("odoo-data:") and ":/var/lib/odoo" in v for v in volumes)
    assert "odoo-data" in compose["volumes"]


def test_container_config_points_at_the_addons_and_the_db():
    conf = configparser.ConfigParser()
    conf.read(DOCKER / "odoo.conf")
    opts = conf["options"]
    assert "/mnt/coop-addons" in opts["addons_path"].split(",")
    # The OCA addons ours depend on, installed by pip from requirements/oca.txt.
    assert "/usr/local/lib/python3.12/dist-packages/odoo/addons" in (
        opts["addons_path"].split(",")
    )
    dockerfile = (DOCKER / "Dockerfile").read_text()
    assert "--no-deps -r /tmp/oca.txt" in dockerfile
    # The image's entrypoint takes the database from the environment
    # (defaults: host db, user and password odoo, as the compose's db).
    assert not {"db_host", "db_user", "db_password"} & set(opts)
    db_env = yaml.safe_load((DOCKER / "compose.yaml").read_text())["services"]["db"]
    assert db_env["environment"]["POSTGRES_USER"] == "odoo"


PRODUCTION = DOCKER / "production"


def test_production_layout_nodes_cron_replica_nginx():
    """Two web nodes with workers and one data dir, jobs on their own node,
    a replica for the read-only routes, nginx with the websocket route."""
    compose = yaml.safe_load((PRODUCTION / "compose.yaml").read_text())
    services = compose["services"]
    nodes = [services[name] for name in ("odoo-1", "odoo-2")]
    for node in [*nodes, services["odoo-cron"]]:
        assert "odoo-data:/var/lib/odoo" in node["volumes"]
        assert (DOCKER.parent / node["build"]["dockerfile"]).is_file()
    for node in nodes:
        assert "--max-cron-threads=0" in node["command"]
    assert "--max-cron-threads=2" in services["odoo-cron"]["command"]
    assert services["db-replica"]["depends_on"]["db"]["condition"] == "service_healthy"
    assert "wal_level=replica" in services["db"]["command"]
    conf = configparser.ConfigParser()
    conf.read(PRODUCTION / "odoo.conf")
    opts = conf["options"]
    # #33: a db_password here wins over .env's POSTGRES_PASSWORD in the
    # official image: changing the password broke every node.
    assert not {"db_host", "db_port", "db_user", "db_password"} & set(opts)
    for node in [*nodes, services["odoo-cron"]]:
        assert node["env_file"] == ".env"
    assert opts["db_replica_host"] == "db-replica"
    assert int(opts["workers"]) >= 2
    assert opts["gevent_port"] == "8072"
    assert opts["proxy_mode"] == "True"
    assert opts["list_db"] == "False"
    assert opts["admin_passwd"] and opts["admin_passwd"] != "admin"
    nginx = (PRODUCTION / "nginx.conf").read_text()
    assert "location /websocket" in nginx
    assert "odoo-1:8072" in nginx and "odoo-2:8069" in nginx
    for script in ("primary-init.sh", "replica-entrypoint.sh"):
        assert (PRODUCTION / script).stat().st_mode & 0o111, f"{script} executable"
    assert "pg_basebackup" in (PRODUCTION / "replica-entrypoint.sh").read_text()


def test_production_layout_archives_the_wal_and_backs_up_every_night():
    """#33: one PostgreSQL 16 image with pgBackRest for the primary, the
    replica and the backup service; the primary archives its WAL with the
    configuration the point-in-time recovery test runs."""
    compose = yaml.safe_load((PRODUCTION / "compose.yaml").read_text())
    services = compose["services"]
    images = {services[name]["image"] for name in ("db", "db-replica", "backup")}
    assert images == {"coop-postgres:16"}
    dockerfile = (PRODUCTION / "postgres.Dockerfile").read_text()
    assert "FROM postgres:16" in dockerfile and "pgbackrest" in dockerfile
    command = services["db"]["command"]
    assert "archive_mode=on" in command
    assert "archive_command=pgbackrest --stanza=coop archive-push %p" in command
    conf = configparser.ConfigParser()
    conf.read(PRODUCTION / "pgbackrest.conf")
    assert conf["coop"]["pg1-path"] == "/var/lib/postgresql/data"
    assert int(conf["global"]["repo1-retention-full"]) >= 7
    backup = services["backup"]
    assert backup["user"] == "postgres"
    for volume in ("db-data:", "db-socket:", "db-backup:", "odoo-data:"):
        assert any(v.startswith(volume) for v in backup["volumes"]), volume
    assert "db-backup:/var/lib/pgbackrest" in services["db"]["volumes"]
    loop = PRODUCTION / "backup-loop.sh"
    assert loop.stat().st_mode & 0o111
    assert "--type=full backup" in loop.read_text()
    # The primary is reachable from the host's loopback only.
    assert all(p.startswith("127.0.0.1:") for p in services["db"]["ports"])
