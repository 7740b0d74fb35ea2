# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.exceptions import AccessError


class ResPartner(models.Model):
    _inherit = "res.partner"

    # Per company: a farm agrees with each coop she sells through.
    coop_self_billing_date = fields.Date(
        string="Self-billing mandate signed on",
        company_dependent=True,
        help="The farm's prior written consent that this coop issues her"
        " invoices in her name (CGI, art. 289, I-2): from this date, her"
        " statements are self-billed invoices, numbered in her own series."
        " Keep the signed mandate in the chatter.",
    )

    def write(self, vals):
        if (
            "coop_self_billing_date" in vals
            and not self.env.su
            and not self.env.user.has_group("coop_producers.group_coop_logistics")
        ):
            # It decides who issues her invoices: the coop records her
            # signed consent, the farm does not tick it herself.
            raise AccessError(
                self.env._("Only the coop's staff can record a self-billing mandate.")
            )
        return super().write(vals)

    def _coop_self_billing_on(self, company, day):
        """Whether the coop ``company`` issues this producer's invoices of
        ``day`` (her mandate signed that day or before)."""
        self.ensure_one()
        signed = self.commercial_partner_id.with_company(company).coop_self_billing_date
        return bool(signed and signed <= day)
