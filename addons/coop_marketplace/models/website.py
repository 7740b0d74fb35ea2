# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import babel

from odoo import fields, models
from odoo.http import request
from odoo.osv import expression
from odoo.tools import SQL, format_date, format_datetime
from odoo.tools.misc import get_lang
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

    # The footer's words under the platform's name: a network's marketplace
    # is no grocery.
    coop_tagline = fields.Char(string="Footer tagline", translate=True)
    coop_min_basket_amount = fields.Monetary(
        string="Minimum basket",
        currency_field="currency_id",
        help="A basket of a cycle, taxes included and delivery excluded, is at"
        " least this amount, unless the cycle sets its own (0: no minimum).",
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

    def _coop_open_cycles(self):
        """The cycles this website sells now: the open cycles of its company
        that are for every website or for this one, closing first first.
        Looked up once per HTTP request: a shop page asks several times."""
        self.ensure_one()
        # sudo: visitors see what is on offer, not the cycle's records.
        Cycle = self.env["coop.order.cycle"].sudo()
        cache = getattr(request, "coop_open_cycle_ids", None) if request else None
        if cache is None:
            cache = {}
            if request:
                request.coop_open_cycle_ids = cache
        if self.id not in cache:
            cache[self.id] = Cycle._get_open_cycles(self.company_id, self).ids
        return Cycle.browse(cache[self.id])

    def _coop_open_cycle(self):
        """The cycle the shop shows and the basket fills: the one the visitor
        chose among the open ones (``/shop/cycle/<id>``), else the one their
        basket belongs to, else the one closing first."""
        cycles = self._coop_open_cycles()
        if len(cycles) < 2 or not request:
            return cycles[:1]
        chosen = request.session.get("coop_cycle_id")
        if chosen in cycles.ids:
            return cycles.browse(chosen)
        order_id = request.session.get("sale_order_id")
        if order_id:
            # sudo: the visitor's own cart (its id is in their session).
            cart_cycle = self.env["sale.order"].sudo().browse(order_id).coop_cycle_id
            if cart_cycle.id in cycles.ids:
                return cycles.browse(cart_cycle.id)
        return cycles[:1]

    def _coop_cycle_notice(self):
        """What the shop says about ordering now: the open cycle (when it
        closes, when pickup is) and whether this visitor may order in it.
        The cycle decides who may order (the cart asks it too)."""
        cycle = self._coop_open_cycle()
        user = self.env.user
        notice = {
            "cycle": cycle,
            # Several open at once: the shop lets the visitor choose.
            "cycles": self._coop_open_cycles(),
            "is_public": user._is_public(),
            "may_order": bool(cycle) and cycle._accepts(user.partner_id),
        }
        if cycle:
            # Formatted here from the cached language data: QWeb's date
            # widgets read the language record, a query per shop page. In
            # the coop's time zone, for members and visitors alike.
            tz = cycle._tz()
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

    def _coop_home_values(self):
        """What the platform's home page says: its open cycles (until when
        one orders, when pickup is), its pickup points with their hours, and
        where to join. Read from the cycles and points, in the coop's words
        and time zone."""
        self.ensure_one()
        cycles = []
        for cycle in self._coop_open_cycles():
            day = "EEEE d MMMM"
            cycles.append(
                {
                    "cycle": cycle,
                    "closes": format_datetime(
                        self.env,
                        cycle.close_datetime,
                        tz=cycle._tz(),
                        dt_format=f"{day}, HH:mm",
                    ),
                    "pickup_from": format_date(
                        self.env, cycle.pickup_date_from, date_format=day
                    ),
                    "pickup_to": format_date(
                        self.env, cycle.pickup_date_to, date_format=day
                    ),
                }
            )
        # sudo: the points' names, addresses and hours are public (the
        # checkout's selector shows them to every member).
        points = (
            self.env["coop.pickup.point"]
            .sudo()
            .search([("company_id", "=", self.company_id.id)])
        )
        locale = babel.Locale.parse(get_lang(self.env).code)
        day_names = locale.days["format"]["wide"]
        point_values = []
        for point in points:
            hours = point._opening_hours()
            point_values.append(
                {
                    "point": point,
                    "address": ", ".join(
                        part
                        for part in (point.partner_id.street, point.partner_id.city)
                        if part
                    ),
                    "hours": [
                        (day_names[int(day)].capitalize(), " · ".join(slots))
                        for day, slots in hours.items()
                        if slots
                    ],
                }
            )
        return {
            "cycles": cycles,
            "points": point_values,
            "join_url": self._coop_join_url(),
        }

    def _coop_join_url(self):
        """Where "become a member" leads: the joining page when
        coop_members_website is installed, else the contact page."""
        if "coop.membership.application" in self.env:
            return "/devenir-membre"
        return "/contactus"

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
                    # Pickup or delivery, per the chosen method.
                    "name": _lt("Time slot"),
                    "current_href": "/shop/coop_slot",
                    "main_button": _lt("Confirm"),
                    "main_button_href": "/shop/confirm_order",
                    "back_button": _lt("Back to delivery"),
                    "back_button_href": "/shop/checkout",
                },
            ),
        )
        return steps
