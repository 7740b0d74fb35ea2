# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.tools import is_html_empty


class ResCompany(models.Model):
    _inherit = "res.company"

    # A platform created after the install links its orders to its terms of
    # sale too (the install hook sets the companies that exist then).
    terms_type = fields.Selection(default="html")

    def _coop_terms_of_sale_html(self):
        """The coop's terms of sale, in the company's language."""
        self.ensure_one()
        lang = self.partner_id.lang or self.env.lang
        return (
            self.env["ir.qweb"]
            .with_context(lang=lang)
            ._render("coop_marketplace.coop_terms_of_sale", {"company": self})
        )

    @api.depends("terms_type")
    def _compute_invoice_terms_html(self):
        """A coop starts from its own terms of sale, not Odoo's sample."""
        blank = self.filtered(
            lambda c: c.terms_type == "html" and is_html_empty(c.invoice_terms_html)
        )
        for company in blank:
            company.invoice_terms_html = company._coop_terms_of_sale_html()
        return super(ResCompany, self - blank)._compute_invoice_terms_html()

    @api.model
    def _coop_use_terms_of_sale(self):
        """At install: every order and invoice links to the coop's terms of
        sale (/terms); a company that wrote its own keeps them."""
        self.env["ir.config_parameter"].sudo().set_param(
            "account.use_invoice_terms", True
        )
        # Odoo's English sample, if a company had switched to a web page
        # before, is not the coop's: start again from the coop's terms.
        companies = self.search(
            [
                "|",
                ("terms_type", "!=", "html"),
                ("invoice_terms_html", "ilike", "21 working days"),
            ]
        )
        companies.filtered(
            lambda c: "21 working days" in (c.invoice_terms_html or "")
        ).invoice_terms_html = False
        companies.terms_type = "html"
        companies._compute_invoice_terms_html()
