# Run through `odoo-bin shell` by tools/coop.py check-money (make
# check-money DB=...): the coop's money invariants on a whole database
# (coop.money.checker, extended by each addon), each broken one printed with
# the records involved. Reads only: the transaction is rolled back.
# ruff: noqa: F821  (env is the shell's)
checker = env["coop.money.checker"]
problems = checker._problems()
for problem in problems:
    print(f"BROKEN {problem['invariant']}: {problem['message']} [{problem['records']}]")
Sale = env["sale.order"].sudo()
print(
    "checked:",
    Sale.search_count([("coop_cycle_id", "!=", False)]),
    "cycle orders,",
    env["pos.order"].sudo().search_count([]),
    "till orders,",
    env["loyalty.card"]
    .sudo()
    .search_count([("program_id.program_type", "=", "ewallet")])
    if "loyalty.card" in env
    else 0,
    "prepaid accounts,",
    env["coop.solidarity.entry"].sudo().search_count([]),
    "fund entries",
)
env.cr.rollback()
print("MONEY-CHECK-FAILED" if problems else "MONEY-CHECK-OK")
