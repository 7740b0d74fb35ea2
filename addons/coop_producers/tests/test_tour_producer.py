# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools import mute_logger

from odoo.addons.base.tests.common import DISABLED_MAIL_CONTEXT


@tagged("post_install", "-at_install", "coop_producers", "coop_tour")
class TestProducerSpaceTour(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, **DISABLED_MAIL_CONTEXT))
        cls.env["res.lang"]._activate_lang("en_US")
        Partner = cls.env["res.partner"]
        cls.farm_a, cls.farm_b = Partner.create(
            [
                {
                    "name": "Ferme A tour",
                    "is_company": True,
                    "coop_is_producer": True,
                    "coop_commission_rate": 13,
                },
                {
                    "name": "Brasserie B tour",
                    "is_company": True,
                    "coop_is_producer": True,
                    "coop_commission_rate": 13,
                },
            ]
        )
        cls.producer = new_test_user(
            cls.env,
            login="coop_tour_producer",
            groups="base.group_user,coop_producers.group_coop_producer",
            lang="en_US",
        )
        cls.producer.coop_producer_id = cls.farm_a
        Template = cls.env["product.template"]
        cls.carrots = Template.create(
            {
                "name": "Carottes A",
                "coop_producer_id": cls.farm_a.id,
                "coop_producer_price": 1.60,
                "is_storable": True,
                "taxes_id": [(5, 0, 0)],
            }
        )
        cls.beer = Template.create(
            {
                "name": "Bière B",
                "coop_producer_id": cls.farm_b.id,
                "coop_producer_price": 2.00,
                "is_storable": True,
                "taxes_id": [(5, 0, 0)],
            }
        )

    def test_producer_edits_price_and_stock(self):
        self.start_tour(
            "/odoo/action-coop_producers.product_template_action_producer",
            "coop_producers_producer_space",
            login="coop_tour_producer",
        )
        self.assertAlmostEqual(self.carrots.coop_producer_price, 2.00)
        self.assertAlmostEqual(self.carrots.list_price, 2.30)
        self.assertEqual(self.carrots.product_variant_id.qty_available, 25)
        # Another producer's product, opened by id: refused.
        with self.assertRaises(AccessError):
            self.beer.with_user(self.producer).read(["name", "list_price"])
        self.authenticate("coop_tour_producer", "coop_tour_producer")
        with self.assertRaises(Exception) as caught, mute_logger("odoo.http"):
            self.make_jsonrpc_request(
                "/web/dataset/call_kw/product.template/web_read",
                {
                    "model": "product.template",
                    "method": "web_read",
                    "args": [[self.beer.id]],
                    "kwargs": {"specification": {"name": {}}},
                },
            )
        self.assertIn("AccessError", str(caught.exception))
