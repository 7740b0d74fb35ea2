# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""1.1.0: the fund policy's job has its new method name (its record is
noupdate)."""

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    env.ref(
        "coop_solidarity_price.ir_cron_coop_fund_policy"
    ).code = "model._cron_fund_policy()"
