# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class ProductTemplate(models.Model):
    _inherit = "product.template"

    coop_producer_id = fields.Many2one(
        "res.partner",
        string="Producer",
        domain=[("coop_is_producer", "=", True)],
        index="btree_not_null",
        tracking=True,
    )
    coop_producer_price = fields.Monetary(
        string="Producer price",
        tracking=True,
        help="What the producer receives per unit; the consumer price follows"
        " from the commission.",
    )
    coop_commission_rate = fields.Float(
        string="Commission (%)", compute="_compute_coop_commission_rate"
    )
    coop_stock_quantity = fields.Float(
        string="In stock",
        compute="_compute_coop_stock_quantity",
        compute_sudo=True,
        digits="Product Unit of Measure",
        help="On hand at the platform you work in (its warehouses), for the"
        " producer's screens: producers are not stock users.",
    )
    coop_stock_quantity_all = fields.Float(
        string="In stock, all my platforms",
        compute="_compute_coop_stock_quantity",
        compute_sudo=True,
        digits="Product Unit of Measure",
        help="On hand at every platform you sell through.",
    )
    # Price breakdown the shop can show: who gets what of the price paid.
    coop_price_producer_share = fields.Monetary(
        string="Producer share", compute="_compute_coop_price_breakdown"
    )
    coop_price_coop_share = fields.Monetary(
        string="Coop share", compute="_compute_coop_price_breakdown"
    )
    coop_price_taxes = fields.Monetary(
        string="Taxes", compute="_compute_coop_price_breakdown"
    )
    # What the consumer pays (prix TTC), beside the price excluding taxes.
    coop_price_incl_taxes = fields.Monetary(
        string="Consumer price incl. taxes", compute="_compute_coop_price_breakdown"
    )

    @api.depends_context("company")
    def _compute_coop_stock_quantity(self):
        # compute_sudo: the producer sees the quantity of their own products
        # (the record rule hides the others) without reading stock moves.
        # The platform she works in, not the sum of every platform she is
        # allowed in: "set to 45" then showed 68.
        Warehouse = self.env["stock.warehouse"].sudo()
        here = Warehouse.search([("company_id", "=", self.env.company.id)])
        everywhere = Warehouse.search(
            [("company_id", "in", self.env.user.company_ids.ids)]
        )
        # The variants' quantities (the template's are cached whatever the
        # warehouse asked), all the list's products in one computation; no
        # warehouse (a platform without stock): none, not "every".
        variants = self.product_variant_ids

        def on_hand(warehouses):
            if not warehouses:
                return {}
            quantities = variants.with_context(warehouse_id=warehouses.ids)
            return {variant.id: variant.qty_available for variant in quantities}

        here_qty, all_qty = on_hand(here), on_hand(everywhere)
        for template in self:
            ids = template.product_variant_ids.ids
            template.coop_stock_quantity = sum(here_qty.get(i, 0.0) for i in ids)
            template.coop_stock_quantity_all = sum(all_qty.get(i, 0.0) for i in ids)

    @api.depends("categ_id", "coop_producer_id.coop_commission_rate")
    def _compute_coop_commission_rate(self):
        for template in self:
            rate = (
                template.categ_id._coop_commission_rate() if template.categ_id else None
            )
            template.coop_commission_rate = (
                rate
                if rate is not None
                else template.coop_producer_id.coop_commission_rate
            )

    @api.depends("list_price", "coop_producer_price", "taxes_id")
    @api.depends_context("company")
    def _compute_coop_price_breakdown(self):
        for template in self:
            # The taxes of the company she works in: a product shared by a
            # network carries each platform's 5.5 % (three at once: 16.5 %).
            taxes = template.taxes_id._filter_taxes_by_company(
                self.env.company
            ).compute_all(
                template.list_price, template.currency_id, 1.0, product=template
            )
            template.coop_price_taxes = (
                taxes["total_included"] - taxes["total_excluded"]
            )
            template.coop_price_incl_taxes = taxes["total_included"]
            template.coop_price_producer_share = (
                template.coop_producer_price if template.coop_producer_id else 0.0
            )
            template.coop_price_coop_share = (
                taxes["total_excluded"] - template.coop_price_producer_share
                if template.coop_producer_id
                else 0.0
            )

    @api.constrains("coop_producer_price")
    def _check_coop_producer_price(self):
        for template in self:
            if template.coop_producer_price < 0:
                raise ValidationError(
                    self.env._(
                        "A producer price can't be negative (%(product)s).",
                        product=template.display_name,
                    )
                )

    def _coop_consumer_price(self):
        """Producer price / (1 − commission), rounded to the cent."""
        self.ensure_one()
        rate = self.coop_commission_rate
        return self.currency_id.round(self.coop_producer_price / (1 - rate / 100))

    @api.onchange("coop_producer_price", "coop_producer_id", "categ_id")
    def _onchange_coop_producer_price(self):
        if self.coop_producer_id:
            self.list_price = self._coop_consumer_price()

    @api.model_create_multi
    def create(self, vals_list):
        # A producer's new products are theirs (the record rule refuses any
        # other producer anyway).
        producer = self.env.user.coop_producer_id
        if producer:
            for vals in vals_list:
                vals.setdefault("coop_producer_id", producer.id)
        templates = super().create(vals_list)
        templates.filtered("coop_producer_id")._coop_sync_list_price()
        return templates

    def write(self, vals):
        res = super().write(vals)
        if {"coop_producer_price", "coop_producer_id", "categ_id"} & set(vals):
            self.filtered("coop_producer_id")._coop_sync_list_price()
        return res

    def _coop_sync_list_price(self):
        # The consumer price is derived: writing it alone doesn't come back
        # here (write only syncs on the producer's price, producer, category).
        for template in self:
            price = template._coop_consumer_price()
            if template.currency_id.compare_amounts(price, template.list_price):
                template.write({"list_price": price})
        return True

    @api.ondelete(at_uninstall=False)
    def _unlink_except_coop_sold_by_producer(self):
        """Producers delete a product only if it was never sold or moved."""
        if not self.env.user.has_group("coop_producers.group_coop_producer"):
            return
        products = self.product_variant_ids
        moved = (
            self.env["stock.move"]
            .sudo()
            .search_count([("product_id", "in", products.ids)], limit=1)
        )
        sold = "sale.order.line" in self.env and self.env[
            "sale.order.line"
        ].sudo().search_count([("product_id", "in", products.ids)], limit=1)
        if moved or sold:
            raise UserError(
                self.env._(
                    "A product that was sold or moved in stock can't be deleted:"
                    " archive it instead."
                )
            )
