# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import new_test_user

from odoo.addons.coop_members.tests.common import CoopMembersCommon


class CoopSolidarityCommon(CoopMembersCommon):
    """Four tiers, products (one excluded category), active members."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.officer = new_test_user(
            cls.env,
            login="coop_officer",
            groups="base.group_user,coop_solidarity_price.group_solidarity_officer",
        )
        cls.cashier = new_test_user(
            cls.env,
            login="coop_tier_cashier",
            groups="base.group_user,point_of_sale.group_pos_user",
        )
        Tier = cls.env["coop.price.tier"]
        # The demo (or a previous configuration) may hold a reference tier.
        cls.reference = Tier._get_reference_tier()
        if not cls.reference:
            cls.reference = Tier.create(
                {"name": "Reference", "display_label": "Tarif C", "is_reference": True}
            )
        cls.categ = cls.env["product.category"].create({"name": "Épicerie test"})
        cls.alcohol = cls.env["product.category"].create(
            {"name": "Alcools test", "parent_id": cls.categ.id}
        )
        cls.tier_60 = Tier.create(
            {
                "name": "Test −60 %",
                "display_label": "Tarif T1",
                "price_change": -60,
                "rounding": 0.05,
                "monthly_cap": 30,
                "excluded_categ_ids": [(4, cls.alcohol.id)],
            }
        )
        cls.tier_40 = Tier.create(
            {
                "name": "Test −40 %",
                "display_label": "Tarif T2",
                "price_change": -40,
                "rounding": 0.05,
                "excluded_categ_ids": [(4, cls.alcohol.id)],
            }
        )
        cls.tier_support = Tier.create(
            {
                "name": "Test soutien",
                "display_label": "Tarif T4",
                "price_change": 10,
                "rounding": 0.05,
            }
        )
        Product = cls.env["product.product"]
        cls.bread = Product.create(
            {
                "name": "Pain test",
                "categ_id": cls.categ.id,
                "list_price": 4.20,
                "standard_price": 2.60,
                "taxes_id": [(5, 0, 0)],
                "available_in_pos": True,
            }
        )
        # 2.37 × 0.4 = 0.948 → 0.95 with the 0.05 rounding.
        cls.apples = Product.create(
            {
                "name": "Pommes test",
                "categ_id": cls.categ.id,
                "list_price": 2.37,
                "standard_price": 1.50,
                "taxes_id": [(5, 0, 0)],
                "available_in_pos": True,
            }
        )
        cls.beer = Product.create(
            {
                "name": "Bière test",
                "categ_id": cls.alcohol.id,
                "list_price": 2.90,
                "standard_price": 1.60,
                "taxes_id": [(5, 0, 0)],
                "available_in_pos": True,
            }
        )
        cls.subscribe_class = cls.class_d  # any class with min 1
        for partner in (cls.alice, cls.bruno):
            movement = cls.env["coop.share.movement"].create(
                {
                    "partner_id": partner.id,
                    "share_class_id": cls.class_d.id,
                    "type": "subscription",
                    "quantity": 1,
                }
            )
            movement._confirm()

    def assign(self, partner, tier, valid_until="2099-12-31"):
        wizard = (
            self.env["coop.tier.assign.wizard"]
            .with_user(self.officer)
            .create(
                {
                    "partner_id": partner.id,
                    "tier_id": tier.id,
                    "valid_until": valid_until,
                    "qf_band": "qf_0_450",
                    "note": "Attestation CAF vue",
                }
            )
        )
        wizard.action_assign()

    def sale_price(self, partner, product, qty=1):
        order = self.env["sale.order"].create(
            {
                "partner_id": partner.id,
                "order_line": [
                    (0, 0, {"product_id": product.id, "product_uom_qty": qty})
                ],
            }
        )
        return order.order_line.price_unit
