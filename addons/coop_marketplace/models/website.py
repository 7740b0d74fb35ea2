# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.http import request
from odoo.osv import expression
from odoo.tools import SQL, format_date, format_datetime
from odoo.tools.translate import LazyTranslate

_lt = LazyTranslate(__name__)


class Website(models.Model):
    _inherit = "website"

    # Off on a new website, so that it sells as Odoo does until the coop
    # turns it on; the coop's own website is turned on at install.
    coop_cycle_shop = fields.Boolean(
        string="Shop follows order cycles",
        help="The shop lists and sells only the products on offer in the open"
        " order cycle.",
    )

    def sale_product_domain(self):
        """Only the products of the open cycle (nothing between cycles)."""
        domain = super().sale_product_domain()
        website = self.get_current_website()
        if not website.coop_cycle_shop:
            return domain
        cycle = website._coop_open_cycle()
        if not cycle:
            return expression.FALSE_DOMAIN
        return expression.AND(
            [
                domain,
                [("product_variant_ids.coop_cycle_line_ids.cycle_id", "=", cycle.id)],
            ]
        )

    def get_pricelist_available(self, show_visible=False):
        """No pricelist selector in the coop's cycle shop: a member's prices
        follow their tier (their own pricelist), a visitor's the reference
        prices. Only the selector asks with ``show_visible``; pricing itself
        is untouched, and a shop that doesn't follow cycles keeps Odoo's."""
        if show_visible and self.get_current_website().coop_cycle_shop:
            return self.env["product.pricelist"]
        return super().get_pricelist_available(show_visible=show_visible)

    def _coop_open_cycle(self):
        """The open cycle of the website's company, looked up once per HTTP
        request: a shop page asks for its product domain several times."""
        self.ensure_one()
        # sudo: visitors see what is on offer, not the cycle's records.
        Cycle = self.env["coop.order.cycle"].sudo()
        if not request:
            return Cycle._get_open_cycle(self.company_id)
        if not hasattr(request, "coop_open_cycle_ids"):
            request.coop_open_cycle_ids = {}
        cycle_ids = request.coop_open_cycle_ids
        if self.company_id.id not in cycle_ids:
            cycle_ids[self.company_id.id] = Cycle._get_open_cycle(self.company_id).id
        return Cycle.browse(cycle_ids[self.company_id.id])

    def _coop_cycle_notice(self):
        """What the shop says about ordering now: the open cycle (when it
        closes, when pickup is) and whether this visitor may order in it.
        The cycle decides who may order (the cart asks it too)."""
        cycle = self._coop_open_cycle()
        user = self.env.user
        notice = {
            "cycle": cycle,
            "is_public": user._is_public(),
            "may_order": bool(cycle) and cycle._accepts(user.partner_id),
        }
        if cycle:
            # Formatted here from the cached language data: QWeb's date
            # widgets read the language record, a query per shop page.
            # The member's time zone, else the coop's (visitors have none;
            # sudo: the company's address card).
            tz = user.tz or self.company_id.sudo().partner_id.tz
            day = "EEEE d MMMM"
            notice.update(
                closes=format_datetime(
                    self.env, cycle.close_datetime, tz=tz, dt_format=f"{day}, HH:mm"
                ),
                pickup_from=format_date(
                    self.env, cycle.pickup_date_from, date_format=day
                ),
                pickup_to=format_date(self.env, cycle.pickup_date_to, date_format=day),
            )
        return notice

    def _coop_shop_producers(self):
        """[(id, farm name)] of the producers offering something in the open
        cycle, by name: the shop's producer filter, in one query. Producers'
        farm names are public (the shop shows them on every product)."""
        cycle = self._coop_open_cycle()
        if not cycle:
            return []
        self.env["coop.order.cycle.line"].flush_model(["cycle_id", "producer_id"])
        self.env["res.partner"].flush_model(["name", "coop_farm_name"])
        self.env.cr.execute(
            SQL(
                """
                SELECT p.id, COALESCE(NULLIF(p.coop_farm_name, ''), p.name) AS farm
                  FROM res_partner p
                 WHERE p.id IN (SELECT producer_id FROM coop_order_cycle_line
                                 WHERE cycle_id = %s)
              ORDER BY farm, p.id
                """,
                cycle.id,
            )
        )
        return self.env.cr.fetchall()

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
