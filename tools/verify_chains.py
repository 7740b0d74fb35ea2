# Run through `odoo-bin shell` on a restored copy by tools/backup.py (make
# restore, and the point-in-time recovery of the production layout): the
# chains a French coop must be able to show unbroken, with Odoo's own
# checks where Odoo has one:
#   - the share register: per coop, confirmed movements numbered 1..N with
#     no gap and no double, N the last number its sequence gave, and no
#     member holding fewer than zero shares of a class;
#   - the till (l10n_fr_pos_cert): res.company._check_pos_hash_integrity();
#   - the journals' inalterability hashes: res.company._check_hash_integrity().
# Each broken one is printed "BROKEN <chain>: <what>". Reads only: the
# transaction is rolled back.
# ruff: noqa: F821  (env is the shell's)
import re

broken = []
counts = {"register": 0, "till": 0, "journals": 0}
env = env(context={"lang": "en_US"})  # the reasons are read by the tools
cr = env.cr

if "coop.share.movement" in env:
    cr.execute(
        "SELECT company_id, name FROM coop_share_movement"
        " WHERE state = 'confirmed' ORDER BY company_id, id"
    )
    numbers = {}
    for company_id, name in cr.fetchall():
        found = re.search(r"(\d+)$", name or "")
        numbers.setdefault(company_id, []).append(int(found.group(1)) if found else 0)
    for company_id, given in numbers.items():
        counts["register"] += len(given)
        company = env["res.company"].browse(company_id)
        expected = list(range(1, len(given) + 1))
        if sorted(given) != expected:
            missing = sorted(set(expected) - set(given))
            doubled = sorted({n for n in given if given.count(n) > 1})
            broken.append(
                f"register of {company.name}: {len(given)} movements,"
                f" numbers missing {missing[:5]} doubled {doubled[:5]}"
            )
            continue
        sequence = (
            env["ir.sequence"]
            .sudo()
            .search(
                [("code", "=", "coop.share.movement"), ("company_id", "=", company_id)],
                limit=1,
            )
        )
        if sequence and sequence.number_next_actual - 1 > len(given):
            broken.append(
                f"register of {company.name}: its sequence gave"
                f" {sequence.number_next_actual - 1} numbers, {len(given)} are there"
            )
    cr.execute(
        "SELECT partner_id, share_class_id, sum(quantity) FROM coop_share_movement"
        " WHERE state = 'confirmed' GROUP BY partner_id, share_class_id"
        " HAVING sum(quantity) < 0"
    )
    for partner_id, class_id, held in cr.fetchall():
        broken.append(
            f"register: contact {partner_id} holds {held} shares of class {class_id}"
        )

# Odoo's checks ask for an accountant; this transaction is rolled back.
env.user.sudo().groups_id |= env.ref("account.group_account_user")
for company in env["res.company"].search([]):
    company = company.with_company(company)
    if "l10n_fr_secure_sequence_number" in env["pos.order"]._fields:
        hashed = env["pos.order"].search_count(
            [
                ("company_id", "=", company.id),
                ("state", "in", ["paid", "done", "invoiced"]),
                ("l10n_fr_secure_sequence_number", "!=", 0),
            ]
        )
        counts["till"] += hashed
        if hashed and company._is_accounting_unalterable():
            report = company._check_pos_hash_integrity()
            if report["corrupted_orders"] != "None":
                broken.append(
                    f"till chain of {company.name} (l10n_fr_pos_cert):"
                    f" {report['corrupted_orders']}"
                )
    for result in company._check_hash_integrity()["results"]:
        if result["status"] == "corrupted":
            broken.append(
                f"journal {result['journal_name']} of {company.name}:"
                f" {result['msg_cover']}"
            )
        elif result["status"] == "verified":
            counts["journals"] += 1
for line in broken:
    print(f"BROKEN {line}")
print(
    f"checked: {counts['register']} register movements,"
    f" {counts['till']} till orders in the chain,"
    f" {counts['journals']} hashed journal sequences"
)
env.cr.rollback()
print("CHAINS-BROKEN" if broken else "CHAINS-OK")
