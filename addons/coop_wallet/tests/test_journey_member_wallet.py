# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install", "coop_wallet", "coop_tour")
class TestJourneyMemberWallet(HttpCase):
    """The demo member (login "membre", 25 € on her account) tops it up
    online on her phone, with a donation to the fund."""

    browser_size = "390x844"

    def test_member_tops_up_online_with_a_donation(self):
        amina = self.env.ref("coop_members.res_users_member_demo").partner_id
        card = self.env.ref("coop_wallet.coop_wallet_card_amina_demo")
        Entry = self.env["coop.solidarity.entry"]
        fund_before = Entry._fund_balance()

        self.start_tour("/my", "coop_wallet_journey_member", login="membre")

        order = self.env["sale.order"].search(
            [("partner_id", "=", amina.id)], order="id desc", limit=1
        )
        self.assertEqual(order.state, "sale", "paid online: confirmed")
        self.assertEqual(order.amount_total, 22.0)
        self.assertEqual(
            order.transaction_ids.filtered(lambda tx: tx.state == "done").amount, 22.0
        )
        card.invalidate_recordset()
        self.assertEqual(card.points, 45.0)
        self.assertIn(20.0, card.history_ids.mapped("issued"))
        donation = Entry.search([("sale_order_line_id", "in", order.order_line.ids)])
        self.assertEqual(donation.entry_type, "donation")
        self.assertEqual(donation.amount, 2.0)
        self.assertEqual(Entry._fund_balance(), fund_before + 2.0)
        # One e-mail, the coop's, in French, without a quotation PDF.
        mails = self.env["mail.mail"].search(
            [("recipient_ids", "in", amina.ids), ("res_id", "=", order.id)]
        )
        self.assertEqual(len(mails), 1)
        self.assertFalse(mails.attachment_ids | mails.mail_message_id.attachment_ids)
        self.assertIn("sont sur votre porte-monnaie", mails.body_html)
        self.assertIn("20,00", mails.body_html)
        self.assertIn("Merci pour votre don de", mails.body_html)
