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
    assert opts["db_host"] == "db"
    db_env = yaml.safe_load((DOCKER / "compose.yaml").read_text())["services"]["db"]
    assert db_env["environment"]["POSTGRES_USER"] == opts["db_user"]
    assert db_env["environment"]["POSTGRES_PASSWORD"] == opts["db_password"]
