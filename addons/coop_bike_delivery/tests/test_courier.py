# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from ast import literal_eval

from odoo import http
from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, tagged

from .common import CoopBikeCommon


@tagged("post_install", "-at_install", "coop_bike_delivery")
class TestCourier(HttpCase, CoopBikeCommon):
    """Léa rides the Friday round (three stops); Yanis rides nothing of
    it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.orders = cls.env["sale.order"]
        for name, coords in (
            ("Ali", (50.6300, 3.0950)),
            ("Bea", (50.6300, 3.1050)),
            ("Cyr", (50.6400, 3.1100)),
        ):
            cls.orders |= cls._delivery(cls._member_at(name, coords), cls.friday, 1)
        cls.round = cls.cycle._coop_build_rounds(cls.orders)
        cls.saturday_order = cls._delivery(
            cls._member_at("Dan", (50.6200, 3.0700)), cls.saturday, 1
        )
        cls.saturday.courier_ids = cls.courier_b
        cls.other_round = cls.cycle._coop_build_rounds(cls.saturday_order)
        cls.ali, cls.bea, cls.cyr = cls.round.coop_stop_ids.sorted("coop_stop_sequence")

    def _post(self, url, **data):
        return self.url_open(
            url, data={"csrf_token": http.Request.csrf_token(self), **data}
        )

    def _mails_to(self, order):
        return self.env["mail.mail"].search(
            [
                ("recipient_ids", "in", order.partner_id.ids),
                ("model", "=", "sale.order"),
            ]
        )

    def test_a_courier_reads_their_rounds_and_nothing_else(self):
        lea = self.env(user=self.courier_a)
        Batch = lea["stock.picking.batch"]
        self.assertEqual(Batch.search([]), self.round)
        with self.assertRaises(AccessError):
            self.other_round.with_user(self.courier_a).read(["name"])
        # Portal rights only: their own documents (none), never the members'.
        for model in ("sale.order", "stock.picking", "account.move"):
            self.assertFalse(lea[model].search([]), model)
        for record in (self.orders[0], self.ali, self.orders[0].partner_id):
            with self.assertRaises(AccessError, msg=record._name):
                record.with_user(self.courier_a).read(["name"])
        # Nor can they work another courier's round by RPC.
        with self.assertRaises(AccessError):
            self.other_round.with_user(self.courier_a).action_coop_depart()
        # The stop list carries what a courier needs, no price.
        stop = self.round.with_user(self.courier_a)._coop_round_stops()[0]
        self.assertEqual(stop["name"], "Ali")
        self.assertNotIn("price", " ".join(stop))
        self.assertTrue(stop["map_url"].startswith("geo:50.63,3.095"))

    def test_phone_screen_depart_deliver_and_missed(self):
        self.authenticate("courier_a", "courier_a")
        page = self.url_open("/my/rounds")
        self.assertEqual(page.status_code, 200)
        self.assertIn(f"/my/rounds/{self.round.id}", page.text)
        self.assertNotIn(f"/my/rounds/{self.other_round.id}", page.text)
        self.assertEqual(
            self.url_open(f"/my/rounds/{self.other_round.id}").status_code, 404
        )
        page = self.url_open(f"/my/rounds/{self.round.id}")
        self.assertIn("Ali", page.text)

        self.assertEqual(self.round.state, "draft")
        self._post(f"/my/rounds/{self.round.id}/depart")
        self.assertEqual(set(self.orders.mapped("coop_delivery_state")), {"out"})
        # The batch is on its way too: "En cours", not "Brouillon / Confirmer".
        self.assertEqual(self.round.state, "in_progress")
        for order in self.orders:
            self.assertTrue(self._mails_to(order), "told when the round leaves")

        self._post(f"/my/rounds/{self.round.id}/stop/{self.ali.id}/delivered")
        self.assertEqual(self.ali.state, "done")
        self.assertEqual(self.ali.sale_id.coop_delivery_state, "delivered")
        self.assertEqual(self.ali.coop_round_id, self.round, "stays on its round")
        # Her order's page says delivered, not collected.
        status = self.ali.sale_id._coop_member_status()
        self.assertEqual(
            (status.key, status.title), ("handed_over", "Delivered at home")
        )

        # Absent without a reason: refused, nothing changes.
        page = self._post(
            f"/my/rounds/{self.round.id}/stop/{self.bea.id}/missed", reason=" "
        )
        self.assertIn("o_coop_round_message", page.text)
        self.assertEqual(self.bea.sale_id.coop_delivery_state, "out")
        mails_before = self._mails_to(self.bea.sale_id)
        self._post(
            f"/my/rounds/{self.round.id}/stop/{self.bea.id}/missed",
            reason="Personne, interphone en panne",
        )
        order = self.bea.sale_id
        self.assertEqual(order.coop_delivery_state, "missed")
        self.assertEqual(order.coop_missed_reason, "Personne, interphone en panne")
        self.assertNotEqual(self.bea.state, "done")
        self.assertEqual(order.coop_point_id, self.hub, "waits at the hub")
        missed_mail = self._mails_to(order) - mails_before
        self.assertTrue(missed_mail)
        self.assertIn("Personne, interphone en panne", missed_mail.body_html)
        self.assertIn("Hub", missed_mail.body_html)
        # The volunteers find it at the hub and hand it over.
        pickup_list = self.env.ref("coop_marketplace.sale_order_action_pickup")
        listed = self.env["sale.order"].search(literal_eval(pickup_list.domain))
        self.assertIn(order, listed)
        self.assertNotIn(self.cyr.sale_id, listed, "on its way: not for the volunteers")
        order.with_user(self.volunteer).action_coop_mark_collected()
        self.assertEqual(self.bea.state, "done")
        # Someone else's stop id on this round's URL: refused.
        self._post(
            f"/my/rounds/{self.round.id}/stop/{self.saturday_order.picking_ids.id}/delivered"
        )
        self.assertNotEqual(self.saturday_order.picking_ids.state, "done")

    def test_a_settled_stop_is_not_settled_twice(self):
        self.round.action_coop_stop_delivered(self.ali.id)
        with self.assertRaisesRegex(UserError, "already settled"):
            self.round.action_coop_stop_missed(self.ali.id, "trop tard")
        with self.assertRaisesRegex(UserError, "not on the round"):
            self.round.action_coop_stop_delivered(self.saturday_order.picking_ids.id)

    def test_exports_for_staff_and_the_courier_only(self):
        self.authenticate("courier_b", "courier_b")
        self.assertEqual(
            self.url_open(f"/coop_bike/round/{self.round.id}/export.csv").status_code,
            404,
        )
        self.authenticate("courier_a", "courier_a")
        csv_page = self.url_open(f"/coop_bike/round/{self.round.id}/export.csv")
        self.assertEqual(csv_page.status_code, 200)
        self.assertIn("Ali", csv_page.text)
        geo = self.url_open(f"/coop_bike/round/{self.round.id}/export.geojson")
        self.assertEqual(geo.json()["type"], "FeatureCollection")

    def test_a_member_not_courier_has_no_round_screen(self):
        self.authenticate("coop_mkt_member", "coop_mkt_member")
        self.assertEqual(self.url_open("/my/rounds").status_code, 404)
        self.assertEqual(self.url_open(f"/my/rounds/{self.round.id}").status_code, 404)
