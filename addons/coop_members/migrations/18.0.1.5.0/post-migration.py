# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""1.5.0: manual payments say how the money came ("Espèces", "Virement"),
not Odoo's "Manual Payment"."""

from openupgradelib import openupgrade


@openupgrade.migrate()
def migrate(env, version):
    env["account.payment.method.line"]._coop_name_manual_payments()
