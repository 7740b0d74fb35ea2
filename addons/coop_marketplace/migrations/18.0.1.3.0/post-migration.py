# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""1.3.0: orders link to the coop's terms of sale (Odoo's sample replaced)."""

from openupgradelib import openupgrade


@openupgrade.migrate()
def migrate(env, version):
    env["res.company"]._coop_use_terms_of_sale()
