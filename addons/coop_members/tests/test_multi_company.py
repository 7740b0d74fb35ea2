# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import new_test_user, tagged

from .common import CoopMembersCommon


@tagged("post_install", "-at_install", "coop_members")
class TestMultiCompany(CoopMembersCommon):
    """Two coops in one database: each numbers its register and its members
    from 1, a member of both has one partner and a membership in each, and
    one coop's staff see nothing of the other's register."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_a = cls.env.company
        cls.company_b = cls.env["res.company"].create(
            {"name": "Épicerie arrageoise (essai)"}
        )
        cls.class_b = (
            cls.env["coop.share.class"]
            .with_company(cls.company_b)
            .create(
                {
                    "code": "A",
                    "name": "Coopérateurs d'Arras",
                    "nominal_value": 20,
                    "min_quantity": 1,
                    "company_id": cls.company_b.id,
                }
            )
        )
        cls.manager_b = new_test_user(
            cls.env,
            login="coop_members_manager_b",
            groups="base.group_user,coop_members.coop_member_group_manager",
            company_id=cls.company_b.id,
            company_ids=[cls.company_b.id],
        )

    def subscribe_b(self, partner, quantity):
        movement = (
            self.env["coop.share.movement"]
            .with_user(self.manager_b)
            .with_company(self.company_b)
            .create(
                {
                    "partner_id": partner.id,
                    "share_class_id": self.class_b.id,
                    "type": "subscription",
                    "quantity": quantity,
                }
            )
        )
        movement.action_confirm()
        return movement

    def in_company(self, partner, company):
        return partner.with_company(company)

    def test_each_coop_numbers_from_one(self):
        in_a = self.subscribe(self.alice, self.class_a, 2)
        alice_a_number = self.in_company(self.alice, self.company_a).coop_member_number
        self.assertTrue(alice_a_number)
        first_b = self.subscribe_b(self.alice, 1)
        second_b = self.subscribe_b(self.bruno, 2)
        self.assertEqual((first_b.name, second_b.name), ("REG/000001", "REG/000002"))
        self.assertNotIn(in_a.name, ("REG/000001", "REG/000002"))
        self.assertEqual(
            self.in_company(self.alice, self.company_b).coop_member_number, "00001"
        )
        self.assertEqual(
            self.in_company(self.bruno, self.company_b).coop_member_number, "00002"
        )
        # Alice's number in A did not move; Bruno is nobody in A.
        self.assertEqual(
            self.in_company(self.alice, self.company_a).coop_member_number,
            alice_a_number,
        )
        self.assertFalse(self.in_company(self.bruno, self.company_a).coop_member_number)
        self.assertFalse(self.in_company(self.bruno, self.company_a).coop_member_state)
        # A's next movement follows A's own numbering.
        next_a = self.subscribe(self.bruno, self.class_a, 2)
        self.assertEqual(
            int(next_a.name.split("/")[1]), int(in_a.name.split("/")[1]) + 1
        )

    def test_one_partner_a_membership_per_coop(self):
        self.subscribe(self.alice, self.class_a, 2)
        self.subscribe_b(self.alice, 1)
        alice_a = self.in_company(self.alice, self.company_a)
        alice_b = self.in_company(self.alice, self.company_b)
        self.assertEqual(
            (alice_a.coop_member_state, alice_b.coop_member_state), ("active", "active")
        )
        self.assertEqual((alice_a.coop_share_count, alice_a.coop_share_amount), (2, 20))
        self.assertEqual((alice_b.coop_share_count, alice_b.coop_share_amount), (1, 20))
        # Leaving Arras leaves Lille's membership as it was.
        self.env["coop.share.movement"].with_user(self.manager_b).with_company(
            self.company_b
        ).create(
            {
                "partner_id": self.alice.id,
                "share_class_id": self.class_b.id,
                "type": "redemption",
                "quantity": -1,
            }
        ).action_confirm()
        self.assertEqual(alice_b.coop_member_state, "resigned")
        self.assertEqual(alice_a.coop_member_state, "active")
        # Searching a coop's members finds that coop's.
        active_b = (
            self.env["res.partner"]
            .with_company(self.company_b)
            .search(
                [("coop_member_state", "=", "active"), ("id", "in", self.alice.ids)]
            )
        )
        active_a = (
            self.env["res.partner"]
            .with_company(self.company_a)
            .search(
                [("coop_member_state", "=", "active"), ("id", "in", self.alice.ids)]
            )
        )
        self.assertEqual((active_a, active_b), (self.alice, self.env["res.partner"]))

    def test_member_numbers_are_unique_within_a_coop(self):
        self.subscribe(self.alice, self.class_a, 2)
        self.subscribe_b(self.bruno, 1)
        number_a = self.in_company(self.alice, self.company_a).coop_member_number
        # The same number in another coop is fine...
        self.in_company(self.bruno, self.company_b).coop_member_number = number_a
        # ...not twice in one.
        with self.assertRaises(ValidationError):
            self.in_company(self.bruno, self.company_a).coop_member_number = number_a

    def test_a_coops_staff_see_nothing_of_the_others_register(self):
        movement_b = self.subscribe_b(self.bruno, 1)
        movement_a = self.subscribe(self.alice, self.class_a, 2)
        Movement_a = self.env["coop.share.movement"].with_user(self.manager)
        Movement_b = self.env["coop.share.movement"].with_user(self.manager_b)
        self.assertFalse(Movement_a.search([("id", "=", movement_b.id)]))
        self.assertFalse(Movement_b.search([("id", "=", movement_a.id)]))
        with self.assertRaises(AccessError):
            Movement_a.browse(movement_b.id).read(["quantity"])
        with self.assertRaises(AccessError):
            self.class_b.with_user(self.manager).read(["nominal_value"])
        # The register printed in B has B's rows only, with B's numbers.
        rows = Movement_b.with_company(self.company_b)._register_rows()
        self.assertEqual(
            [(row["name"], row["member_number"]) for row in rows],
            [(movement_b.name, "00001")],
        )
        rows_a = Movement_a._register_rows()
        self.assertIn(movement_a.name, [row["name"] for row in rows_a])
        self.assertNotIn(self.bruno.name, [row["partner_name"] for row in rows_a])
