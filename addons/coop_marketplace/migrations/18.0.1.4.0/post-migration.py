# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""1.4.0: orders booked before a slot's places were numbered get theirs
(once here, not at every start in ``sale.order.init``)."""

from openupgradelib import openupgrade


@openupgrade.migrate()
def migrate(env, version):
    env.cr.execute(
        """
        UPDATE sale_order o SET coop_slot_place = numbered.place
          FROM (SELECT id, row_number() OVER (
                    PARTITION BY coop_pickup_slot_id ORDER BY id) AS place
                  FROM sale_order WHERE coop_pickup_slot_id IS NOT NULL) numbered
         WHERE o.id = numbered.id AND o.coop_slot_place IS NULL
        """
    )
