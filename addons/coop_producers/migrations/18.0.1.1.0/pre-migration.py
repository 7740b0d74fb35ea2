# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""1.1.0: a producer's VAT regime. Existing producers stay subject to VAT
(what their bills assumed); the column is filled in one statement rather
than by the ORM's default on every contact."""

from openupgradelib import openupgrade


@openupgrade.migrate()
def migrate(env, version):
    if not openupgrade.column_exists(env.cr, "res_partner", "coop_vat_regime"):
        openupgrade.add_fields(
            env,
            [
                (
                    "coop_vat_regime",
                    "res.partner",
                    "res_partner",
                    "selection",
                    False,
                    "coop_producers",
                    "normal",
                )
            ],
        )
