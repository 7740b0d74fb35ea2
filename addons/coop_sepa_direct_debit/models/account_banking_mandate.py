# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models


class AccountBankingMandate(models.Model):
    _inherit = "account.banking.mandate"

    @api.model
    def _coop_demo_share_instalments(self):
        """Demo: the members with a mandate subscribe shares paid in five
        monthly instalments (the back office's subscription), from last
        month; this month's debit order is prepared."""
        today = fields.Date.context_today(self)
        share_class = self.env.ref("coop_members.coop_share_class_a_demo")
        term = self.env.ref("coop_sepa_direct_debit.account_payment_term_5_months")
        Movement = self.env["coop.share.movement"]
        for xmlid, quantity in (
            ("coop_members.coop_member_demo_01", 5),
            ("coop_members.coop_member_demo_03", 10),
        ):
            partner = self.env.ref(xmlid)
            date = today - relativedelta(months=1)
            movement = Movement._create_subscription(
                partner, share_class, quantity, date
            )
            invoice = share_class._create_subscription_invoice(
                partner, quantity, date, term
            )
            movement.write({"invoice_id": invoice.id, "origin": invoice.name})
        self.env["account.payment.order"]._coop_prepare_monthly_debits(today)
