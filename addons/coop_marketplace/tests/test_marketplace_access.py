# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError
from odoo.tests import tagged

from odoo.addons.coop_marketplace.tests import common


@tagged("post_install", "-at_install", "coop_marketplace")
class TestMarketplaceAccess(common.CoopMarketplaceCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.cycle.action_open()
        cls.slot = cls.cycle.slot_ids[0]

    def _cycle_vals(self):
        now = fields.Datetime.now()
        return {
            "name": "Cycle",
            "open_datetime": now,
            "close_datetime": now + timedelta(days=1),
            "pickup_date_from": self.PICKUP_FROM,
            "pickup_date_to": self.PICKUP_TO,
        }

    def test_portal_member_reads_but_never_writes(self):
        slot = self.slot.with_user(self.portal_member)
        self.assertTrue(slot.display_name)
        self.assertEqual(slot.available, 3)
        self.assertEqual(slot.point_id.name, "Hellemmes")
        self.assertEqual(
            slot.cycle_id.line_ids.product_id.ids, self.cycle.line_ids.product_id.ids
        )
        with self.assertRaises(AccessError):
            slot.write({"capacity": 100})
        with self.assertRaises(AccessError):
            slot.cycle_id.write({"state": "closed"})
        with self.assertRaises(AccessError):
            slot.cycle_id.line_ids[0].write({"offered_qty": 1})
        with self.assertRaises(AccessError):
            self.env["coop.slot"].with_user(self.portal_member).create(
                {
                    "cycle_id": self.cycle.id,
                    "point_id": self.point.id,
                    "start_datetime": "2030-01-06 09:00:00",
                    "end_datetime": "2030-01-06 10:00:00",
                }
            )
        with self.assertRaises(AccessError):
            self.env["coop.pickup.point"].with_user(self.portal_member).create(
                {"name": "Mine", "partner_id": self.portal_member.partner_id.id}
            )
        with self.assertRaises(AccessError):
            self.point.slot_template_ids.with_user(self.portal_member).read(
                ["capacity"]
            )

    def test_public_reads_the_offer(self):
        public = self.env.ref("base.public_user")
        cycle = self.cycle.with_user(public)
        self.assertEqual(cycle.state, "open")
        self.assertEqual(len(cycle.slot_ids), 2)
        with self.assertRaises(AccessError):
            cycle.slot_ids[0].write({"capacity": 100})

    def test_volunteer_reads_only(self):
        Cycle = self.env["coop.order.cycle"].with_user(self.volunteer)
        self.assertIn(self.cycle, Cycle.search([]))
        self.assertTrue(self.point.slot_template_ids.with_user(self.volunteer).read())
        with self.assertRaises(AccessError):
            Cycle.create(self._cycle_vals())
        with self.assertRaises(AccessError):
            self.slot.with_user(self.volunteer).write({"capacity": 9})

    def test_logistics_reads_only(self):
        with self.assertRaises(AccessError):
            self.cycle.with_user(self.logistics).write({"name": "Renamed"})
        self.assertEqual(self.cycle.with_user(self.logistics).slot_count, 2)

    def test_manager_manages(self):
        Cycle = self.env["coop.order.cycle"].with_user(self.manager)
        cycle = Cycle.create(self._cycle_vals())
        cycle.producer_ids = self.farm_b
        cycle.action_add_producer_products()
        self.assertEqual(cycle.line_ids.product_id, self.beer_product)
        cycle.action_open()
        self.assertEqual(len(cycle.slot_ids), 2)
        cycle.slot_ids[0].capacity = 8
        self.point.with_user(self.manager).write({"name": "Hellemmes centre"})
        cycle._close()
        cycle.action_done()

    def test_other_company_hidden(self):
        other = self.env["res.company"].create({"name": "Autre épicerie"})
        point = self.env["coop.pickup.point"].create(
            {"name": "Ailleurs", "partner_id": self.member.id, "company_id": other.id}
        )
        Point = self.env["coop.pickup.point"].with_user(self.manager)
        self.assertNotIn(point, Point.search([]))
        self.assertNotIn(
            point,
            self.env["coop.pickup.point"].with_user(self.portal_member).search([]),
        )
