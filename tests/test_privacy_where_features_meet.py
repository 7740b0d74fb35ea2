"""Privacy where features meet (issue #31), on the demo: what a role can
actually reach after it did its work, not what a fresh fixture shows.
Writing on a record (a courier's "Je pars du dépôt", "Absent") never gives
access to it; a coop's contacts are its own."""

from odoo import http
from odoo.exceptions import AccessError
from odoo.tests import HttpCase


class TestCourierAfterHerRound(HttpCase):
    test_module, test_class, test_sequence = (
        "coop_repository",
        "TestCourierAfterHerRound",
        0,
    )
    test_tags = frozenset({"post_install", "coop_repository"})

    def post(self, url, **data):
        return self.url_open(
            url, data={**data, "csrf_token": http.Request.csrf_token(self)}
        )

    def test_a_courier_who_wrote_on_the_orders_still_reads_none(self):
        """Symptom 7: leaving the hub and "Absent" post on each order; the
        courier then read them in "Mes commandes", on their pages and over
        RPC, and could post on their forms."""
        courier = self.env.ref("coop_bike_delivery.res_users_courier_demo")
        rounds = self.env["stock.picking.batch"].search(
            [("coop_is_round", "=", True), ("user_id", "=", courier.id)]
        )
        batch = rounds[:1]
        self.assertEqual(len(batch.coop_stop_ids), 3)
        stops = batch.coop_stop_ids.sorted("coop_stop_sequence")
        orders = stops.sale_id
        self.authenticate("coursier", "coursier")
        self.post(f"/my/rounds/{batch.id}/depart")
        self.post(
            f"/my/rounds/{batch.id}/stop/{stops[1].id}/missed",
            reason="Personne à la maison",
        )
        self.assertEqual(orders[1].coop_delivery_state, "missed")
        self.assertFalse(
            orders.message_follower_ids.partner_id & courier.partner_id,
            "writing on an order makes nobody its follower",
        )
        # Over RPC (what call_kw runs): nothing of the members' orders.
        as_courier = self.env(user=courier)
        for model in ("sale.order", "sale.order.line"):
            self.assertFalse(as_courier[model].search([]), model)
        with self.assertRaises(AccessError):
            orders[0].with_user(courier).read(["partner_id", "amount_total"])
        # On the portal: no order listed, no order page, no form.
        listing = self.url_open("/my/orders").text
        for order in orders:
            self.assertNotIn(order.name, listing)
            page = self.url_open(f"/my/orders/{order.id}")
            self.assertNotIn(order.partner_id.name, page.text)
        line = orders[0].order_line[:1]
        quantity = line.product_uom_qty
        self.post(f"/my/orders/{orders[0].id}/coop_edit", **{f"qty_{line.id}": 9})
        self.assertEqual(line.product_uom_qty, quantity)
