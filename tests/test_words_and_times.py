"""Words and times of messages written by jobs (issue #31, symptom 10): the
recipient's language and the coop's time zone, whoever runs the code (the
cron runs in English, in UTC)."""

from datetime import datetime

from odoo import Command, fields
from odoo.tests import HttpCase


class TestWordsAndTimes(HttpCase):
    test_module, test_class, test_sequence = (
        "coop_repository",
        "TestWordsAndTimes",
        0,
    )
    test_tags = frozenset({"post_install", "coop_repository"})

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.cycle = cls.env.ref("coop_marketplace.coop_order_cycle_demo")
        cls.amina = cls.env.ref("coop_members.res_users_member_demo_res_partner")
        # A job: English, UTC.
        cls.job_env = cls.env(context={"lang": "en_US", "tz": "UTC"})

    def test_a_close_run_in_english_writes_french(self):
        """The shortage e-mail to a French member and the fund's ledger
        lines are in French when the close job runs in English."""
        self.assertEqual(self.amina.lang, "fr_FR")
        honey = self.env.ref("coop_producers.product_weppes_2_demo").product_variant_id
        self.cycle.line_ids.filtered(lambda l: l.product_id == honey).offered_qty = 1
        order = self.env["sale.order"].create(
            {
                "partner_id": self.amina.id,
                "coop_cycle_id": self.cycle.id,
                "order_line": [
                    Command.create({"product_id": honey.id, "product_uom_qty": 3})
                ],
            }
        )
        order._coop_set_pickup_point(
            self.env.ref("coop_marketplace.coop_pickup_point_fives_demo")
        )
        order._coop_set_pickup_slot(order._coop_bookable_slots()[:1])
        order.action_confirm()
        self.job_env["coop.order.cycle"].browse(self.cycle.id)._close()

        mail = order.message_ids.filtered(
            lambda m: self.amina in m.partner_ids and "producteurs" in (m.body or "")
        )
        self.assertEqual(len(mail), 1)
        self.assertIn("retirés de votre commande", mail.body)
        self.assertIn("Miel de tilleul", mail.body, "the product's French name")
        self.assertNotIn("taken off", mail.body)
        corrections = self.env["coop.solidarity.entry"].search(
            [
                ("sale_order_line_id", "in", order.order_line.ids),
                ("origin_entry_id", "!=", False),
            ]
        )
        self.assertTrue(corrections)
        for entry in corrections:
            self.assertTrue(entry.name.startswith("Retiré de la commande"), entry.name)

    def test_closing_times_are_the_coop_s(self):
        """21:00 in Lille reads 21:00: on LeCourtCircuit's banner for a
        visitor, and on the member's order page once the cycle closed."""
        lcc = self.env.ref("coop_network.coop_order_cycle_lecourtcircuit_demo")
        # 20:00 UTC in winter is 21:00 in Lille.
        closing = datetime(2030, 1, 16, 20, 0)
        lcc.close_datetime = closing
        website = lcc.website_id
        notice = website.with_user(website.user_id)._coop_cycle_notice()
        self.assertIn("21:00", notice["closes"])
        order = self.env.ref("coop_marketplace.sale_order_amina_demo")
        self.cycle.close_datetime = closing
        self.cycle._close()
        message = order.sudo().with_env(self.job_env)._coop_locked_message()
        self.assertIn("21:00", message)
        self.assertEqual(
            fields.Datetime.to_string(self.cycle.close_datetime)[11:16], "20:00"
        )

    def test_odoo_words_our_users_meet_read_french(self):
        """Odoo's own words on our screens that its French leaves English
        or wrong (issue #32): the chatter's "Today at", the app menu's "All
        Apps", the till's "Modifier la paiement" and "Backend", the chatter's
        "To-Do terminée"."""
        response = self.url_open("/web/webclient/translations/coop?lang=fr_FR")
        self.assertEqual(response.status_code, 200)
        terms = {}
        for module in response.json()["modules"].values():
            for message in module["messages"]:
                terms.setdefault(message["id"], set()).add(message["string"])
        self.assertEqual(terms["Today at %(time)s"], {"Aujourd'hui à %(time)s"})
        self.assertEqual(terms["Yesterday at %(time)s"], {"Hier à %(time)s"})
        self.assertEqual(terms["All Apps"], {"Toutes les applications"})
        # The till's: our words replace Odoo's in its templates.
        self.assertEqual(terms["Change the payment"], {"Modifier le paiement"})
        self.assertEqual(terms["Back office"], {"Back-office"})
        todo = self.env.ref("mail.mail_activity_data_todo")
        self.assertEqual(todo.with_context(lang="fr_FR").name, "Tâche")
        self.assertEqual(todo.with_context(lang="en_US").name, "To-Do")
