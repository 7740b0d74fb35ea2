# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import uuid

from odoo import Command, fields
from odoo.tests import TransactionCase, new_test_user

from odoo.addons.base.tests.common import DISABLED_MAIL_CONTEXT


def make_till(env, name, journal_code):
    """A till with one cash method ("Espèces"): (pos.config, payment method)."""
    journal = env["account.journal"].create(
        {"name": f"Espèces {name}", "type": "cash", "code": journal_code}
    )
    cash = env["pos.payment.method"].create(
        {"name": "Espèces", "journal_id": journal.id}
    )
    config = env["pos.config"].create(
        {
            "name": name,
            "payment_method_ids": [Command.set(cash.ids)],
            # The coop's till: members' badges and warnings.
            "coop_member_till": True,
        }
    )
    return config, cash


def pos_order_data(
    session,
    cash,
    lines,
    partner=None,
    pricelist=None,
    user=None,
    taxed=False,
    **line_values,
):
    """A paid order as the till sends it to ``pos.order.sync_from_ui``:
    ``lines`` are (product, quantity, unit price), paid with ``cash`` (a
    payment method); without tax, or with the product's taxes of the till's
    company (``taxed``); by ``user`` (the session's environment's); each
    line gets ``line_values`` too (``price_type="manual"``...)."""
    order_uuid = str(uuid.uuid4())
    company = session.config_id.company_id
    currency = session.config_id.currency_id
    commands, total, tax = [], 0.0, 0.0
    for product, qty, price in lines:
        taxes = (
            product.taxes_id.filtered(lambda t: t.company_id == company)
            if taxed
            else product.taxes_id.browse()
        )
        amounts = taxes.compute_all(price, currency, qty, product)
        total += amounts["total_included"]
        tax += amounts["total_included"] - amounts["total_excluded"]
        commands.append(
            Command.create(
                {
                    "product_id": product.id,
                    "qty": qty,
                    "price_unit": price,
                    "price_subtotal": amounts["total_excluded"],
                    "price_subtotal_incl": amounts["total_included"],
                    "discount": 0,
                    "tax_ids": [Command.set(taxes.ids)],
                    "pack_lot_ids": [],
                    **line_values,
                }
            )
        )
    total = currency.round(total)
    return {
        "uuid": order_uuid,
        "name": f"Order {order_uuid}",
        "session_id": session.id,
        "sequence_number": 1,
        "partner_id": partner.id if partner else False,
        "user_id": (user or session.env.user).id,
        "pricelist_id": (pricelist or session.config_id.pricelist_id).id,
        "fiscal_position_id": False,
        "date_order": fields.Datetime.to_string(fields.Datetime.now()),
        "lines": commands,
        "payment_ids": [
            Command.create(
                {
                    "amount": total,
                    "name": fields.Datetime.now(),
                    "payment_method_id": cash.id,
                }
            )
        ],
        "amount_paid": total,
        "amount_total": total,
        "amount_tax": currency.round(tax),
        "amount_return": 0,
        "to_invoice": False,
        "state": "paid",
        "last_order_preparation_change": "{}",
    }


class CoopMembersCommon(TransactionCase):
    """Share classes, a manager, a members user and two would-be members.

    Other coop addons' tests inherit this base (import it through its module).
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, **DISABLED_MAIL_CONTEXT))
        cls.manager = new_test_user(
            cls.env,
            login="coop_members_manager",
            groups="base.group_user,coop_members.coop_member_group_manager",
        )
        cls.members_user = new_test_user(
            cls.env,
            login="coop_members_user",
            groups="base.group_user,coop_members.coop_member_group_user",
        )
        ShareClass = cls.env["coop.share.class"]
        cls.class_a = ShareClass.create(
            {
                "code": "TA",
                "name": "Test consumers",
                "nominal_value": 10,
                "min_quantity": 2,
                "max_quantity": 5,
                "allow_companies": False,
            }
        )
        cls.class_d = ShareClass.create(
            {"code": "TD", "name": "Test supporters", "nominal_value": 100}
        )
        cls.alice, cls.bruno = cls.env["res.partner"].create(
            [{"name": "Alice Martin"}, {"name": "Bruno Dupont"}]
        )
        cls.company_partner = cls.env["res.partner"].create(
            {"name": "Brasserie du Vieux-Lille", "is_company": True}
        )

    def movement(self, partner, share_class, quantity, type_="subscription"):
        return (
            self.env["coop.share.movement"]
            .with_user(self.manager)
            .create(
                {
                    "partner_id": partner.id,
                    "share_class_id": share_class.id,
                    "type": type_,
                    "quantity": quantity,
                }
            )
        )

    def subscribe(self, partner, share_class, quantity):
        movement = self.movement(partner, share_class, quantity)
        movement.action_confirm()
        return movement
