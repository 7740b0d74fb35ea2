# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class ReportShareRegister(models.AbstractModel):
    _name = "report.coop_members.report_share_register"
    _description = "Share register"

    @api.model
    def _get_report_values(self, docids, data=None):
        data = data or {}
        Movement = self.env["coop.share.movement"]
        rows = Movement._register_rows(data.get("date_from"), data.get("date_to"))
        return {
            "doc_ids": docids,
            "doc_model": "coop.share.movement",
            "docs": Movement.browse(docids),
            "rows": rows,
            "totals": Movement._register_totals(rows),
            # The register's coop (its rows are the current company's).
            "company": self.env.company,
            "date_from": data.get("date_from"),
            "date_to": data.get("date_to"),
        }
