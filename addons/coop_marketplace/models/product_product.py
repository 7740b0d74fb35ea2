# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ProductProduct(models.Model):
    _inherit = "product.product"

    # The shop's domain goes through it: one subquery, whatever the offer.
    coop_cycle_line_ids = fields.One2many(
        "coop.order.cycle.line", "product_id", string="Order cycle offers"
    )

    def _coop_prices_incl(self, pricelist, company, partner):
        """{product id: unit price at ``pricelist``, taxes of ``company``
        included}, what a member reads: the products priced in one
        pricelist pass, not one per product."""
        prices = pricelist._get_products_price(self, 1.0)
        currency = pricelist.currency_id or company.currency_id
        return {
            product.id: product.taxes_id._filter_taxes_by_company(company).compute_all(
                prices[product.id], currency, 1.0, product, partner
            )["total_included"]
            for product in self
        }

    coop_standing_max = fields.Integer(
        related="product_tmpl_id.coop_standing_max", readonly=False
    )
