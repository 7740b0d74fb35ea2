"""Joining online where the network meets (coop_members_website and
coop_network): a member of the Arras coop applies to Lille from Lille's
website, logged in. Lille's manager reads her application and decides, and
she becomes a member of both coops, each with its own number; her contact
stays out of reach of the coops she has nothing to do with.

The journey simulator found it: Lille's manager could not refuse her
application (an access error), her contact belonging to Arras."""

from odoo.tests import HttpCase


class TestJoiningAcrossCoops(HttpCase):
    test_module, test_class, test_sequence = "coop_repository", "TestJoining", 0
    test_tags = frozenset({"post_install", "coop_repository"})

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.lille = cls.env.ref("base.main_company")
        cls.arras = cls.env.ref("coop_network.company_arras_demo")
        cls.member = cls.env["res.users"].search([("login", "=", "arras")])

    def call(self, model, method, *args):
        """As the manager's form calls it (its buttons' RPC)."""
        return self.make_jsonrpc_request(
            "/web/dataset/call_kw",
            {"model": model, "method": method, "args": list(args), "kwargs": {}},
        )

    def apply(self):
        Application = self.env["coop.membership.application"]
        share_class = Application._coop_open_share_classes(self.lille)[:1]
        return (
            Application.with_user(self.member)
            .sudo()
            ._coop_apply(
                self.lille,
                {
                    "share_class_id": share_class.id,
                    "share_quantity": max(share_class.min_quantity, 1),
                    "payment_choice": "at_shop",
                    "document_ids": self.env["coop.membership.document"]
                    ._current(self.lille)
                    .ids,
                },
                user=self.member,
            )
        )

    def test_lilles_manager_reads_and_admits_an_arras_member(self):
        self.lille.coop_admission_mode = "board"
        application = self.apply()
        self.assertEqual(application.partner_id, self.member.partner_id)
        self.authenticate("gerante", "gerante")
        read = self.call("coop.membership.application", "read", [application.id])
        self.assertEqual(read[0]["partner_id"][1], self.member.partner_id.name)
        self.call("coop.membership.application", "action_approve", [application.id])
        self.env["account.payment.register"].with_context(
            active_model="account.move", active_ids=application.invoice_id.ids
        ).create({})._create_payments()
        self.assertEqual(application.state, "admitted")
        partner = self.member.partner_id
        self.assertEqual(partner.with_company(self.lille).coop_member_state, "active")
        self.assertEqual(partner.with_company(self.arras).coop_member_state, "active")
        self.assertNotEqual(
            partner.with_company(self.lille).coop_member_number,
            partner.with_company(self.arras).coop_member_number,
        )

    def test_lilles_manager_refuses_an_arras_member(self):
        self.lille.coop_admission_mode = "board"
        application = self.apply()
        self.authenticate("gerante", "gerante")
        wizard = self.call(
            "coop.application.refuse.wizard",
            "create",
            {
                "application_ids": [(6, 0, application.ids)],
                "reason": "Hors du territoire",
            },
        )
        self.call("coop.application.refuse.wizard", "action_refuse", [wizard])
        self.assertEqual(application.state, "refused")
        self.assertEqual(
            self.member.partner_id.with_company(self.arras).coop_member_state, "active"
        )
