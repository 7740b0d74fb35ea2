# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class ReportSaleDetails(models.AbstractModel):
    _inherit = "report.point_of_sale.report_saledetails"

    @api.model
    def get_sale_details(
        self,
        date_start=False,
        date_stop=False,
        config_ids=False,
        session_ids=False,
        **kwargs,
    ):
        """The daily sales ("Ventes du jour") of a members' till for its
        cashier. Odoo reads the session's accounting payments and closing
        entries to build them, which a volunteer at the till may not read
        (an access error when she closes the till). The sessions and tills
        asked for are checked with her rights; the figures, the report's
        totals of those sessions only, are then read as superuser."""
        sessions = self.env["pos.session"].browse(session_ids or [])
        configs = self.env["pos.config"].browse(config_ids or [])
        tills = sessions.config_id | configs
        if (
            self.env.su
            or not tills
            or not all(tills.mapped("coop_member_till"))
            or self.env.user.has_group("account.group_account_invoice")
        ):
            return super().get_sale_details(
                date_start, date_stop, config_ids, session_ids, **kwargs
            )
        sessions.check_access("read")
        configs.check_access("read")
        # sudo: the cashier's own tills and sessions, checked above.
        return super(ReportSaleDetails, self.sudo()).get_sale_details(
            date_start, date_stop, config_ids, session_ids, **kwargs
        )
