# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import SUPERUSER_ID, api
from odoo.tests import tagged

from odoo.addons.base.tests.common import DISABLED_MAIL_CONTEXT
from odoo.addons.coop_marketplace.tests.test_slot_concurrency import (
    TestSlotConcurrency,
)


# The pickup slots' race, run again on a delivery slot through the
# checkout's own steps: 20 members at once, 2 couriers × 3 stops.
@tagged("post_install", "-at_install", "coop_bike_delivery")
class TestDeliverySlotConcurrency(TestSlotConcurrency):
    threads = 20
    capacity = 6

    @classmethod
    def _partner_values(cls, index):
        return {"name": f"Concurrent Lillois {index}", "zip": "59000"}

    @classmethod
    def _slot_values(cls, env):
        return {"kind": "delivery", "courier_count": 2, "deliveries_per_round": 3}

    @classmethod
    def _order_values(cls, env):
        if "bike_ids" in cls.__dict__:
            return {"carrier_id": cls.bike_ids[1]}
        fee = env["product.product"].create({"name": "Concurrent bike fee"})
        carrier = env["delivery.carrier"].create(
            {
                "name": "Concurrent bikes",
                "delivery_type": "coop_bike",
                "product_id": fee.id,
            }
        )
        zone = env["coop.delivery.zone"].create(
            {
                "name": "Concurrent zone",
                "carrier_id": carrier.id,
                "hub_point_id": cls.point_id,
                "zip_prefixes": "59000",
            }
        )
        cls.bike_ids = (fee.id, carrier.id, zone.id)
        return {"carrier_id": carrier.id}

    def _book_once(self, order, slot):
        order._coop_set_pickup_slot(order._coop_slot_from_request(slot.id))

    @classmethod
    def _delete_data(cls):
        fee_id, carrier_id, zone_id = getattr(cls, "bike_ids", (None, None, None))
        with cls.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, DISABLED_MAIL_CONTEXT)
            env["coop.delivery.zone"].browse(zone_id).exists().unlink()
        res = super()._delete_data()
        with cls.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, DISABLED_MAIL_CONTEXT)
            env["delivery.carrier"].browse(carrier_id).exists().unlink()
            env["product.product"].browse(fee_id).exists().unlink()
        return res

    def test_the_slot_is_a_delivery_slot(self):
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            slot = env["coop.slot"].browse(self.slot_id)
            self.assertEqual((slot.kind, slot.capacity), ("delivery", 6))
