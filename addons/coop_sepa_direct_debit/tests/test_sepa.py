# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
from datetime import date
from pathlib import Path

from lxml import etree

from odoo import Command, fields
from odoo.tests import TransactionCase, tagged

import odoo.addons.account_banking_sepa_direct_debit as sdd

PAIN = "urn:iso:std:iso:20022:tech:xsd:pain.008.001.02"
NS = {"p": PAIN}
XSD = Path(sdd.__file__).parent / "data" / "pain.008.001.02.xsd"


@tagged("post_install", "-at_install", "coop_sepa_direct_debit")
class TestSepaDirectDebit(TransactionCase):
    """Two members pay their shares in five monthly instalments by SEPA
    direct debit, on the demo's set-up (the épicerie's creditor identifier
    and account, the "Prélèvement SEPA" mode): the month's debit file, the
    bank's return of one debit."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.mode = cls.env.ref("coop_sepa_direct_debit.account_payment_mode_sepa_demo")
        share_class = cls.env.ref("coop_members.coop_share_class_a_demo")
        term = cls.env.ref("coop_sepa_direct_debit.account_payment_term_5_months")
        cls.members = cls.env["res.partner"]
        cls.invoices = cls.env["account.move"]
        cls.mandates = cls.env["account.banking.mandate"]
        for name, iban, quantity in (
            ("Lucie Dumont", "FR7630004000031234567890143", 5),
            ("Hugo Lefebvre", "FR7317806000000001234567800", 10),
        ):
            member = cls.env["res.partner"].create(
                {"name": name, "email": "m@example.org", "lang": "fr_FR"}
            )
            member.customer_payment_mode_id = cls.mode
            mandate = cls.env["account.banking.mandate"].create(
                {
                    "partner_bank_id": cls.env["res.partner.bank"]
                    .create({"acc_number": iban, "partner_id": member.id})
                    .id,
                    "signature_date": date(2026, 11, 20),
                }
            )
            mandate.validate()
            cls.members |= member
            cls.mandates |= mandate
            cls.invoices |= share_class._create_subscription_invoice(
                member, quantity, date(2030, 1, 10), term
            )

    def _month_order(self, day):
        orders = self.env["account.payment.order"]._coop_prepare_monthly_debits(day)
        self.assertEqual(len(orders), 1)
        return orders

    def _ours(self, order):
        return order.payment_line_ids.filtered(lambda l: l.partner_id in self.members)

    def _send(self, order):
        """The accountant confirms the order, downloads its file, and marks
        it sent once the bank took it."""
        order.draft2open()
        attachment = self.env["ir.attachment"].browse(order.open2generated()["res_id"])
        order.generated2uploaded()
        return etree.fromstring(base64.b64decode(attachment.datas))

    def test_the_months_debit_file(self):
        self.assertEqual(self.invoices.mapped("mandate_id"), self.mandates)
        order = self._month_order(date(2030, 2, 15))
        # The instalments due by the end of February: 10 January, 9 February.
        ours = self._ours(order)
        self.assertEqual(
            sorted(ours.mapped(lambda l: (l.partner_id.name, l.amount_currency))),
            [
                ("Hugo Lefebvre", 20.0),
                ("Hugo Lefebvre", 20.0),
                ("Lucie Dumont", 10.0),
                ("Lucie Dumont", 10.0),
            ],
        )
        # Run again (the job and the accountant): nothing twice.
        self.assertEqual(self._month_order(date(2030, 2, 15)), order)
        self.assertEqual(self._ours(order), ours)

        xml = self._send(order)
        # The file the bank receives is valid pain.008 (the schema read
        # here, apart from OCA's own check).
        etree.XMLSchema(etree.parse(str(XSD))).assertValid(xml)
        self.assertEqual(
            xml.findtext(".//p:CdtrSchmeId//p:Othr/p:Id", namespaces=NS),
            "FR72ZZZ123456",
        )
        self.assertEqual(
            xml.findtext(".//p:CdtrAcct//p:IBAN", namespaces=NS),
            "FR5342559100000800123456700",
        )
        transactions = {
            tx.findtext("p:DrctDbtTx/p:MndtRltdInf/p:MndtId", namespaces=NS): tx
            for tx in xml.iterfind(".//p:DrctDbtTxInf", namespaces=NS)
        }
        for mandate, amount in zip(self.mandates, (10.0, 20.0), strict=True):
            tx = transactions[mandate.unique_mandate_reference]
            self.assertEqual(float(tx.findtext("p:InstdAmt", namespaces=NS)), amount)
            self.assertEqual(
                tx.findtext("p:DrctDbtTx/p:MndtRltdInf/p:DtOfSgntr", namespaces=NS),
                "2026-11-20",
            )
            self.assertEqual(
                tx.findtext(".//p:DbtrAcct//p:IBAN", namespaces=NS),
                mandate.partner_bank_id.sanitized_acc_number,
            )
        self.assertIn(
            "FRST", [e.text for e in xml.iterfind(".//p:SeqTp", namespaces=NS)]
        )
        # Sent: two instalments of five paid, the mandates now recurring.
        for invoice in self.invoices:
            self.assertAlmostEqual(
                invoice.amount_residual, invoice.amount_total * 3 / 5, places=2
            )
        self.assertEqual(
            set(self.mandates.mapped("recurrent_sequence_type")), {"recurring"}
        )
        self.assertEqual(self.env["coop.money.checker"]._problems(), [])

    def test_a_returned_debit_is_due_again_and_the_member_told(self):
        order = self._month_order(date(2030, 2, 15))
        self._send(order)
        hugo = self.members.filtered(lambda m: m.name == "Hugo Lefebvre")
        invoice = self.invoices.filtered(lambda i: i.partner_id == hugo)
        self.assertAlmostEqual(invoice.amount_residual, 60.0, places=2)
        payment = order.payment_ids.filtered(lambda p: p.partner_id == hugo)[:1]
        returned = payment.move_id.line_ids.filtered(
            lambda l: l.account_id == payment.destination_account_id
        )
        refusal = self.env["payment.return"].create(
            {
                "journal_id": order.journal_id.id,
                # The bank's notice, today (a return dated later would
                # wait as a draft entry, as Odoo does with future dates).
                "date": fields.Date.today(),
                "line_ids": [
                    Command.create(
                        {
                            "move_line_ids": [Command.set(returned.ids)],
                            "partner_id": hugo.id,
                            "amount": payment.amount,
                            "reason_id": self.env.ref(
                                "coop_sepa_direct_debit.payment_return_reason_am04"
                            ).id,
                        }
                    )
                ],
            }
        )
        refusal.action_confirm()
        # The instalment is unpaid again.
        self.assertAlmostEqual(invoice.amount_residual, 80.0, places=2)
        self.assertTrue(invoice.returned_payment)
        message = invoice.message_ids.filtered(lambda m: hugo in m.partner_ids)
        self.assertEqual(len(message), 1)
        self.assertIn("rejeté le prélèvement", message.body)
        self.assertIn("Provision insuffisante", message.body)
        self.assertTrue(
            self.env["mail.mail"].search([("mail_message_id", "=", message.id)])
        )
        self.assertEqual(self.env["coop.money.checker"]._problems(), [])
        # March's debit presents it again, with March's instalment; the
        # instalments the bank kept are not taken twice.
        march = self._month_order(date(2030, 3, 15))
        self.assertEqual(
            sorted(
                self._ours(march)
                .filtered(lambda l: l.partner_id == hugo)
                .mapped("amount_currency")
            ),
            [20.0, 20.0],
        )
        self._send(march)
        self.assertAlmostEqual(invoice.amount_residual, 40.0, places=2)
        self.assertEqual(self.env["coop.money.checker"]._problems(), [])

    def test_the_checker_finds_an_instalment_debited_twice(self):
        order = self._month_order(date(2030, 2, 15))
        self._send(order)
        line = self._ours(order)[:1]
        # sudo: what a bad import or a hand-edited order would leave.
        line.sudo().amount_currency = line.amount_currency * 2
        problems = self.env["coop.money.checker"]._problems()
        self.assertEqual([p["invariant"] for p in problems], ["debited once"])
