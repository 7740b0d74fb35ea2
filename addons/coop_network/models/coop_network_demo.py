# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import Command, api, fields, models


class CoopNetworkDemo(models.AbstractModel):
    """The network's demo (demo/coop_network_demo.xml and
    coop_network_history_demo.xml): the steps XML can't say, called by their
    ``<function>`` tags at the demo's install. Holds no record and no rule:
    nothing a coop's data or screens use."""

    _name = "coop.network.demo"
    _description = "Network demo builder"

    @api.model
    def _load_charts(self, company_ids, bill_codes=None):
        """The French chart of accounts and taxes of each new platform.

        ``_load`` rather than ``try_loading``: during the install the
        registry is not flagged loaded yet, and ``try_loading`` warns about
        modules installed later; this addon is installed last, every module
        the chart serves (account, point of sale, stock) is there."""
        bill_codes = bill_codes or {}
        for company in self.env["res.company"].browse(company_ids):
            self.env["account.chart.template"]._load("fr", company, False)
            self._tax_shared_products(company)
            if bill_codes.get(company.id):
                # Each platform's bills under its own prefix: a farm selling
                # through three reads three numbers, not three FACTU/…/0001.
                self.env["account.journal"].search(
                    [("company_id", "=", company.id), ("type", "=", "purchase")],
                    limit=1,
                ).code = bill_codes[company.id]

    @api.model
    def _tax_shared_products(self, company):
        """Tax the shared products in ``company`` at the rates the first
        company taxes them (loading a chart gives every product the new
        company's default 20 %: wrong for food, 5.5 %). Done once, at the
        demo's install: the products are few."""
        main = self.env.ref("base.main_company")
        # The chart ships its reduced rates inactive.
        Tax = self.env["account.tax"].with_context(active_test=False)
        templates = self.env["product.template"].search(
            [("taxes_id.company_id", "=", main.id)]
        )
        for template in templates:
            own = Tax.browse()
            for tax in template.taxes_id.filtered(lambda t: t.company_id == main):
                own |= Tax.search(
                    [
                        ("company_id", "=", company.id),
                        ("type_tax_use", "=", "sale"),
                        ("amount", "=", tax.amount),
                        ("amount_type", "=", tax.amount_type),
                        ("price_include_override", "=", tax.price_include_override),
                        ("tax_exigibility", "=", tax.tax_exigibility),
                    ],
                    limit=1,
                )
            own.active = True
            template.taxes_id = (
                template.taxes_id.filtered(lambda t: t.company_id != company) | own
            )

    @api.model
    def _create_till(self, company_id):
        """The Arras épicerie's own till: cash on its own journal, its
        members' badges."""
        company = self.env["res.company"].browse(company_id)
        journal = self.env["account.journal"].search(
            [("company_id", "=", company.id), ("type", "=", "cash")], limit=1
        )
        cash = self.env["pos.payment.method"].create(
            {"name": "Espèces", "journal_id": journal.id, "company_id": company.id}
        )
        return (
            self.env["pos.config"]
            .with_company(company)
            .create(
                {
                    "name": "Caisse Arras",
                    "company_id": company.id,
                    "payment_method_ids": [Command.set(cash.ids)],
                    "coop_member_till": True,
                }
            )
        )

    @api.model
    def _set_up_shop(self, company_id, website_id):
        """The marketplace's shop: its "pay at pickup" provider,
        and the farm's prices for each platform (supplier info per
        company)."""
        company = self.env["res.company"].browse(company_id)
        cycle = self.env["coop.order.cycle"].search(
            [("company_id", "=", company.id)], limit=1
        )
        templates = cycle.line_ids.product_id.product_tmpl_id
        at_pickup = self.env.ref("coop_marketplace.payment_provider_coop_at_pickup")
        at_pickup.copy(
            {
                "company_id": company.id,
                "website_id": website_id,
                "state": "enabled",
                "is_published": True,
            }
        )
        # The farm sells a little cheaper to the épiceries than to the
        # marketplace, which sorts and delivers.
        arras = self.env.ref("coop_network.company_arras_demo")
        for template in templates:
            price = template.coop_producer_price
            if not price:
                continue
            self.env["product.supplierinfo"].create(
                [
                    {
                        "partner_id": template.coop_producer_id.id,
                        "product_tmpl_id": template.id,
                        "company_id": company.id,
                        "price": price,
                    },
                    {
                        "partner_id": template.coop_producer_id.id,
                        "product_tmpl_id": template.id,
                        "company_id": arras.id,
                        "price": round(price * 0.95, 2),
                    },
                ]
            )

    @api.model
    def _confirm_cycle_orders(self, cycle_id, orders):
        """Confirmed orders of an open cycle, made as its shop makes them: in
        the cycle's company and website (their prices and taxes), collected
        at a point, in its first slot, paid at pickup. ``orders``: (partner
        id, pickup point id, [(product template id, quantity)])."""
        cycle = self.env["coop.order.cycle"].browse(cycle_id)
        company = cycle.company_id
        carrier = self.env.ref("coop_marketplace.delivery_carrier_coop_pickup_demo")
        Template = self.env["product.template"]
        for partner_id, point_id, lines in orders:
            order = (
                self.env["sale.order"]
                .with_company(company)
                .create(
                    {
                        "partner_id": partner_id,
                        "company_id": company.id,
                        "website_id": cycle.website_id.id,
                        "coop_cycle_id": cycle.id,
                        "carrier_id": carrier.id,
                        "order_line": [
                            Command.create(
                                {
                                    "product_id": Template.browse(
                                        template_id
                                    ).product_variant_id.id,
                                    "product_uom_qty": quantity,
                                }
                            )
                            for template_id, quantity in lines
                        ],
                    }
                )
            )
            point = self.env["coop.pickup.point"].browse(point_id)
            order._coop_set_pickup_point(point)
            order._coop_set_pickup_slot(
                cycle.slot_ids.filtered(lambda s, point=point: s.point_id == point)[:1]
            )
            order.action_confirm()
            # Ordered while the cycle was open, not on the day of the demo.
            order.date_order = cycle.open_datetime + timedelta(days=1)

    @api.model
    def _confirm_purchase_lines(self, order_id, lines):
        """Add the lines, priced by the supplier info of the order's
        company, and confirm the order."""
        order = self.env["purchase.order"].browse(order_id)
        order = order.with_company(order.company_id)
        Template = self.env["product.template"]
        order.order_line = [
            Command.create(
                {
                    "product_id": Template.browse(template_id).product_variant_id.id,
                    "product_qty": quantity,
                }
            )
            for template_id, quantity in lines
        ]
        order.button_confirm()

    @api.model
    def _receive_and_issue_statements(self, company_ids, producer_id):
        """Confirm the producer's purchase orders in each company (a cycle's
        close drafts them), receive them in full, then issue that company's
        statement of the week."""
        producer = self.env["res.partner"].browse(producer_id)
        today = fields.Date.context_today(self)
        for company in self.env["res.company"].browse(company_ids):
            orders = (
                self.env["purchase.order"]
                .with_company(company)
                .search(
                    [
                        ("company_id", "=", company.id),
                        ("partner_id", "=", producer.id),
                        ("state", "in", ("draft", "purchase")),
                    ]
                )
            )
            orders.filtered(lambda o: o.state == "draft").button_confirm()
            receipts = orders.picking_ids.filtered(
                lambda p: p.state not in ("done", "cancel")
            )
            for move in receipts.move_ids:
                move.quantity = move.product_uom_qty
            receipts.move_ids.picked = True
            receipts.button_validate()
            statement = (
                self.env["coop.producer.statement"]
                .with_company(company)
                .create(
                    {
                        "producer_id": producer.id,
                        "company_id": company.id,
                        "date_from": today - timedelta(days=6),
                        "date_to": today,
                    }
                )
            )
            statement.action_compute_lines()
            statement.action_confirm()
