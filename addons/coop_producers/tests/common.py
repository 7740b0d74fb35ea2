# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import TransactionCase, new_test_user

from odoo.addons.base.tests.common import DISABLED_MAIL_CONTEXT


class CoopProducersCommon(TransactionCase):
    """Two producers with a user each, logistics staff, a member."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, **DISABLED_MAIL_CONTEXT))
        Partner = cls.env["res.partner"]
        cls.farm_a, cls.farm_b = Partner.create(
            [
                {
                    "name": "Ferme A",
                    "is_company": True,
                    "coop_is_producer": True,
                    "coop_commission_rate": 13,
                },
                {
                    "name": "Brasserie B",
                    "is_company": True,
                    "coop_is_producer": True,
                    "coop_commission_rate": 20,
                },
            ]
        )
        cls.member = Partner.create(
            {"name": "Membre Privée", "email": "membre.privee@example.org"}
        )
        cls.producer_a = new_test_user(
            cls.env,
            login="coop_producer_a",
            groups="base.group_user,coop_producers.group_coop_producer",
        )
        cls.producer_a.coop_producer_id = cls.farm_a
        cls.producer_b = new_test_user(
            cls.env,
            login="coop_producer_b",
            groups="base.group_user,coop_producers.group_coop_producer",
        )
        cls.producer_b.coop_producer_id = cls.farm_b
        cls.logistics = new_test_user(
            cls.env,
            login="coop_logistics",
            groups="base.group_user,coop_producers.group_coop_logistics",
        )
        cls.categ = cls.env["product.category"].create({"name": "Légumes test"})
        Template = cls.env["product.template"]
        cls.carrots = Template.create(
            {
                "name": "Carottes A",
                "categ_id": cls.categ.id,
                "coop_producer_id": cls.farm_a.id,
                "coop_producer_price": 1.60,
                "is_storable": True,
                "taxes_id": [(5, 0, 0)],
            }
        )
        cls.beer = Template.create(
            {
                "name": "Bière B",
                "categ_id": cls.categ.id,
                "coop_producer_id": cls.farm_b.id,
                "coop_producer_price": 2.00,
                "is_storable": True,
                "taxes_id": [(5, 0, 0)],
            }
        )

    @classmethod
    def _receive(cls, order, quantity):
        """Receive ``quantity`` of the order's open receipt (a backorder for
        the rest)."""
        picking = order.picking_ids.filtered(lambda p: p.state != "done")
        picking.move_ids.quantity = quantity
        picking.move_ids.picked = True
        picking.with_context(
            skip_backorder=True, picking_ids_not_to_backorder=[]
        )._action_done()
