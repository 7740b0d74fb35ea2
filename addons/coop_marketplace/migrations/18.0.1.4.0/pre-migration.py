# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""1.4.0: what counted a slot's bookings before its places were numbered
(triggers, a function, a check), which models' ``init`` used to drop at
every start, goes once here."""

from openupgradelib import openupgrade


@openupgrade.migrate()
def migrate(env, version):
    env.cr.execute(
        """
        DROP TRIGGER IF EXISTS coop_pickup_slot_booked_insert ON sale_order;
        DROP TRIGGER IF EXISTS coop_pickup_slot_booked_update ON sale_order;
        DROP TRIGGER IF EXISTS coop_pickup_slot_booked_delete ON sale_order;
        DROP TRIGGER IF EXISTS coop_pickup_slot_booked_count ON coop_pickup_slot;
        DROP FUNCTION IF EXISTS coop_pickup_slot_check_booked();
        ALTER TABLE coop_pickup_slot
            DROP CONSTRAINT IF EXISTS coop_pickup_slot_booked_within_capacity;
        """
    )
