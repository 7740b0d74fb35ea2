# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""1.1.0: "Member till" is a till's setting (off on a new till): the tills of
companies that keep a share register stay member tills."""

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    companies = env["coop.share.class"].with_context(active_test=False).search([])
    env["pos.config"].with_context(active_test=False).search(
        [("company_id", "in", companies.company_id.ids)]
    ).coop_member_till = True
