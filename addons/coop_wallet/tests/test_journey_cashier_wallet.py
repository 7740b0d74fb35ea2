# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install", "coop_wallet", "coop_tour")
class TestJourneyCashierWallet(HttpCase):
    """The cashier tops up a member's prepaid account and she pays with it,
    on the demo data (login "caisse", the demo till, Amina at "Tarif B" with
    25 € on her account), on the épicerie's tablet."""

    browser_size = "1024x768"

    def test_cashier_tops_up_and_member_pays_with_her_account(self):
        till = self.env["pos.config"].search([("name", "=", "Caisse épicerie")])
        amina = self.env.ref("coop_members.res_users_member_demo").partner_id
        card = self.env.ref("coop_wallet.coop_wallet_card_amina_demo")
        self.assertEqual(card.partner_id, amina)
        self.assertEqual(card.points, 25.0)
        pricelist = amina.property_product_pricelist
        bread = self.env.ref("coop_members.product_pain_campagne_demo")
        Entry = self.env["coop.solidarity.entry"]
        fund_before = Entry._fund_balance()

        self.start_tour(
            f"/pos/ui?config_id={till.id}",
            "coop_wallet_journey_cashier",
            login="caisse",
        )

        top_up, groceries = self.env["pos.order"].search(
            [("config_id", "=", till.id), ("state", "in", ("paid", "done"))],
            order="id",
        )
        # The top-up: 20 € at the reference price (her tier doesn't discount
        # money), 2 € given to the fund, 22 € cash; 20 € on her account.
        top_up_line = top_up.lines.filtered(
            lambda line: line.product_id.coop_money_kind == "top_up"
        )
        self.assertEqual(top_up_line.price_subtotal_incl, 20.0)
        self.assertEqual(top_up.amount_total, 22.0)
        donation = Entry.search([("pos_order_line_id", "in", top_up.lines.ids)])
        self.assertEqual(donation.entry_type, "donation")
        self.assertEqual(donation.amount, 2.0)
        self.assertEqual(donation.partner_id, amina)
        # The groceries, paid by the account: the bread at her tier, the
        # account's line as the payment; nothing left to pay.
        self.assertAlmostEqual(groceries.amount_total, 0.0, 2)
        bread_line = groceries.lines.filtered(lambda line: line.product_id == bread)
        self.assertEqual(bread_line.qty, 2)
        self.assertAlmostEqual(
            bread_line.price_unit, pricelist._get_product_price(bread, 1.0), 2
        )
        bread_price = bread_line.price_subtotal_incl
        wallet_line = groceries.lines.filtered("is_reward_line")
        self.assertAlmostEqual(wallet_line.price_subtotal_incl, -bread_price, 2)
        card.invalidate_recordset()
        self.assertAlmostEqual(card.points, 25.0 + 20.0 - bread_price, 2)
        # The fund counts the bread only (a tier advantage), never the
        # account's payment line nor the top-up; the donation adds 2 €.
        entries = Entry.search([("pos_order_line_id", "in", groceries.lines.ids)])
        self.assertEqual(entries.product_id, bread)
        self.assertGreater(sum(entries.mapped("member_advantage")), 0)
        self.assertAlmostEqual(
            Entry._fund_balance(), fund_before + 2.0 + sum(entries.mapped("amount")), 2
        )
        # Accounting, once the till is closed: the top-up and the payment by
        # the account go through 419100 (customer advances), the donation
        # to 758000; the bread's revenue is on its own account.
        session = top_up.session_id
        session.post_closing_cash_details(session.cash_register_balance_end)
        session.close_session_from_ui()
        self.assertEqual(session.state, "closed")
        move_lines = session.move_id.line_ids
        advance = move_lines.filtered(lambda line: line.account_id.code == "419100")
        self.assertAlmostEqual(
            sum(advance.mapped("credit")) - sum(advance.mapped("debit")),
            20.0 - bread_price,
            2,
        )
        donation_lines = move_lines.filtered(
            lambda line: line.account_id.code == "758000"
        )
        self.assertAlmostEqual(sum(donation_lines.mapped("credit")), 2.0, 2)
