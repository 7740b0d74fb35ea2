# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import TransactionCase, new_test_user, tagged


@tagged("post_install", "-at_install", "coop_members_website")
class TestMembershipApplication(TransactionCase):
    """From the joining form to the register: paid and admitted, once."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        cls.manager = new_test_user(
            cls.env,
            login="coop_join_manager",
            groups="base.group_user,coop_members.coop_member_group_manager",
        )
        cls.share_class = cls.env["coop.share.class"].create(
            {
                "code": "TJ",
                "name": "Test joiners",
                "nominal_value": 10,
                "min_quantity": 2,
                "max_quantity": 5,
                "allow_companies": False,
                "product_id": cls.env["product.product"]
                .create({"name": "Part TJ", "type": "service", "list_price": 10})
                .id,
            }
        )
        Document = cls.env["coop.membership.document"]
        Document.search([("company_id", "=", cls.company.id)]).active = False
        cls.statutes, cls.rules = Document.create(
            [
                {
                    "kind": "statutes",
                    "version": "T-1",
                    "datas": "JVBERi0=",
                    "filename": "statuts.pdf",
                },
                {
                    "kind": "internal_rules",
                    "version": "T-1",
                    "datas": "JVBERi0=",
                    "filename": "reglement.pdf",
                },
            ]
        )

    def form(self, **values):
        return {
            "name": "Chloé Lefebvre",
            "email": "chloe.lefebvre@example.fr",
            "phone": "+33 6 12 34 56 78",
            "street": "12 rue de Fives",
            "zip": "59800",
            "city": "Lille",
            "share_class_id": str(self.share_class.id),
            "share_quantity": "3",
            "payment_choice": "online",
            "document_ids": [str(self.statutes.id), str(self.rules.id)],
            **values,
        }

    def apply(self, **values):
        # As the website does: a visitor, in French, the model checks all.
        public = self.env.ref("base.public_user")
        return (
            self.env["coop.membership.application"]
            .with_user(public)
            .with_context(lang="fr_FR")
            .sudo()
            ._coop_apply(self.company, self.form(**values), user=public)
        )

    def pay(self, application):
        self.env["account.payment.register"].with_context(
            active_model="account.move", active_ids=application.invoice_id.ids
        ).create({})._create_payments()

    def member(self, application):
        return application.partner_id.with_company(self.company)

    def emails(self, partner):
        return self.env["mail.mail"].search(
            [("recipient_ids", "in", partner.ids)], order="id"
        )

    def test_automatic_admission_once_the_shares_are_paid(self):
        self.company.coop_admission_mode = "automatic"
        application = self.apply()
        member = self.member(application)
        self.assertEqual(application.state, "submitted")
        self.assertEqual(member.coop_member_state, "candidate")
        self.assertEqual(member.company_id, self.company)
        self.assertEqual(member.lang, "fr_FR")
        self.assertFalse(member.coop_member_number)
        self.assertEqual(application.invoice_id.state, "posted")
        self.assertEqual(application.invoice_id.amount_total, 30.0)
        self.assertEqual(application.invoice_id.amount_tax, 0.0)
        self.assertEqual(application.accepted_document_ids, self.statutes | self.rules)
        self.assertTrue(application.accepted_on)
        self.assertFalse(
            self.env["coop.share.movement"].search([("partner_id", "=", member.id)])
        )
        self.assertFalse(member.user_ids)
        received = self.emails(member)
        self.assertEqual(len(received), 1)
        self.assertIn("Nous avons bien reçu votre demande", received.body_html)

        self.pay(application)
        self.assertEqual(application.state, "admitted")
        movement = application.movement_id
        self.assertEqual(movement.state, "confirmed")
        self.assertEqual(movement.type, "subscription")
        self.assertEqual(movement.quantity, 3)
        self.assertEqual(movement.amount, 30.0)
        self.assertEqual(movement.invoice_id, application.invoice_id)
        self.assertEqual(member.coop_member_state, "active")
        self.assertTrue(member.coop_member_number)
        self.assertTrue(member.barcode)
        self.assertTrue(member.user_ids.has_group("base.group_portal"))
        self.assertEqual(member.user_ids.login, "chloe.lefebvre@example.fr")
        bodies = " ".join(self.emails(member).mapped("body_html"))
        self.assertIn("Bienvenue", bodies)
        self.assertIn(member.coop_member_number, bodies)

        # A second registration of the payment admits nobody twice.
        application.invoice_id._invoice_paid_hook()
        self.assertEqual(
            self.env["coop.share.movement"].search_count(
                [("partner_id", "=", member.id)]
            ),
            1,
        )

    def test_board_admission_waits_for_both_payment_and_decision(self):
        self.company.coop_admission_mode = "board"
        paid_first = self.apply()
        self.pay(paid_first)
        self.assertEqual(paid_first.state, "submitted")
        self.assertFalse(paid_first.movement_id)
        self.assertEqual(self.member(paid_first).coop_member_state, "candidate")
        paid_first.with_user(self.manager).action_approve()
        self.assertEqual(paid_first.state, "admitted")
        self.assertEqual(paid_first.movement_id.quantity, 3)
        self.assertEqual(self.member(paid_first).coop_member_state, "active")

        approved_first = self.apply(email="denis@example.fr", name="Denis Roux")
        approved_first.with_user(self.manager).action_approve()
        self.assertEqual(approved_first.state, "approved")
        self.assertFalse(approved_first.movement_id)
        self.assertIn(
            "approuvé votre demande",
            self.emails(approved_first.partner_id)[-1:].body_html,
        )
        self.pay(approved_first)
        self.assertEqual(approved_first.state, "admitted")
        self.assertEqual(self.member(approved_first).coop_member_state, "active")

    def test_refusal_says_why_and_cancels_the_invoice(self):
        self.company.coop_admission_mode = "board"
        application = self.apply()
        refuse = self.env["coop.application.refuse.wizard"].with_user(self.manager)
        with self.assertRaises(UserError):
            application.with_user(self.manager)._coop_refuse("  ")
        self.assertEqual(application.state, "submitted")
        refuse.create(
            {
                "application_ids": application.ids,
                "reason": "Nous n'acceptons que les personnes habitant la métropole.",
            }
        ).action_refuse()
        self.assertEqual(application.state, "refused")
        self.assertEqual(application.invoice_id.payment_state, "reversed")
        self.assertFalse(self.member(application).coop_member_state)
        self.assertFalse(application.movement_id)
        refused = self.emails(application.partner_id)[-1:]
        self.assertIn("habitant la métropole", refused.body_html)
        self.assertIn("Nous sommes désolés", refused.body_html)

    def test_only_managers_decide(self):
        self.company.coop_admission_mode = "board"
        application = self.apply()
        clerk = new_test_user(
            self.env,
            login="coop_join_clerk",
            groups="base.group_user,coop_members.coop_member_group_user",
        )
        with self.assertRaises(AccessError):
            application.with_user(clerk).action_approve()
        with self.assertRaises(AccessError):
            application.with_user(clerk)._coop_refuse("non")
        self.assertEqual(application.state, "submitted")

    def test_bad_input_is_refused_and_nothing_written(self):
        new_test_user(self.env, login="deja.inscrite@example.fr")
        Partner = self.env["res.partner"]
        Move = self.env["account.move"]
        Application = self.env["coop.membership.application"]
        counts = (
            Partner.search_count([]),
            Move.search_count([]),
            Application.search_count([]),
        )
        for values, message in (
            ({"name": ""}, "votre nom"),
            ({"email": "pas-un-mail"}, "n'est pas une adresse"),
            ({"share_quantity": "1"}, "de 2 à 5 parts"),
            ({"share_quantity": "6"}, "de 2 à 5 parts"),
            ({"share_quantity": "deux"}, "une catégorie"),
            ({"share_class_id": "999999"}, "catégories de parts proposées"),
            ({"payment_choice": "bitcoin"}, "comment vous payez"),
            ({"document_ids": [str(self.statutes.id)]}, "règlement intérieur"),
            ({"email": "deja.inscrite@example.fr"}, "déjà un compte"),
        ):
            with (
                self.subTest(values=values),
                self.assertRaises(ValidationError) as error,
            ):
                self.apply(**values)
            self.assertIn(message, str(error.exception))
        self.assertEqual(
            counts,
            (
                Partner.search_count([]),
                Move.search_count([]),
                Application.search_count([]),
            ),
        )

    def test_an_accepted_version_is_never_changed(self):
        application = self.apply()
        self.assertEqual(self.statutes.accepted_count, 1)
        with self.assertRaises(UserError):
            self.statutes.with_user(self.manager).datas = "JVBERi0xLjQ="
        with self.assertRaises(UserError):
            self.statutes.with_user(self.manager).unlink()
        # A new version: the next candidates accept it; she keeps hers.
        statutes_2 = self.env["coop.membership.document"].create(
            {
                "kind": "statutes",
                "version": "T-2",
                "datas": "JVBERi0=",
                "date": "2099-01-01",
            }
        )
        current = self.env["coop.membership.document"]._current(self.company)
        self.assertEqual(current, statutes_2 | self.rules)
        self.assertIn(self.statutes, application.accepted_document_ids)
        with self.assertRaises(ValidationError):
            self.apply(email="emma@example.fr")  # the page showed the old version

    def test_the_money_checker_sees_an_application_out_of_step(self):
        self.company.coop_admission_mode = "automatic"
        application = self.apply()
        checker = self.env["coop.money.checker"]

        def problems():
            return [
                p
                for p in checker._check_applications_shares()
                if p["records"] == f"coop.membership.application({application.id})"
            ]

        self.assertFalse(problems())
        self.pay(application)
        self.assertFalse(problems())
        # Paid, due for admission, and yet left out of the register.
        application.movement_id = False
        application.state = "submitted"
        self.assertIn("in the register", problems()[0]["message"])
