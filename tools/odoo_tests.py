#!/usr/bin/env python3
"""Odoo's own tests with and without our addons (make test-odoo).

Our addons extend sale, sale_stock, purchase_stock, delivery, website_sale,
point_of_sale and stock_picking_batch. A plug-in addon leaves their behaviour
alone wherever its own feature is off, so Odoo's own ``post_install`` tests of
those modules must give the same results on two databases that differ only by
our addons:

- *with*: a copy of the test template (our addons, their demo data);
- *without*: a copy of the vanilla twin (the same French company and Odoo
  modules, built the same way, without our addons).

Both get the same preparation (tools/prepare_odoo_tests.py: English users, as
Odoo's tests expect; our shop's cycle mode off). A test that fails *with* and
passes *without* is a difference: allowed only when it is by design, with its
reason, in tools/odoo_tests_allowed.py. The run fails on any other difference.

    python tools/odoo_tests.py            every post_install test of the modules
    python tools/odoo_tests.py --ci       the subset that runs in every CI run
    python tools/odoo_tests.py --tags /website_sale:TestWebsiteSaleCart
"""

import argparse
import re
import socket
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor

import coop
from odoo_tests_allowed import ALLOWED

MODULES = [
    "sale",
    "sale_stock",
    "purchase_stock",
    "delivery",
    "website_sale",
    "point_of_sale",
    "stock_picking_batch",
]
# Every CI run: the classes where our addons meet Odoo's flows most (cart,
# checkout and delivery prices, confirmation and pickings, purchase from
# sales, the till's order processing, a till in the browser), a few minutes
# on both databases.
CI_TAGS = [
    "/website_sale:TestWebsiteSaleCart",
    "/website_sale:TestWebsiteSaleDeliveryController",
    "/sale:TestSaleOrder",
    "/sale_stock:TestSaleStock",
    "/purchase_stock:TestSaleMTOPurchase",
    "/delivery:TestDeliveryCost",
    "/point_of_sale:TestPoSBasicConfig",
    # Mollie's payments (coop_payment_mollie): Odoo's own flow, unchanged.
    "/payment_mollie:MollieTest",
    # A till in Chromium, without the coop's features: it sells as Odoo's.
    "/point_of_sale:TestPosCashRounding",
    "/point_of_sale:TestUi.test_02_pos_with_invoiced",
    "/point_of_sale:TestUi.test_product_categories_order",
]
# "... odoo.addons.sale.tests.test_x: FAIL: TestClass.test_method" or
# "...: ERROR: setUpClass (odoo.addons.sale.tests.test_x.TestClass)"; not the
# database's own "ERROR: null value..." lines.
RESULT = re.compile(
    r" odoo\.addons\.(?P<module>\w+)\.tests\.[\w.]+: (?:FAIL|ERROR): "
    r"(?P<test>\w+\.\w+)\s*$",
    re.MULTILINE,
)
CLASS_ERROR = re.compile(
    r" odoo\.tests\.suite: ERROR: (?P<test>\w+ \(odoo\.addons\.(?P<module>\w+)"
    r"\.tests\.[\w.]+\))\s*$",
    re.MULTILINE,
)
COUNT = re.compile(r"(\d+) post-tests in ")


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def prepare(dbname, logfile):
    """English users, the cycle mode off: tools/prepare_odoo_tests.py."""
    cmd = coop.shell_cmd(dbname)
    script = coop.ROOT / "tools" / "prepare_odoo_tests.py"
    with open(logfile, "a") as log, open(script) as stdin:
        subprocess.run(
            cmd, stdin=stdin, stdout=log, stderr=subprocess.STDOUT, check=False
        )
    if "ODOO-TESTS-PREPARED" not in logfile.read_text():
        print(logfile.read_text()[-4000:], file=sys.stderr)
        coop.die(f"preparing {dbname} failed, see {logfile}")


def tag_of(test):
    """The test tag that runs ``test`` alone (its class for a class error)."""
    module, name = test.split(":", 1)
    if " (" in name:  # "setUpClass (odoo.addons.m.tests.file.Class)"
        return f"/{module}:{name.rstrip(')').rsplit('.', 1)[-1]}"
    return f"/{module}:{name}"


def run_side(side, source, tags, log_name=None):
    """Run Odoo's post_install tests ``tags`` on a prepared copy of
    ``source``: (set of failed test ids, number of tests run, seconds)."""
    dbname = f"coop_odoo_tests_{side}"
    logfile = coop.LOG_DIR / f"odoo-tests-{log_name or side}.log"
    logfile.write_text("")
    coop.copy_db(source, dbname)
    prepare(dbname, logfile)
    start = time.monotonic()
    cmd = coop.odoo_cmd(
        "test.conf",
        f"--database={dbname}",
        f"--test-tags={','.join(tags)}",
        f"--http-port={free_port()}",
        f"--logfile={logfile}",
        "--stop-after-init",
    )
    subprocess.run(
        cmd, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT, check=False
    )
    text = logfile.read_text()
    failed = {
        f"{m['module']}:{m['test']}"
        for regex in (RESULT, CLASS_ERROR)
        for m in regex.finditer(text)
    }
    ran = sum(int(n) for n in COUNT.findall(text))
    coop.drop_db(dbname)
    return failed, ran, time.monotonic() - start


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ci", action="store_true", help="the CI subset only")
    parser.add_argument("--tags", help="Odoo test tags (default: the modules)")
    parser.add_argument(
        "--sequential",
        action="store_true",
        help="one database after the other (default: both at once)",
    )
    args = parser.parse_args()
    if args.tags:
        tags = args.tags.split(",")
    elif args.ci:
        tags = CI_TAGS
    else:
        tags = [f"/{module}" for module in MODULES]
    coop.check_browser()
    coop.LOG_DIR.mkdir(exist_ok=True)
    sources = {"with": coop.ensure_template(), "without": coop.ensure_vanilla()}
    coop.say(f"Odoo's own tests with and without our addons: {','.join(tags)}")
    # Two processes on two cores: each side is one Odoo, one browser at most.
    with ThreadPoolExecutor(max_workers=1 if args.sequential else 2) as pool:
        futures = {
            side: pool.submit(run_side, side, source, tags)
            for side, source in sources.items()
        }
        results = {side: future.result() for side, future in futures.items()}
    for side, (failed, ran, seconds) in results.items():
        coop.say(
            f"  {side} our addons: {ran} tests, {len(failed)} failed, {seconds:.0f} s"
            f" (log: .odoo/odoo-tests-{side}.log)"
        )
    with_failed, with_ran = results["with"][:2]
    without_failed, without_ran = results["without"][:2]
    if not with_ran or not without_ran:
        coop.die("no test ran: see the logs", code=1)
    if with_ran != without_ran:
        # A class whose set-up fails counts no test: its error is listed.
        coop.say(f"  note: {with_ran} tests ran with, {without_ran} without")
    ours = with_failed - without_failed
    flaky = set()
    if ours - set(ALLOWED):
        # Browser tests on two busy cores time out now and then: a test
        # that fails with our addons is run again, alone, before it counts.
        again = sorted(ours - set(ALLOWED))
        coop.say(f"  running again with our addons, alone: {len(again)} test(s)")
        failed_again = run_side(
            "with", sources["with"], [tag_of(t) for t in again], "with-again"
        )[0]
        flaky = {test for test in again if test not in failed_again}
    for test in sorted(flaky):
        coop.say(f"  failed once with our addons, passed alone (flaky): {test}")
    ours -= flaky
    allowed = {test for test in ours if test in ALLOWED}
    unexpected = sorted(ours - allowed)
    for test in sorted(allowed):
        coop.say(f"  allowed: {test}: {ALLOWED[test]}")
    for test in sorted(without_failed - with_failed):
        coop.say(f"  fails without our addons only: {test}")
    for test in sorted(with_failed & without_failed):
        coop.say(f"  fails on both (not ours): {test}")
    if unexpected:
        for test in unexpected:
            coop.say(f"  DIFFERENCE: fails with our addons only: {test}")
        coop.say(
            f"FAILED: {len(unexpected)} of Odoo's tests fail because of our addons"
            " (add a test to tools/odoo_tests_allowed.py only if it is by design)"
        )
        sys.exit(1)
    coop.say(
        f"Odoo's own tests: no difference outside the allow-list ({with_ran} tests"
        f" on each side, {len(allowed)} allowed)"
    )


if __name__ == "__main__":
    main()
