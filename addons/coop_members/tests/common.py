# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import TransactionCase, new_test_user

from odoo.addons.base.tests.common import DISABLED_MAIL_CONTEXT


class CoopMembersCommon(TransactionCase):
    """Share classes, a manager, a members user and two would-be members.

    Other coop addons' tests inherit this base (import it through its module).
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, **DISABLED_MAIL_CONTEXT))
        cls.manager = new_test_user(
            cls.env,
            login="coop_members_manager",
            groups="base.group_user,coop_members.coop_member_group_manager",
        )
        cls.members_user = new_test_user(
            cls.env,
            login="coop_members_user",
            groups="base.group_user,coop_members.coop_member_group_user",
        )
        ShareClass = cls.env["coop.share.class"]
        cls.class_a = ShareClass.create(
            {
                "code": "TA",
                "name": "Test consumers",
                "nominal_value": 10,
                "min_quantity": 2,
                "max_quantity": 5,
                "allow_companies": False,
            }
        )
        cls.class_d = ShareClass.create(
            {"code": "TD", "name": "Test supporters", "nominal_value": 100}
        )
        cls.alice, cls.bruno = cls.env["res.partner"].create(
            [{"name": "Alice Martin"}, {"name": "Bruno Dupont"}]
        )
        cls.company_partner = cls.env["res.partner"].create(
            {"name": "Brasserie du Vieux-Lille", "is_company": True}
        )

    def movement(self, partner, share_class, quantity, type_="subscription"):
        return (
            self.env["coop.share.movement"]
            .with_user(self.manager)
            .create(
                {
                    "partner_id": partner.id,
                    "share_class_id": share_class.id,
                    "type": type_,
                    "quantity": quantity,
                }
            )
        )

    def subscribe(self, partner, share_class, quantity):
        movement = self.movement(partner, share_class, quantity)
        movement.action_confirm()
        return movement
