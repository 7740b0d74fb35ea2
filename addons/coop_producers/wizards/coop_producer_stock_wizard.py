# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError


class CoopProducerStockWizard(models.TransientModel):
    """A producer states how much of their product is in stock.

    Producers are not stock users: this wizard checks that the product is
    theirs, then applies an inventory adjustment with a narrow sudo().
    """

    _name = "coop.producer.stock.wizard"
    _description = "Update my stock"

    product_id = fields.Many2one(
        "product.product",
        required=True,
        domain="[('product_tmpl_id.coop_producer_id', '=', producer_id),"
        " ('is_storable', '=', True)]",
    )
    producer_id = fields.Many2one(
        "res.partner",
        default=lambda self: self.env.user.coop_producer_id,
        readonly=True,
    )
    current_quantity = fields.Float(
        string="In stock now", compute="_compute_current_quantity"
    )
    quantity = fields.Float(string="New quantity in stock", required=True)
    uom_id = fields.Many2one(related="product_id.uom_id")

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        context = self.env.context
        if context.get("active_model") == "product.template" and context.get(
            "active_id"
        ):
            template = self.env["product.template"].browse(context["active_id"])
            values["product_id"] = template.product_variant_id.id
        return values

    @api.depends("product_id")
    @api.depends_context("company")
    def _compute_current_quantity(self):
        # At the platform she works in: the one the new quantity goes to.
        for wizard in self:
            wizard.current_quantity = (
                wizard.product_id.product_tmpl_id.coop_stock_quantity
            )

    def action_apply(self):
        self.ensure_one()
        product = self.product_id
        # The product must be this user's producer's (the record rules already
        # hide others' products; this also refuses ids sent through RPC).
        producer = self.env.user.coop_producer_id
        is_logistics = self.env.user.has_group("coop_producers.group_coop_logistics")
        if not is_logistics and (
            not producer or product.product_tmpl_id.coop_producer_id != producer
        ):
            raise AccessError(
                self.env._("You can only update the stock of your products.")
            )
        if self.quantity < 0:
            raise UserError(self.env._("A stock quantity can't be negative."))
        if not product.is_storable:
            raise UserError(
                self.env._(
                    "%(product)s is not tracked in stock.", product=product.display_name
                )
            )
        warehouse = (
            self.env["stock.warehouse"]
            .sudo()
            .search([("company_id", "=", self.env.company.id)], limit=1)
        )
        # sudo: producers are not stock users; the ownership check above is
        # what allows this one inventory adjustment on their product.
        # No inventory_mode context: stock.quant honours it only for stock
        # users (env.user, which sudo keeps), and create() would then add an
        # empty quant beside the existing one: the quantity typed would be
        # added to the stock instead of replacing it.
        Quant = self.env["stock.quant"].sudo()
        location = warehouse.lot_stock_id
        quants = Quant._gather(product, location, strict=True) or Quant.create(
            {"product_id": product.id, "location_id": location.id}
        )
        # The typed quantity is the whole stock of the location: one quant
        # takes it, any other (another lot or owner) goes to zero.
        quants.inventory_quantity = 0
        quants[0].inventory_quantity = self.quantity
        quants.filtered("inventory_diff_quantity")._apply_inventory()
        return {"type": "ir.actions.act_window_close"}
