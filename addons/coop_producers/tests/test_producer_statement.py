# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from psycopg2 import IntegrityError

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged
from odoo.tools import mute_logger

from odoo.addons.coop_producers.tests import common


@tagged("post_install", "-at_install", "coop_producers")
class TestProducerStatement(common.CoopProducersCommon):
    """Receipts × producer price, commission, net; one vendor bill."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.po_a = cls._confirmed_order(cls.farm_a, cls.carrots, 40, 1.60)
        cls.po_b = cls._confirmed_order(cls.farm_b, cls.beer, 24, 2.00)
        # Receive 30 of the 40 carrots (backorder for the rest) and all beer.
        cls._receive(cls.po_a, 30)
        cls._receive(cls.po_b, 24)
        cls.today = date.today()
        # The demo data has receipts of its own farms today: leave them out.
        cls.farms = cls.farm_a | cls.farm_b
        cls.accountant = new_test_user(
            cls.env,
            login="coop_statement_accountant",
            groups="base.group_user,coop_producers.group_coop_logistics,"
            "account.group_account_invoice",
        )
        cls.Statement = cls.env["coop.producer.statement"].with_user(cls.accountant)

    @classmethod
    def _confirmed_order(cls, producer, template, quantity, price):
        order = cls.env["purchase.order"].create(
            {
                "partner_id": producer.id,
                "order_line": [
                    Command.create(
                        {
                            "product_id": template.product_variant_id.id,
                            "product_qty": quantity,
                            "price_unit": price,
                            "taxes_id": [Command.clear()],
                        }
                    )
                ],
            }
        )
        order.button_confirm()
        return order

    def test_amounts_and_vendor_bill(self):
        statements = self.Statement._generate(self.today, self.today, self.farms)
        self.assertEqual(statements.producer_id, self.farm_a | self.farm_b)
        st_a = statements.filtered(lambda s: s.producer_id == self.farm_a)
        st_b = statements - st_a
        self.assertTrue(st_a.name.startswith("REL/"))
        # Farm A (13 %): 30 × 1.60 = 48.00 net; sales 48 / 0.87 = 55.17.
        self.assertEqual(st_a.line_ids.quantity, 30)
        self.assertAlmostEqual(st_a.amount_net, 48.00)
        self.assertAlmostEqual(st_a.amount_sales, 55.17)
        self.assertAlmostEqual(st_a.amount_commission, 7.17)
        # Brewery (20 %): 24 × 2.00 = 48.00 net; sales 60.00; commission 12.
        self.assertAlmostEqual(st_b.amount_net, 48.00)
        self.assertAlmostEqual(st_b.amount_sales, 60.00)
        self.assertAlmostEqual(st_b.amount_commission, 12.00)

        st_a.action_confirm()
        bill = st_a.vendor_bill_id
        self.assertEqual(st_a.state, "confirmed")
        self.assertEqual(bill.move_type, "in_invoice")
        self.assertEqual(bill.state, "posted")
        self.assertEqual(bill.partner_id, self.farm_a)
        self.assertAlmostEqual(bill.amount_total, 48.00)
        self.assertEqual(bill.invoice_line_ids.purchase_line_id, self.po_a.order_line)
        # The purchase order knows it is billed for what was received.
        self.assertEqual(self.po_a.order_line.qty_invoiced, 30)
        with self.assertRaises(UserError):
            st_a.action_confirm()  # once
        with self.assertRaises(UserError):
            st_a.unlink()

        # Each receipt is paid once: a second run of the period finds nothing
        # for these receipts, and the database refuses a duplicate line.
        self.assertFalse(self.Statement._generate(self.today, self.today, self.farms))
        with (
            mute_logger("odoo.sql_db"),
            self.assertRaises(IntegrityError),
            self.env.cr.savepoint(),
        ):
            self.env["coop.producer.statement.line"].create(
                {
                    "statement_id": st_b.id,
                    "move_id": st_a.line_ids.move_id.id,
                    "product_id": self.carrots.product_variant_id.id,
                }
            )

    def test_a_receipt_the_producer_billed_herself_is_not_stated(self):
        """The producer's own invoice for an order (made from the purchase
        order, or received as Factur-X and matched to it) pays its receipts:
        a statement never bills them again, draft bill or posted."""
        bill = self.env["account.move"].browse(
            self.po_a.action_create_invoice()["res_id"]
        )
        bill.invoice_date = self.today
        self.assertAlmostEqual(bill.amount_total, 48.00)  # the 30 received
        statements = self.Statement._generate(self.today, self.today, self.farms)
        self.assertEqual(statements.producer_id, self.farm_b)
        bill.action_post()
        self.assertFalse(self.Statement._generate(self.today, self.today, self.farm_a))
        # Cancelled, the bill pays nothing: the receipts are stated again.
        bill.button_draft()
        bill.button_cancel()
        statement = self.Statement._generate(self.today, self.today, self.farm_a)
        self.assertAlmostEqual(statement.amount_net, 48.00)

    def test_receipts_outside_the_period_and_returns(self):
        yesterday = date.fromordinal(self.today.toordinal() - 1)
        self.assertFalse(self.Statement._generate(yesterday, yesterday, self.farms))
        with self.assertRaises(UserError):
            self.Statement._generate(self.today, yesterday, self.farms)
        # A return of 5 carrots to the farm comes off the statement.
        receipt = self.po_a.picking_ids.filtered(lambda p: p.state == "done")
        wizard = (
            self.env["stock.return.picking"]
            .with_context(active_id=receipt.id, active_model="stock.picking")
            .create({})
        )
        wizard.product_return_moves.quantity = 5
        returned = wizard._create_return()
        returned.move_ids.quantity = 5
        returned.move_ids.picked = True
        returned._action_done()
        statement = self.Statement._generate(self.today, self.today, self.farm_a)
        self.assertEqual(sorted(statement.line_ids.mapped("quantity")), [-5, 30])
        self.assertAlmostEqual(statement.amount_net, 40.00)

    def test_bad_input_and_empty_statement(self):
        empty = self.Statement.create(
            {
                "producer_id": self.farm_a.id,
                "date_from": "2020-01-01",
                "date_to": "2020-01-31",
            }
        )
        with self.assertRaises(UserError):
            empty.action_confirm()
        self.assertEqual(empty.state, "draft")
        self.assertFalse(empty.vendor_bill_id)
        with (
            mute_logger("odoo.sql_db"),
            self.assertRaises(IntegrityError),
            self.env.cr.savepoint(),
        ):
            self.Statement.create(
                {
                    "producer_id": self.farm_a.id,
                    "date_from": "2020-02-01",
                    "date_to": "2020-01-01",
                }
            )

    def test_access_per_role(self):
        statements = self.Statement._generate(self.today, self.today, self.farms)
        st_a = statements.filtered(lambda s: s.producer_id == self.farm_a)
        st_b = statements - st_a
        as_a = self.env["coop.producer.statement"].with_user(self.producer_a)
        # Drafts are the coop's working papers: the producer sees nothing yet.
        self.assertFalse(as_a.search([]))
        st_a.action_confirm()
        st_b.action_confirm()
        self.assertEqual(as_a.search([]), st_a)
        self.assertEqual(
            self.env["coop.producer.statement.line"]
            .with_user(self.producer_a)
            .search([])
            .statement_id,
            st_a,
        )
        with self.assertRaises(AccessError):
            st_b.with_user(self.producer_a).read(["amount_net"])
        with self.assertRaises(AccessError):
            st_a.with_user(self.producer_a).write({"date_to": "2030-01-01"})
        # The producer reads their own bill, not the other producer's.
        st_a.vendor_bill_id.with_user(self.producer_a).read(["amount_total"])
        with self.assertRaises(AccessError):
            st_b.vendor_bill_id.with_user(self.producer_a).read(["amount_total"])
        # Their statement PDF renders for them.
        html, _type = (
            self.env["ir.actions.report"]
            .with_user(self.producer_a)
            ._render_qweb_html(
                "coop_producers.action_report_producer_statement", st_a.ids
            )
        )
        self.assertIn("Carottes A", html.decode())
        self.assertNotIn("Bière B", html.decode())
        # Logistics staff prepare statements; issuing a bill needs billing
        # rights, and a refusal writes nothing.
        draft = self.Statement.with_user(self.logistics).create(
            {
                "producer_id": self.farm_a.id,
                "date_from": "2020-01-01",
                "date_to": self.today,
            }
        )
        with self.assertRaises(AccessError):
            draft.action_confirm()
        self.assertEqual(draft.state, "draft")
        self.assertFalse(draft.vendor_bill_id)
        # Members' data stays out: the statement's producer is all they see.
        self.assertFalse(
            self.env["res.partner"]
            .with_user(self.producer_a)
            .search([("id", "=", self.member.id)])
        )

    def test_a_statement_of_company_b_bills_in_b(self):
        """Company B's receipts make B's statement and B's vendor bill, even
        when issued by an accountant working in company A; company A's
        statement ignores them."""
        company_b = self.env["res.company"].create({"name": "Épicerie d'Arras"})
        self.env["account.chart.template"].try_loading(
            "generic_coa", company_b, install_demo=False
        )
        env_b = self.env(context={"allowed_company_ids": company_b.ids})
        order = env_b["purchase.order"].create(
            {
                "partner_id": self.farm_a.id,
                "company_id": company_b.id,
                "order_line": [
                    Command.create(
                        {
                            "product_id": self.carrots.product_variant_id.id,
                            "product_qty": 10,
                            "price_unit": 1.50,
                            "taxes_id": [Command.clear()],
                        }
                    )
                ],
            }
        )
        order.button_confirm()
        self._receive(order, 10)
        self.accountant.company_ids |= company_b
        accountant_in_a = self.env(
            user=self.accountant,
            context={"allowed_company_ids": [self.env.company.id, company_b.id]},
        )
        Statement = accountant_in_a["coop.producer.statement"]
        st_a = Statement._generate(self.today, self.today, self.farm_a)
        self.assertEqual(st_a.line_ids.quantity, 30)
        st_b = Statement.with_company(company_b)._generate(
            self.today, self.today, self.farm_a
        )
        self.assertEqual(st_b.company_id, company_b)
        self.assertEqual(st_b.line_ids.quantity, 10)
        self.assertAlmostEqual(st_b.amount_net, 15.00)
        st_b.action_confirm()
        bill = st_b.vendor_bill_id
        self.assertEqual(bill.company_id, company_b)
        self.assertEqual(bill.journal_id.company_id, company_b)
        self.assertAlmostEqual(bill.amount_total, 15.00)
        # The farm supplies both platforms: its login, given both, sees both
        # platforms' orders and issued statements in its one space, and no
        # customer or member of either.
        st_a.action_confirm()
        self.producer_a.company_ids |= company_b
        farm = self.env(
            user=self.producer_a,
            context={"allowed_company_ids": [self.env.company.id, company_b.id]},
        )
        self.assertEqual(
            farm["purchase.order"].search([("id", "in", (self.po_a | order).ids)]),
            self.po_a | order,
        )
        self.assertEqual(
            farm["coop.producer.statement"].search([("id", "in", (st_a | st_b).ids)]),
            st_a | st_b,
        )
        members = self.env["res.partner"].create(
            [
                {"name": "Membre de Lille", "email": "lille@example.org"},
                {
                    "name": "Membre d'Arras",
                    "email": "arras@example.org",
                    "company_id": company_b.id,
                },
            ]
        )
        self.assertFalse(farm["res.partner"].search([("id", "in", members.ids)]))
        for member in members:
            with self.assertRaises(AccessError):
                farm["res.partner"].browse(member.id).read(["email"])
        # An accountant of company A only sees neither.
        self.accountant.company_ids -= company_b
        env_a = self.env(user=self.accountant)
        self.assertFalse(
            env_a["coop.producer.statement"].search([("id", "=", st_b.id)])
        )
        self.assertFalse(env_a["account.move"].search([("id", "=", bill.id)]))
