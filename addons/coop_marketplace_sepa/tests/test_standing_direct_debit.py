# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
from datetime import date
from pathlib import Path

from dateutil.relativedelta import relativedelta
from lxml import etree

from odoo import Command, fields, http
from odoo.exceptions import UserError
from odoo.tests import HttpCase, tagged
from odoo.tools import date_utils

import odoo.addons.account_banking_sepa_direct_debit as sdd
from odoo.addons.coop_marketplace.tests import common

NS = {"p": "urn:iso:std:iso:20022:tech:xsd:pain.008.001.02"}
XSD = Path(sdd.__file__).parent / "data" / "pain.008.001.02.xsd"


def _mandate_for(env, partner, iban, reference):
    mandate = env["account.banking.mandate"].create(
        {
            "partner_bank_id": env["res.partner.bank"]
            .create({"acc_number": iban, "partner_id": partner.id})
            .id,
            "signature_date": date(2026, 11, 20),
            "unique_mandate_reference": reference,
        }
    )
    mandate.validate()
    return mandate


@tagged("post_install", "-at_install", "coop_marketplace_sepa")
class TestStandingBasketByDirectDebit(common.CoopMarketplaceCommon):
    """A member's standing basket paid monthly by SEPA direct debit: nothing
    collected at pickup, the hand-over invoices the basket under her
    mandate, the month's debit order takes the invoice, a return reopens it
    and tells her; a mandate revoked makes the basket paid at pickup."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        friday = cls.point.slot_template_ids.filtered(lambda t: t.weekday == "4")
        cls.subscriber = cls.env["res.partner"].create(
            {"name": "Léa Prévost", "email": "lea@example.org", "lang": "fr_FR"}
        )
        cls.mandate = _mandate_for(
            cls.env, cls.subscriber, "FR7630004000031234567890143", "TEST-LEA-1"
        )
        cls.standing = cls.env["coop.standing.order"].create(
            {
                "partner_id": cls.subscriber.id,
                "product_id": cls.carrots_product.id,
                "quantity": 3,
                "point_id": cls.point.id,
                "slot_template_id": friday.id,
                "date_start": cls.PICKUP_FROM,
            }
        )

    def _cycle_order(self):
        self.cycle.action_open()
        self.env["coop.standing.order"]._create_standing_orders(self.cycle)
        return self.standing.order_ids.filtered(lambda o: o.coop_cycle_id == self.cycle)

    def _hand_over(self, order):
        self.cycle._close()
        order.with_user(self.volunteer).action_coop_mark_collected()
        self.assertTrue(order.coop_collected)

    def test_the_basket_is_invoiced_at_the_hand_over_and_debited(self):
        self.standing._action_member_pay_by_direct_debit(True)
        self.assertEqual(self.standing.mandate_id, self.mandate)
        order = self._cycle_order()
        self.assertEqual(order.state, "sale")
        self.assertEqual(order.coop_mandate_id, self.mandate)
        owed = order._coop_money().owed
        self.assertGreater(owed, 1)
        # Nothing to collect at pickup, nothing asked on the order's page;
        # the member reads that it will be debited.
        as_volunteer = order.with_user(self.volunteer)
        self.assertEqual(as_volunteer.coop_amount_to_collect, 0.0)
        self.assertTrue(as_volunteer.coop_paid_by_direct_debit)
        self.assertEqual(order.coop_amount_due, 0.0)
        sentence = order.with_context(lang="fr_FR")._coop_member_status().money
        self.assertIn("Prélevé sur votre compte", sentence)
        self.assertIn("TEST-LEA-1", sentence)

        self._hand_over(order)
        self.assertEqual(order.coop_paid_at_pickup, 0.0)
        invoice = order.invoice_ids
        self.assertEqual(len(invoice), 1)
        self.assertEqual(invoice.state, "posted")
        self.assertEqual(invoice.partner_id, self.subscriber)
        self.assertEqual(invoice.company_id, order.company_id)
        self.assertEqual(invoice.mandate_id, self.mandate)
        self.assertEqual(
            invoice.payment_mode_id.payment_method_id.code, "sepa_direct_debit"
        )
        today = fields.Date.today()
        self.assertEqual(invoice.invoice_date_due, date_utils.end_of(today, "month"))
        self.assertAlmostEqual(invoice.amount_total, owed, places=2)
        money = order._coop_money()
        self.assertEqual(money.paid["direct_debit"], owed)
        self.assertEqual((money.due, money.excess), (0.0, 0.0))
        self.assertIn(
            "prélèvement SEPA",
            order.with_context(lang="fr_FR")._coop_member_status().money,
        )
        self.assertEqual(self.env["coop.money.checker"]._problems(), [])

        # Early next month, the debit order takes the invoice, once.
        debits = self.env["account.payment.order"]._coop_prepare_monthly_debits(
            today + relativedelta(months=1)
        )
        line = debits.payment_line_ids.filtered(
            lambda l: l.partner_id == self.subscriber
        )
        self.assertEqual(line.move_line_id.move_id, invoice)
        self.assertAlmostEqual(line.amount_currency, owed, places=2)
        self.assertEqual(line.mandate_id, self.mandate)
        debits.draft2open()
        attachment = self.env["ir.attachment"].browse(debits.open2generated()["res_id"])
        debits.generated2uploaded()
        xml = etree.fromstring(base64.b64decode(attachment.datas))
        etree.XMLSchema(etree.parse(str(XSD))).assertValid(xml)
        amounts = {
            tx.findtext("p:DrctDbtTx/p:MndtRltdInf/p:MndtId", namespaces=NS): float(
                tx.findtext("p:InstdAmt", namespaces=NS)
            )
            for tx in xml.iterfind(".//p:DrctDbtTxInf", namespaces=NS)
        }
        self.assertEqual(amounts["TEST-LEA-1"], owed)
        self.assertTrue(invoice.currency_id.is_zero(invoice.amount_residual))
        self.assertEqual(self.env["coop.money.checker"]._problems(), [])

        # The bank returns it: the invoice is due again, the member told in
        # French; the order stays paid by direct debit (she owes the
        # invoice).
        payment = debits.payment_ids.filtered(lambda p: p.partner_id == self.subscriber)
        returned = payment.move_id.line_ids.filtered(
            lambda l: l.account_id == payment.destination_account_id
        )
        self.env["payment.return"].create(
            {
                "journal_id": debits.journal_id.id,
                "date": today,
                "line_ids": [
                    Command.create(
                        {
                            "move_line_ids": [Command.set(returned.ids)],
                            "partner_id": self.subscriber.id,
                            "amount": payment.amount,
                            "reason_id": self.env.ref(
                                "coop_sepa_direct_debit.payment_return_reason_am04"
                            ).id,
                        }
                    )
                ],
            }
        ).action_confirm()
        self.assertAlmostEqual(invoice.amount_residual, owed, places=2)
        told = invoice.message_ids.filtered(lambda m: self.subscriber in m.partner_ids)
        self.assertIn("rejeté le prélèvement", told.body)
        self.assertEqual(order._coop_money().due, 0.0)
        self.assertEqual(self.env["coop.money.checker"]._problems(), [])

    def test_a_weighed_basket_is_invoiced_as_weighed(self):
        # A farm chicken sold by the piece, about 1.6 kg at 12.50 €/kg.
        chicken = self.env["product.template"].create(
            {
                "name": "Poulet fermier test",
                "categ_id": self.categ.id,
                "coop_producer_id": self.farm_a.id,
                "coop_producer_price": 16.0,
                "list_price": 20.0,
                "is_storable": True,
                "taxes_id": [Command.clear()],
                "base_unit_count": 1.6,
                "base_unit_id": self.env.ref(
                    "coop_marketplace.website_base_unit_kg"
                ).id,
                "coop_sold_by_weight": True,
            }
        )
        chicken.list_price = 20.0
        self.cycle.line_ids = [
            Command.create({"product_id": chicken.product_variant_id.id})
        ]
        self.standing.product_id = chicken.product_variant_id
        self.standing.quantity = 1
        self.standing._action_member_pay_by_direct_debit(True)
        order = self._cycle_order()
        self.assertEqual(order.coop_mandate_id, self.mandate)
        self.cycle._close()
        self.assertTrue(order.coop_to_weigh)
        sentence = order.with_context(lang="fr_FR")._coop_member_status().money
        self.assertIn("environ", sentence)
        line = order._coop_weighed_lines()
        order.with_user(self.volunteer)._coop_set_real_weights({line: 1.72})
        self.assertEqual(order.coop_amount_to_collect, 0.0)
        order.with_user(self.volunteer).action_coop_mark_collected()
        self.assertAlmostEqual(order.invoice_ids.amount_total, 21.50, places=2)
        self.assertEqual(order._coop_money().paid["direct_debit"], 21.50)
        self.assertEqual(self.env["coop.money.checker"]._problems(), [])

    def test_a_revoked_mandate_is_paid_at_pickup(self):
        self.standing._action_member_pay_by_direct_debit(True)
        order = self._cycle_order()
        due = order._coop_money().due
        # Revoked after the order was made: the volunteer collects it.
        self.mandate.cancel()
        order.invalidate_recordset(["coop_amount_to_collect"])
        self.assertEqual(order.with_user(self.volunteer).coop_amount_to_collect, due)
        self._hand_over(order)
        self.assertFalse(order.invoice_ids)
        self.assertEqual(order.coop_paid_at_pickup, due)
        self.assertEqual(self.env["coop.money.checker"]._problems(), [])
        # The next cycle's order is paid at pickup, and she is told why.
        cycle = self._create_cycle("Cycle suivant")
        cycle.action_open()
        self.env["coop.standing.order"]._create_standing_orders(cycle)
        following = self.standing.order_ids.filtered(lambda o: o.coop_cycle_id == cycle)
        self.assertFalse(following.coop_mandate_id)
        told = self.standing.message_ids.filtered(
            lambda m: self.subscriber in m.partner_ids
        )
        self.assertIn("n'est plus valide", told[:1].body)

    def test_without_a_mandate_the_choice_is_refused(self):
        self.mandate.cancel()
        with self.assertRaisesRegex(UserError, "mandat SEPA"):
            self.standing.with_context(lang="fr_FR")._action_member_pay_by_direct_debit(
                True
            )
        self.assertFalse(self.standing.mandate_id)
        other = self.env["res.partner"].create({"name": "Autre"})
        with self.assertRaises(UserError):
            self.standing.mandate_id = _mandate_for(
                self.env, other, "FR7317806000000001234567800", "TEST-AUTRE"
            )

    def test_the_order_follows_the_choice_until_it_is_paid(self):
        order = self._cycle_order()
        self.assertFalse(order.coop_mandate_id)
        self.standing._action_member_pay_by_direct_debit(True)
        self.assertEqual(order.coop_mandate_id, self.mandate)
        self.standing._action_member_pay_by_direct_debit(False)
        self.assertFalse(order.coop_mandate_id)
        self.assertFalse(self.standing.mandate_id)
        # Handed over at pickup: choosing direct debit no longer reaches it.
        self._hand_over(order)
        self.standing._action_member_pay_by_direct_debit(True)
        self.assertFalse(order.coop_mandate_id)
        self.assertFalse(order.invoice_ids)
        self.assertEqual(self.env["coop.money.checker"]._problems(), [])

    def test_the_checker_finds_an_invoice_under_another_mandate(self):
        self.standing._action_member_pay_by_direct_debit(True)
        order = self._cycle_order()
        self._hand_over(order)
        other = self.env["res.partner"].create({"name": "Autre"})
        stranger = _mandate_for(
            self.env, other, "FR7317806000000001234567800", "TEST-AUTRE"
        )
        # sudo: what a hand-edited invoice would leave.
        order.invoice_ids.sudo().mandate_id = stranger
        problems = self.env["coop.money.checker"]._problems()
        self.assertEqual([p["invariant"] for p in problems], ["debited by mandate"])


@tagged("post_install", "-at_install", "coop_marketplace_sepa")
class TestStandingDirectDebitPortal(HttpCase):
    """The demo member chooses direct debit for her own basket once the
    coop has her mandate; without one, the page says how to get one."""

    def _post(self, url):
        return self.url_open(url, data={"csrf_token": http.Request.csrf_token(self)})

    def test_member_chooses_direct_debit_for_her_basket_only(self):
        standing = self.env.ref("coop_marketplace.coop_standing_order_amina_demo")
        other = self.env.ref("coop_marketplace.coop_standing_order_02_demo")
        order = standing.order_ids.filtered(lambda o: o.state == "sale")[:1]
        self.assertTrue(order)
        self.authenticate("membre", "membre")
        page = self.url_open("/my/standing").text
        self.assertTrue("demandez au bureau de la coop" in page)
        self.assertFalse("o_coop_standing_direct_debit_on" in page)
        response = self._post(f"/my/standing/{standing.id}/direct_debit_on")
        self.assertTrue("aucun mandat SEPA valide" in response.text)
        self.assertFalse(standing.mandate_id)

        mandate = _mandate_for(
            self.env,
            standing.partner_id,
            "FR7630004000031234567890143",
            "EPI-LILLE-0099",
        )
        page = self.url_open("/my/standing").text
        self.assertTrue("o_coop_standing_direct_debit_on" in page)
        response = self._post(f"/my/standing/{standing.id}/direct_debit_on")
        self.assertEqual(response.status_code, 200)
        self.assertTrue("EPI-LILLE-0099" in response.text)
        self.assertEqual(standing.mandate_id, mandate)
        self.assertEqual(order.coop_mandate_id, mandate)
        # Another member's basket is not found.
        response = self._post(f"/my/standing/{other.id}/direct_debit_on")
        self.assertEqual(response.status_code, 404)
        self.assertFalse(other.mandate_id)
        # Her order's page says it is debited.
        order_page = self.url_open(order.get_portal_url()).text
        self.assertTrue("Prélevé sur votre compte" in order_page)
        self._post(f"/my/standing/{standing.id}/direct_debit_off")
        self.assertFalse(standing.mandate_id)
        self.assertFalse(order.coop_mandate_id)

    def test_the_pickup_list_reads_the_mandates_at_once(self):
        """The Pickup day list: whether each row is debited costs the same
        queries for one order as for all of them (the mandates in one read,
        the coop's direct-debit mode once)."""
        sophie_order = self.env["sale.order"].search([("name", "=", "S00005")])
        self.assertTrue(sophie_order.coop_mandate_id)
        # Five more rows debited (under her mandate, for the count's sake).
        others = self.env["sale.order"].search(
            [
                ("company_id", "=", sophie_order.company_id.id),
                ("id", "!=", sophie_order.id),
            ],
            limit=5,
        )
        others.sudo().coop_mandate_id = sophie_order.coop_mandate_id
        orders = others | sophie_order

        def queries(records):
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            records.mapped("coop_paid_by_direct_debit")
            return self.env.cr.sql_log_count - before

        queries(orders)  # warm the registry's caches
        one = queries(sophie_order)
        self.assertEqual(queries(orders), one)
        self.assertTrue(all(orders.mapped("coop_paid_by_direct_debit")))
