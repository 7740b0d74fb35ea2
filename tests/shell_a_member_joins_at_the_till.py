# An `odoo-bin shell` script of the backup tests (tests/test_backup_restore.py,
# tests/test_point_in_time_recovery.py): another process writing what a
# coop's day writes, and committing it: a new contact named $COOP_LABEL,
# her share subscription entered in the register (a new REG/ number), and a
# paid till order for her (a new link of the l10n_fr_pos_cert chain).
# Prints "WROTE <contact id> <register number> <till order id>", tab-separated.
# ruff: noqa: F821  (env is the shell's)
import os
import uuid

from odoo import Command, fields

label = os.environ["COOP_LABEL"]
company = env.ref("base.main_company")
admin = env.ref("base.user_admin")
env = env(user=admin, context={"allowed_company_ids": [company.id]})
partner = env["res.partner"].create({"name": label, "company_id": company.id})
share_class = env["coop.share.class"].search([("company_id", "=", company.id)], limit=1)
movement = env["coop.share.movement"]._create_subscription(
    partner, share_class, 1, fields.Date.today()
)
movement._confirm()
till = env["pos.config"].search([("company_id", "=", company.id)], limit=1)
if not till.current_session_id:
    till.open_ui()
session = till.current_session_id
product = env["product.product"].search(
    [("available_in_pos", "=", True), ("list_price", ">", 0)], limit=1
)
# What the till sends (the tests' pos_order_data, without importing
# odoo.tests outside a test run): one line at 2.50, paid in cash, no tax.
order_uuid = str(uuid.uuid4())
result = env["pos.order"].sync_from_ui(
    [
        {
            "uuid": order_uuid,
            "name": f"Order {order_uuid}",
            "session_id": session.id,
            "sequence_number": 1,
            "partner_id": partner.id,
            "user_id": admin.id,
            "pricelist_id": till.pricelist_id.id,
            "fiscal_position_id": False,
            "date_order": fields.Datetime.to_string(fields.Datetime.now()),
            "lines": [
                Command.create(
                    {
                        "product_id": product.id,
                        "qty": 1,
                        "price_unit": 2.5,
                        "price_subtotal": 2.5,
                        "price_subtotal_incl": 2.5,
                        "discount": 0,
                        "tax_ids": [],
                        "pack_lot_ids": [],
                    }
                )
            ],
            "payment_ids": [
                Command.create(
                    {
                        "amount": 2.5,
                        "name": fields.Datetime.now(),
                        "payment_method_id": till.payment_method_ids[:1].id,
                    }
                )
            ],
            "amount_paid": 2.5,
            "amount_total": 2.5,
            "amount_tax": 0,
            "amount_return": 0,
            "to_invoice": False,
            "state": "paid",
            "last_order_preparation_change": "{}",
        }
    ]
)
order = env["pos.order"].browse(result["pos.order"][0]["id"])
env.cr.commit()
print(f"WROTE\t{partner.id}\t{movement.name}\t{order.id}")
