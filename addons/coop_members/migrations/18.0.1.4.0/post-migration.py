# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""1.4.0: the coops print on an A4 whose header fits their logo and details."""

from openupgradelib import openupgrade


@openupgrade.migrate()
def migrate(env, version):
    env["res.company"]._coop_use_coop_paper()
