# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.osv import expression
from odoo.tools.translate import LazyTranslate

_lt = LazyTranslate(__name__)


class Website(models.Model):
    _inherit = "website"

    coop_cycle_shop = fields.Boolean(
        string="Shop follows order cycles",
        default=True,
        help="The shop lists and sells only the products on offer in the open"
        " order cycle.",
    )

    def sale_product_domain(self):
        """Only the products of the open cycle (nothing between cycles)."""
        domain = super().sale_product_domain()
        website = self.get_current_website()
        if not website.coop_cycle_shop:
            return domain
        # sudo: visitors see what is on offer, not the cycle's records.
        cycle = self.env["coop.order.cycle"].sudo()._get_open_cycle(website.company_id)
        if not cycle:
            return expression.FALSE_DOMAIN
        return expression.AND(
            [
                domain,
                [("product_variant_ids.coop_cycle_line_ids.cycle_id", "=", cycle.id)],
            ]
        )

    def _get_checkout_step_list(self):
        """A "Pickup slot" step after the delivery step (the page redirects
        on when the order is not collected at a coop pickup point)."""
        steps = super()._get_checkout_step_list()
        index = next(
            (i for i, step in enumerate(steps) if "website_sale.checkout" in step[0]),
            None,
        )
        if index is None:
            return steps
        steps.insert(
            index + 1,
            (
                ["coop_marketplace.checkout_pickup_slot"],
                {
                    "name": _lt("Pickup slot"),
                    "current_href": "/shop/coop_slot",
                    "main_button": _lt("Confirm"),
                    "main_button_href": "/shop/confirm_order",
                    "back_button": _lt("Back to delivery"),
                    "back_button_href": "/shop/checkout",
                },
            ),
        )
        return steps
