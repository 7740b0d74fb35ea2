"""The till's loading stays within vanilla Odoo + 3 queries (#18), on the
bench's data (``bench.datagen``: the same records on both sides, the vanilla
till set up with a member pricelist and an eWallet as a coop would set it up
without our addons). ``python -m bench`` builds both databases (cached) and
counts ``pos.session.load_data``'s queries with Odoo's own counter."""

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

import coop

from bench import datagen

ALLOWED_EXTRA_QUERIES = 3


def test_pos_loading_costs_at_most_three_queries_more_than_vanilla(tmp_path):
    out = tmp_path / "pos_load.json"
    result = coop.run_python_module(
        "bench",
        *("--size", "smoke", "--runs", "1", "--out", str(out), "pos_load"),
        timeout=900,
    )
    assert result.returncode == 0, (result.stdout + result.stderr)[-4000:]
    (row,) = json.loads(out.read_text())["results"]
    vanilla, ours = row["vanilla"]["queries"], row["ours"]["queries"]
    assert row["info"]["products"] > datagen.SIZES["smoke"]["products"]
    assert ours <= vanilla + ALLOWED_EXTRA_QUERIES, (
        f"POS loading: {ours} queries with our addons, {vanilla} without"
    )
