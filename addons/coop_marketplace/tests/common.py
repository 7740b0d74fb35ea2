# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date, timedelta

from odoo import Command, fields
from odoo.tests import new_test_user

from odoo.addons.coop_producers.tests import common as producers_common


def run_job(env, xmlid):
    """Run the job ``xmlid`` as Odoo's job runner does: its server action
    called again while its progress (``ir.cron._notify_progress``) says some
    work remains (in production each call is its own transaction; here all
    run in the test's). Returns how many calls it took."""
    cron = env.ref(xmlid)
    for calls in range(1, 10000):
        called, progress = cron._add_progress()
        called.env["ir.actions.server"].browse(cron.ir_actions_server_id.id).run()
        if not progress.remaining or not progress.done:
            return calls
    raise AssertionError(f"{xmlid} never ends")


def payment_form_values(
    order, provider, method, flow, landing_route="/shop/payment/validate", **extra
):
    """What the payment form of the shop (and of an order's page) posts to
    its transaction route, ``/shop/payment/transaction/<id>``: the provider
    and method chosen, the order's access token; the server decides what
    is paid. ``extra``: what the form adds (its ``amount``)."""
    return {
        "provider_id": provider.id,
        "payment_method_id": method.id,
        "token_id": None,
        "flow": flow,
        "tokenization_requested": False,
        "landing_route": landing_route,
        "is_validation": False,
        "access_token": order.sudo()._portal_ensure_token(),
        **extra,
    }


class CoopMarketplaceCommon(producers_common.CoopProducersCommon):
    """The producers' fixtures (farm A's carrots, brewery B's beer), a
    pickup point open on Friday evening (3 places) and Saturday morning (2
    places), a draft cycle offering both products with pickup in the week of
    Friday 4 January 2030, and one user per marketplace role."""

    # A week with one Friday and one Saturday.
    PICKUP_FROM = date(2030, 1, 4)
    PICKUP_TO = date(2030, 1, 10)

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.carrots_product = cls.carrots.product_variant_id
        cls.beer_product = cls.beer.product_variant_id
        # Never rely on demo data: its pickup points would get slots in our
        # cycles, and its open cycle would be "the open cycle".
        cls.env["coop.pickup.point"].search([]).active = False
        cls.env["coop.order.cycle"].search([("state", "=", "open")]).state = "closed"
        cls.point = cls.env["coop.pickup.point"].create(
            {
                "name": "Hellemmes",
                "partner_id": cls.env["res.partner"]
                .create({"name": "Maison de quartier", "tz": "Europe/Paris"})
                .id,
                "slot_template_ids": [
                    Command.create(
                        {"weekday": "4", "hour_from": 17, "hour_to": 19, "capacity": 3}
                    ),
                    Command.create(
                        {"weekday": "5", "hour_from": 10, "hour_to": 12, "capacity": 2}
                    ),
                ],
            }
        )
        cls.cycle = cls._create_cycle()
        cls.manager = new_test_user(
            cls.env,
            login="coop_mkt_manager",
            groups="base.group_user,coop_marketplace.group_coop_marketplace_manager",
        )
        cls.volunteer = new_test_user(
            cls.env,
            login="coop_mkt_volunteer",
            groups="coop_marketplace.group_coop_pickup_volunteer",
        )
        cls.portal_member = new_test_user(
            cls.env, login="coop_mkt_member", groups="base.group_portal"
        )

    @classmethod
    def _create_cycle(cls, name="Cycle test", products=None, **vals):
        """A draft cycle open since an hour, closing in two days, open to
        all (the fixtures' partners are no members; the members-only rule
        has tests of its own)."""
        now = fields.Datetime.now()
        if products is None:
            products = cls.carrots_product | cls.beer_product
        return cls.env["coop.order.cycle"].create(
            {
                "name": name,
                "open_datetime": now - timedelta(hours=1),
                "close_datetime": now + timedelta(days=2),
                "pickup_date_from": cls.PICKUP_FROM,
                "pickup_date_to": cls.PICKUP_TO,
                "line_ids": [
                    Command.create({"product_id": product.id}) for product in products
                ],
                "members_only": False,
                **vals,
            }
        )

    @classmethod
    def _create_order(cls, cycle, qty=1.0, product=None, partner=None):
        return cls.env["sale.order"].create(
            {
                "partner_id": (partner or cls.member).id,
                "coop_cycle_id": cycle.id,
                "order_line": [
                    Command.create(
                        {
                            "product_id": (product or cls.carrots_product).id,
                            "product_uom_qty": qty,
                        }
                    )
                ],
            }
        )
