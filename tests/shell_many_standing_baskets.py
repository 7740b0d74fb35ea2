# An `odoo-bin shell` script of tests/test_long_jobs.py: the demo's open
# cycle of the main coop gets a standing basket per member and offered
# product (up to $COOP_BASKETS), places enough for all, none ordered yet.
# Prints "BASKETS <number waiting for their order>".
# ruff: noqa: F821  (env is the shell's)
import os

wanted = int(os.environ["COOP_BASKETS"])
company = env.ref("base.main_company")
env = env(context={"allowed_company_ids": [company.id]})
cycle = env["coop.order.cycle"].search(
    [("company_id", "=", company.id), ("state", "=", "open")], limit=1
)
standing = env["coop.standing.order"].search([("company_id", "=", company.id)])
model = standing[:1]
members = env["res.partner"].search(
    [("coop_member_number", "!=", False), ("company_id", "in", [company.id, False])]
)
members = members.filtered(lambda p: cycle._accepts(p))
lines = cycle.line_ids
lines.write({"offered_qty": 100000})
lines.product_id.product_tmpl_id.write({"coop_standing_max": 0})
cycle.slot_ids.write({"capacity": 100000})
values = []
for line in lines:
    for member in members:
        if len(values) + len(standing) >= wanted:
            break
        values.append(
            {
                "partner_id": member.id,
                "product_id": line.product_id.id,
                "quantity": 1,
                "point_id": model.point_id.id,
                "slot_template_id": model.slot_template_id.id,
                "company_id": company.id,
            }
        )
env["coop.standing.order"].create(values)
env.cr.commit()
print(f"BASKETS {env['coop.standing.order']._standing_left(cycle)}")
