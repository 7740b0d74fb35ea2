# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class ReportShareCertificate(models.AbstractModel):
    _name = "report.coop_members.report_share_certificate"
    _description = "Share certificate"

    @api.model
    def _get_report_values(self, docids, data=None):
        partners = self.env["res.partner"].browse(docids)
        by_partner = self.env["res.partner"]._coop_holdings_by_class(partners)
        holdings = {
            partner.id: [
                {
                    "share_class": share_class,
                    "quantity": quantity,
                    "amount": quantity * share_class.nominal_value,
                }
                for share_class, quantity in sorted(
                    by_partner.get(partner.id, {}).items(),
                    key=lambda item: (item[0].sequence, item[0].code),
                )
                if quantity
            ]
            for partner in partners
        }
        return {
            "doc_ids": docids,
            "doc_model": "res.partner",
            "docs": partners,
            "holdings": holdings,
            # The coop whose register this is (the holdings' company): not
            # the website's, which Odoo's frontend rendering would put in
            # ``res_company`` when a member downloads it from another coop's
            # website.
            "company": self.env.company,
            "report_date": fields.Date.context_today(self),
        }
