# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

# A net quantity in this unit, in kg or litres (the unit price's measure).
NET_QUANTITY_MEASURE = {
    "g": (1000.0, "kg"),
    "kg": (1.0, "kg"),
    "ml": (1000.0, "l"),
    "cl": (100.0, "l"),
    "l": (1.0, "l"),
}


class ProductProduct(models.Model):
    _inherit = "product.product"

    coop_shelf_price = fields.Monetary(
        string="Shelf price (tax incl.)",
        compute="_compute_coop_shelf_prices",
        help="The reference price with its taxes, for one unit of sale: the"
        " price every member reads on the shelf (a tier's price is never"
        " printed).",
    )
    coop_shelf_sold_by_measure = fields.Boolean(
        string="Sold by weight or volume",
        compute="_compute_coop_shelf_prices",
        help="Sold by weight or volume (bulk): the shelf price is per kg or"
        " per litre already.",
    )
    coop_shelf_unit_price = fields.Monetary(
        string="Price per kg or litre",
        compute="_compute_coop_shelf_prices",
        help="The price per kg or per litre French law requires on the"
        " shelf (arrêté du 3 décembre 1987), from the net quantity.",
    )
    coop_shelf_unit_measure = fields.Selection(
        [("kg", "kg"), ("l", "L")],
        string="Per",
        compute="_compute_coop_shelf_prices",
    )

    @api.depends(
        "lst_price",
        "taxes_id",
        "uom_id",
        "coop_net_quantity",
        "coop_net_quantity_unit",
    )
    @api.depends_context("company")
    def _compute_coop_shelf_prices(self):
        kg = self.env.ref("uom.product_uom_kgm")
        litre = self.env.ref("uom.product_uom_litre")
        for product in self:
            # The taxes of the company printing: a product shared by a
            # network carries each platform's own.
            taxes = product.taxes_id._filter_taxes_by_company(self.env.company)
            price = taxes.compute_all(
                product.lst_price, product.currency_id, 1.0, product=product
            )["total_included"]
            product.coop_shelf_price = price
            measure = {kg.category_id: kg, litre.category_id: litre}.get(
                product.uom_id.category_id
            )
            product.coop_shelf_sold_by_measure = bool(measure)
            product.coop_shelf_unit_price = 0.0
            product.coop_shelf_unit_measure = False
            if measure:
                if product.uom_id != measure:
                    product.coop_shelf_unit_price = product.uom_id._compute_price(
                        price, measure
                    )
                    product.coop_shelf_unit_measure = "kg" if measure == kg else "l"
            elif product.coop_net_quantity:
                per, unit = NET_QUANTITY_MEASURE[product.coop_net_quantity_unit]
                product.coop_shelf_unit_price = price * per / product.coop_net_quantity
                product.coop_shelf_unit_measure = unit

    @api.model_create_multi
    def create(self, vals_list):
        products = super().create(vals_list)
        products.filtered(
            lambda p: p.available_in_pos and not p.print_category_id
        )._coop_apply_print_category_rule()
        return products

    def write(self, vals):
        """Queue the labels of the products written, and only theirs.

        OCA's mixin, on variants, queues every product of a category when
        one changes (its search isn't limited to the records written): a
        new barcode on the lentils sent the whole shop to the printer. Its
        own way out is a "to_print" in the values: give it the right one."""
        if "to_print" in vals or "print_category_id" in vals:
            return super().write(vals)
        changed = set(vals)
        queued = self.filtered(
            lambda p: (
                p.to_print
                or changed & set(p.print_category_id.sudo().field_ids.mapped("name"))
            )
        )
        res = True
        for products, to_print in ((queued, True), (self - queued, False)):
            if products:
                res &= super(ProductProduct, products).write(
                    {**vals, "to_print": to_print}
                )
        return res

    def _coop_apply_print_category_rule(self):
        """A product the épicerie starts selling joins its category's labels
        and the queue of labels to print, whoever created it (a producer by
        RPC, an import): the OCA addon applies its rules in the form only."""
        Rule = self.env["product.print.category.rule"]
        # Goods only: a share, a top-up or a donation has no shelf.
        for product in self.filtered(lambda p: p.type == "consu"):
            rule = Rule.get_print_category_rule(product)
            if rule.print_category_id:
                product.print_category_id = rule.print_category_id
        return True

    @api.model
    def _coop_assign_print_categories(self):
        """At installation: the products the till sells already get their
        labels' category, not the queue (the staff print all the labels
        once, with "Print All Products"; the queue follows the changes)."""
        products = self.search(
            [("available_in_pos", "=", True), ("print_category_id", "=", False)]
        )
        products._coop_apply_print_category_rule()
        products.write({"to_print": False})
        return True
