# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import json

from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools import mute_logger

from odoo.addons.coop_marketplace.tests import common

from .mollie_api import MollieApi


@tagged("post_install", "-at_install", "coop_payment_mollie")
class TestMolliePayments(HttpCase, common.CoopMarketplaceCommon):
    """A member pays her basket with Mollie (test mode): through the shop's
    payment route, Mollie's page, Mollie's notification to the webhook and
    the status Odoo reads back from Mollie."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.cycle.action_open()
        cls.friday = cls.cycle.slot_ids.filtered(lambda s: s.capacity == 3)
        cls.member_user = new_test_user(
            cls.env,
            login="coop_mollie_member",
            password="coop_mollie_member",
            groups="base.group_portal",
            lang="fr_FR",
        )
        cls.carrier = cls.env["delivery.carrier"].create(
            {
                "name": "Retrait Mollie",
                "delivery_type": "coop_pickup",
                "product_id": cls.env["product.product"]
                .create({"name": "Retrait Mollie", "type": "service"})
                .id,
            }
        )
        cls.mollie = cls.env.ref("payment.payment_provider_mollie")
        cls.mollie.write(
            {
                "state": "test",
                "is_published": True,
                "mollie_api_key": "test_dummy",
                "website_id": False,
            }
        )
        cls.card = cls.env.ref("payment.payment_method_card")

    def _cart(self):
        cart = self._create_order(
            self.cycle, qty=3, partner=self.member_user.partner_id
        )
        cart.set_delivery_line(self.carrier, 0.0)
        cart._set_pickup_location(json.dumps({"id": self.point.id}))
        cart._coop_set_pickup_slot(self.friday)
        return cart

    def _transaction(self, cart, provider, method, flow):
        """The shop's payment route, as the payment form calls it."""
        return self.make_jsonrpc_request(
            f"/shop/payment/transaction/{cart.id}",
            common.payment_form_values(cart, provider, method, flow),
        )

    def _pay_with_mollie(self, cart, mollie):
        """The member's "Payer" with Mollie on the shop's payment page: the
        shop's route creates the transaction (the server decides the
        amount) and Odoo creates the payment at Mollie, whose page she is
        sent to."""
        self.authenticate("coop_mollie_member", "coop_mollie_member")
        processing = self._transaction(cart, self.mollie, self.card, "redirect")
        self.assertIn("www.mollie.com/checkout", processing["redirect_form_html"])
        tx = cart.transaction_ids
        payload = mollie.payments[tx.provider_reference]
        self.assertEqual(
            payload["amount"], {"currency": "EUR", "value": f"{cart.amount_total:.2f}"}
        )
        self.assertEqual(payload["locale"], "fr_FR", "Mollie's page in French")
        self.assertEqual(payload["method"], ["creditcard"])
        return tx

    def test_a_basket_paid_with_mollie_is_confirmed(self):
        mollie = MollieApi()
        cart = self._cart()
        with mollie.patched():
            tx = self._pay_with_mollie(cart, mollie)
            self.assertEqual(cart.state, "draft")
            mollie.notify(self.base_url(), tx, "paid")
        self.assertEqual(tx.state, "done")
        self.assertEqual(
            tx.payment_method_id, self.env.ref("payment.payment_method_visa")
        )
        # Back from Mollie, the member's status page post-processes it.
        self.make_jsonrpc_request("/payment/status/poll")
        self.env.invalidate_all()
        self.assertEqual(cart.state, "sale")
        money = cart._coop_money()
        self.assertAlmostEqual(money.paid["online"], cart.amount_total, places=2)
        self.assertEqual((money.due, money.excess), (0.0, 0.0))
        self.assertEqual(self.env["coop.money.checker"]._problems(), [])

    @mute_logger("odoo.addons.payment_mollie.models.payment_transaction")
    def test_a_failed_mollie_payment_confirms_nothing(self):
        mollie = MollieApi()
        cart = self._cart()
        with mollie.patched():
            tx = self._pay_with_mollie(cart, mollie)
            mollie.notify(self.base_url(), tx, "failed")
        self.assertEqual(tx.state, "cancel")
        tx._post_process()
        self.assertIn(cart.state, ("draft", "sent"))
        self.assertFalse(cart._coop_paid_transactions())
        self.assertFalse(cart.coop_refund_ids)
        self.assertEqual(self.env["coop.money.checker"]._problems(), [])

    def test_a_mollie_payment_after_the_close_is_refunded_by_the_managers(self):
        """The cycle closes while the member is on Mollie's page: her cart
        is cancelled. Mollie confirms the payment afterwards: it goes back.
        Odoo can't refund through Mollie, so it is the managers' to-do,
        and she is told in French."""
        mollie = MollieApi()
        cart = self._cart()
        with mollie.patched():
            tx = self._pay_with_mollie(cart, mollie)
            self.cycle._close()
            self.assertEqual(cart.state, "cancel")
            mollie.notify(self.base_url(), tx, "paid")
        self.assertEqual(tx.state, "done")
        # The payments' job (the member closed her browser).
        tx._post_process()
        refund = cart.coop_refund_ids
        self.assertEqual(refund.reason, "late_payment")
        self.assertAlmostEqual(refund.amount, cart.amount_total, places=2)
        self.assertEqual(refund.state, "manual")
        self.assertEqual(len(refund.activity_ids), 1)
        message = cart.message_ids.filtered(
            lambda m: (
                cart.partner_id in m.partner_ids and "vous sera remboursé" in m.body
            )
        )
        self.assertEqual(len(message), 1)
        self.assertEqual(self.env["coop.money.checker"]._problems(), [])

    def test_a_basket_paid_twice_gets_the_second_payment_back(self):
        """The member leaves Mollie's page, pays her basket another way,
        then the Mollie page she left open in another tab is paid too: the
        second payment goes back, and she is told."""
        mollie = MollieApi()
        cart = self._cart()
        demo = self.env.ref("payment.payment_provider_demo")
        demo.state = "test"
        with mollie.patched():
            mollie_tx = self._pay_with_mollie(cart, mollie)
            processing = self._transaction(
                cart,
                demo,
                demo.with_context(active_test=False).payment_method_ids[:1],
                "direct",
            )
            self.make_jsonrpc_request(
                "/payment/demo/simulate_payment",
                {
                    "reference": processing["reference"],
                    "payment_details": "4242",
                    "simulated_state": "done",
                },
            )
            self.make_jsonrpc_request("/payment/status/poll")
            self.env.invalidate_all()
            self.assertEqual(cart.state, "sale")
            self.assertFalse(cart.coop_refund_ids)
            mollie.notify(self.base_url(), mollie_tx, "paid")
        self.assertEqual(mollie_tx.state, "done")
        mollie_tx._post_process()
        refund = cart.coop_refund_ids
        self.assertEqual(refund.reason, "late_payment")
        self.assertAlmostEqual(refund.amount, cart.amount_total, places=2)
        self.assertEqual(refund.state, "manual")
        self.assertTrue(
            cart.message_ids.filtered(
                lambda m: cart.partner_id in m.partner_ids and "déjà réglée" in m.body
            )
        )
        self.assertEqual(self.env["coop.money.checker"]._problems(), [])
