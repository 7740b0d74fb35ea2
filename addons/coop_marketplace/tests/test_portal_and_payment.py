# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import json

from odoo import Command, http
from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.coop_marketplace.tests import common


@tagged("post_install", "-at_install", "coop_marketplace")
class TestPortalSlotAndPayAtPickup(HttpCase, common.CoopMarketplaceCommon):
    """A member changes the slot of their own order on the portal, never of
    someone else's; "pay at pickup" is offered for coop pickups only and
    confirms the order."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.cycle.action_open()
        cls.friday = cls.cycle.slot_ids.filtered(lambda s: s.capacity == 3)
        cls.saturday = cls.cycle.slot_ids.filtered(lambda s: s.capacity == 2)
        cls.alice = new_test_user(
            cls.env,
            login="coop_portal_alice",
            password="coop_portal_alice",
            groups="base.group_portal",
        )
        cls.bob = new_test_user(
            cls.env,
            login="coop_portal_bob",
            password="coop_portal_bob",
            groups="base.group_portal",
        )
        cls.carrier = cls.env["delivery.carrier"].create(
            {
                "name": "Retrait portail",
                "delivery_type": "coop_pickup",
                "product_id": cls.env["product.product"]
                .create({"name": "Retrait portail", "type": "service"})
                .id,
            }
        )
        cls.order_alice = cls._create_order(cls.cycle, partner=cls.alice.partner_id)
        cls.order_bob = cls._create_order(cls.cycle, partner=cls.bob.partner_id)
        for order in cls.order_alice | cls.order_bob:
            order.set_delivery_line(cls.carrier, 0.0)
            order._set_pickup_location(json.dumps({"id": cls.point.id}))
            order._coop_set_pickup_slot(cls.friday)
            order.action_confirm()

    def _change_slot(self, order, slot):
        return self.url_open(
            f"/my/orders/{order.id}/coop_slot",
            data={"slot_id": slot.id, "csrf_token": http.Request.csrf_token(self)},
        )

    def test_member_changes_own_slot_only(self):
        self.authenticate("coop_portal_alice", "coop_portal_alice")
        response = self._change_slot(self.order_alice, self.saturday)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(self.order_alice.coop_slot_id, self.saturday)
        # The page she lands on says so, once.
        self.assertIn("alert-success mt-2 mb-0 o_coop_slot_message", response.text)
        page = self.url_open(f"/my/orders/{self.order_alice.id}").text
        self.assertNotIn("o_coop_slot_message", page)
        # A full slot: the error is on the page, the slot unchanged.
        self.friday.capacity = 1  # Bob's order fills it
        response = self._change_slot(self.order_alice, self.friday)
        self.assertEqual(self.order_alice.coop_slot_id, self.saturday)
        self.assertIn("alert-danger mt-2 mb-0 o_coop_slot_message", response.text)
        self.friday.capacity = 3
        # No message of anyone's own making through the URL.
        page = self.url_open(
            f"/my/orders/{self.order_alice.id}?coop_slot_error=Call+0800"
        ).text
        self.assertNotIn("Call 0800", page)
        self.assertEqual((self.friday.booked, self.saturday.booked), (1, 1))
        # Bob's order, id in the URL: refused, nothing changes.
        self._change_slot(self.order_bob, self.saturday)
        self.assertEqual(self.order_bob.coop_slot_id, self.friday)
        self.assertEqual((self.friday.booked, self.saturday.booked), (1, 1))
        # The order page shows the slot.
        page = self.url_open(f"/my/orders/{self.order_alice.id}").text
        self.assertIn(self.saturday.display_name, page)
        # Once the cycle is closed, the slot stays.
        self.cycle._close()
        self._change_slot(self.order_alice, self.friday)
        self.assertEqual(self.order_alice.coop_slot_id, self.saturday)

    def _pickup_transaction(self, provider, cart, reference):
        return self.env["payment.transaction"].create(
            {
                "provider_id": provider.id,
                "payment_method_id": provider.payment_method_ids[:1].id,
                "amount": cart.amount_total,
                "currency_id": cart.currency_id.id,
                "partner_id": cart.partner_id.id,
                "reference": reference,
                "sale_order_ids": [Command.set(cart.ids)],
            }
        )

    def test_pay_at_pickup(self):
        provider = self.env.ref("coop_marketplace.payment_provider_coop_at_pickup")
        provider.state = "enabled"
        cart = self._create_order(self.cycle)
        providers = self.env["payment.provider"]._get_compatible_providers(
            cart.company_id.id,
            cart.partner_id.id,
            cart.amount_total,
            sale_order_id=cart.id,
        )
        self.assertNotIn(provider, providers, "not without a coop pickup")
        cart.set_delivery_line(self.carrier, 0.0)
        providers = self.env["payment.provider"]._get_compatible_providers(
            cart.company_id.id,
            cart.partner_id.id,
            cart.amount_total,
            sale_order_id=cart.id,
        )
        self.assertIn(provider, providers)
        tx = self._pickup_transaction(provider, cart, "COOP-PICKUP-1")
        tx._set_pending()
        tx._post_process()
        self.assertEqual(cart.state, "sale")

    def test_a_failing_order_pdf_never_blocks_pay_at_pickup(self):
        """The quotation PDF Odoo attaches to its order mails can't be built
        (no wkhtmltopdf, a broken report): a cycle's order no longer builds
        it at all (the coop's own message confirms it), and another order's
        mail that fails is logged, never blocking its confirmation."""
        self.env["ir.ui.view"].create(
            {
                "name": "coop broken report",
                "type": "qweb",
                "key": "coop_marketplace.test_broken_report",
                "arch": '<t t-name="coop_marketplace.test_broken_report">'
                '<t t-out="1 / 0"/></t>',
            }
        )
        self.env.ref(
            "sale.action_report_saleorder"
        ).report_name = "coop_marketplace.test_broken_report"
        provider = self.env.ref("coop_marketplace.payment_provider_coop_at_pickup")
        provider.state = "enabled"
        cart = self._create_order(self.cycle)
        cart.set_delivery_line(self.carrier, 0.0)
        tx = self._pickup_transaction(provider, cart, "COOP-PICKUP-BROKEN-PDF")
        with self.assertNoLogs(
            "odoo.addons.coop_marketplace.models.sale_order", level="ERROR"
        ):
            tx._set_pending()
            tx._post_process()
        self.assertEqual(cart.state, "sale")
        self.assertEqual(tx.state, "pending")
        # An order outside the cycles still gets Odoo's mail: its failure
        # is logged, the order confirmed.
        other = self.env["sale.order"].create(
            {
                "partner_id": self.member.id,
                "order_line": [
                    Command.create({"product_id": self.carrier.product_id.id})
                ],
            }
        )
        with self.assertLogs(
            "odoo.addons.coop_marketplace.models.sale_order", level="ERROR"
        ) as logs:
            other.with_context(send_email=True).action_confirm()
        self.assertIn("not sent", logs.output[0])
        self.assertEqual(other.state, "sale")
