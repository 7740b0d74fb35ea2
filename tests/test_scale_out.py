"""The scale-out of #18 proved on this machine at a tiny size: a streaming
replica of the local PostgreSQL, two Odoo nodes with workers sharing one
data dir, nginx with the production configuration in front.
``bench.scale_out`` checks each piece of evidence itself and exits non-zero
when one fails; this test runs it and reads what it printed."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

import coop


def test_replica_serves_the_shop_and_the_primary_takes_the_orders():
    result = coop.run_python_module("bench.scale_out", "--tiny", timeout=900)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output[-4000:]
    for evidence in (
        "ok  a session opened through nginx is valid on both nodes",
        "ok  the replica served the shop's queries",
        "ok  the primary ran no transaction on the database for the shop",
        "ok  the primary holds the orders: 3 booked / 3 places, 3 orders in the slot",
        "ok  the replica shows the same bookings once replayed",
        "ok  nginx spread the requests on both nodes",
        "ok  no node logged 'retrying with a read/write cursor'",
        "ok  no node logged an error",
        "scale-out evidence: all checks passed",
    ):
        assert evidence in output, output[-4000:]
