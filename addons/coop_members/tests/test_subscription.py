# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, tagged

from odoo.addons.coop_members.tests import common


@tagged("post_install", "-at_install", "coop_members")
class TestSubscription(common.CoopMembersCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.class_a.product_id = cls.env["product.product"].create(
            {"name": "Part A", "type": "service", "list_price": 10}
        )

    def subscribe_by_invoice(self, partner, share_class, quantity, **values):
        wizard = Form(
            self.env["coop.share.subscribe.wizard"]
            .with_user(self.manager)
            .with_context(active_model="res.partner", active_id=partner.id)
        )
        wizard.share_class_id = share_class
        wizard.quantity = quantity
        for name, value in values.items():
            setattr(wizard, name, value)
        action = wizard.save().action_subscribe()
        return self.env["account.move"].browse(action["res_id"])

    def pay(self, invoice, amount=None):
        vals = {"amount": amount} if amount else {}
        self.env["account.payment.register"].with_context(
            active_model="account.move", active_ids=invoice.ids
        ).create(vals)._create_payments()

    def movements(self, partner):
        return self.env["coop.share.movement"].search([("partner_id", "=", partner.id)])

    def test_invoice_is_equity_without_tax_and_register_waits(self):
        invoice = self.subscribe_by_invoice(self.alice, self.class_a, 2)
        self.assertEqual(invoice.state, "posted")
        self.assertEqual(invoice.amount_total, 20.0)
        self.assertEqual(invoice.amount_tax, 0.0)
        line = invoice.invoice_line_ids
        self.assertEqual(line.account_id.code, "101300")
        self.assertEqual(line.account_id.account_type, "equity")
        self.assertFalse(line.tax_ids)
        movement = self.movements(self.alice)
        self.assertEqual(movement.state, "draft")
        self.assertEqual(movement.invoice_id, invoice)
        self.assertFalse(self.alice.coop_member_state)

    def test_payment_enters_the_register_once(self):
        invoice = self.subscribe_by_invoice(self.alice, self.class_a, 2)
        self.pay(invoice)
        self.assertIn(invoice.payment_state, ("paid", "in_payment"))
        movement = self.movements(self.alice)
        self.assertEqual(movement.state, "confirmed")
        self.assertEqual(self.alice.coop_member_state, "active")
        self.assertTrue(self.alice.coop_member_number)
        invoice._invoice_paid_hook()  # a second registration of the payment
        self.assertEqual(len(self.movements(self.alice)), 1)
        self.assertEqual(self.alice.coop_share_count, 2)

    def test_instalments_enter_the_register_when_fully_paid(self):
        invoice = self.subscribe_by_invoice(self.alice, self.class_a, 3)
        self.pay(invoice, amount=10.0)
        self.assertEqual(invoice.payment_state, "partial")
        self.assertEqual(self.movements(self.alice).state, "draft")
        self.assertEqual(self.alice.coop_share_count, 0)
        self.pay(invoice, amount=20.0)
        self.assertEqual(self.movements(self.alice).state, "confirmed")
        self.assertEqual(self.alice.coop_share_count, 3)

    def test_the_class_is_prefilled(self):
        """Staff meet the class the member last subscribed; a company, a
        class open to companies."""

        def default_class(partner):
            return (
                Form(
                    self.env["coop.share.subscribe.wizard"]
                    .with_user(self.manager)
                    .with_context(active_model="res.partner", active_id=partner.id)
                )
                .save()
                .share_class_id
            )

        self.subscribe_by_invoice(self.alice, self.class_a, 2)
        self.assertEqual(default_class(self.alice), self.class_a)
        self.assertTrue(default_class(self.company_partner).allow_companies)
        self.assertNotEqual(default_class(self.company_partner), self.class_a)
        self.assertTrue(default_class(self.bruno).allow_individuals)

    def test_a_wrong_sign_is_told_in_the_users_language(self):
        with self.assertRaisesRegex(ValidationError, "^Souscription de -1 parts"):
            self.env["coop.share.movement"].with_context(lang="fr_FR").create(
                {
                    "partner_id": self.alice.id,
                    "share_class_id": self.class_a.id,
                    "type": "subscription",
                    "quantity": -1,
                }
            )

    def test_bad_subscriptions_write_nothing(self):
        Move = self.env["account.move"]
        invoices_before = Move.search_count([])
        with self.assertRaises(UserError), self.env.cr.savepoint():
            self.subscribe_by_invoice(self.alice, self.class_a, 0)
        with self.assertRaises(UserError), self.env.cr.savepoint():
            self.subscribe_by_invoice(self.alice, self.class_d, 1)  # no product
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            self.subscribe_by_invoice(self.alice, self.class_a, 6)  # maximum 5
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            self.subscribe_by_invoice(self.company_partner, self.class_a, 2)
        self.assertEqual(Move.search_count([]), invoices_before)
        self.assertFalse(
            self.movements(self.alice) | self.movements(self.company_partner)
        )
