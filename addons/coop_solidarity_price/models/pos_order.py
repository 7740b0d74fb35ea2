# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class PosOrder(models.Model):
    _inherit = "pos.order"

    coop_cap_exceeded = fields.Boolean(
        string="Monthly cap exceeded",
        readonly=True,
        copy=False,
        help="The order used more solidarity advantage than the member had left"
        " this month. The paid order is kept; staff decide what to do.",
    )

    def _process_saved_order(self, draft):
        order_id = super()._process_saved_order(draft)
        if not draft and self.state in ("paid", "done", "invoiced"):
            self._coop_record_solidarity()
        return order_id

    def _coop_record_solidarity(self):
        """Fund entries for the lines sold at a tier price; the monthly cap is
        checked and an excess flagged, never refused: the order is paid."""
        self.ensure_one()
        # sudo: the cashier's sale feeds the fund, which cashiers can't read.
        Entry = self.env["coop.solidarity.entry"].sudo()
        if Entry.search_count([("pos_order_line_id", "in", self.lines.ids)], limit=1):
            return  # the order was sent again
        refunds = self.lines.filtered("refunded_orderline_id")
        if refunds:
            self._coop_record_solidarity_refunds(refunds)
        tier = self.env["coop.price.tier"]._get_pricelist_tier(self.pricelist_id)
        partner = self.partner_id.commercial_partner_id
        if not tier or tier.is_reference or not partner:
            return
        used_before = partner._coop_advantage_used(self.date_order.date()).get(
            partner.id, 0.0
        )
        entries = Entry._create_for_lines(
            [
                (
                    line,
                    line.product_id,
                    line.qty,
                    line.price_unit * (1 - line.discount / 100),
                    line.tax_ids_after_fiscal_position,
                )
                for line in self.lines - refunds
                if line._coop_is_goods()
            ],
            partner,
            tier,
            self.date_order.date(),
            "pos_order_line_id",
        )
        advantage = sum(
            entries.filtered(lambda e: e.member_advantage > 0).mapped(
                "member_advantage"
            )
        )
        currency = self.currency_id
        if tier.monthly_cap and (
            currency.compare_amounts(used_before + advantage, tier.monthly_cap) > 0
        ):
            self.coop_cap_exceeded = True
            self.message_post(
                body=self.env._(
                    "This order used %(advantage)s of solidarity advantage while"
                    " %(left)s was left this month.",
                    advantage=round(advantage, 2),
                    left=round(max(0.0, tier.monthly_cap - used_before), 2),
                )
            )

    def _coop_record_solidarity_refunds(self, lines):
        """Returned goods give back what their sale cost or brought the fund:
        a counter-entry per refund line, at the prices of the original sale
        (not today's), whatever the pricelist of the refund order."""
        Entry = self.env["coop.solidarity.entry"].sudo()
        originals = {
            entry.pos_order_line_id: entry
            for entry in Entry.search(
                [("pos_order_line_id", "in", lines.refunded_orderline_id.ids)]
            )
        }
        vals_list = []
        for line in lines:
            original = originals.get(line.refunded_orderline_id)
            if not original or not original.quantity:
                continue  # sold at the reference price: nothing to give back
            vals_list.append(
                {
                    **original._correction_values(
                        line.qty,
                        self.env._(
                            "Return: %(product)s",
                            product=original.product_id.display_name,
                        ),
                        self.date_order.date(),
                    ),
                    "pos_order_line_id": line.id,
                }
            )
        return Entry.create(vals_list)
