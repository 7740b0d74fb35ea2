# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import float_compare, format_amount, formatLang


class SaleOrder(models.Model):
    _inherit = "sale.order"

    coop_to_weigh = fields.Boolean(
        string="To weigh",
        compute="_compute_coop_to_weigh",
        help="Goods sold by weight on this order are not weighed yet.",
    )

    @api.depends("order_line.coop_real_weight", "order_line.product_uom_qty")
    def _compute_coop_to_weigh(self):
        for order in self:
            order.coop_to_weigh = any(
                not line.coop_real_weight for line in order._coop_weighed_lines()
            )

    def _coop_weighed_lines(self):
        return self.order_line.filtered(
            lambda line: line.coop_sold_by_weight and line.product_uom_qty > 0
        )

    def _coop_set_real_weights(self, weights):
        """The volunteer weighed the goods sold by weight (``{line: kg}``):
        each line is priced at its real weight and the money follows, as
        for a member's change (paid online: a decrease is refunded, an
        increase is collected at the pickup). All or nothing."""
        self.ensure_one()
        if not (
            self.env.user.has_group("coop_marketplace.group_coop_pickup_volunteer")
            or self.env.user.has_group("sales_team.group_sale_salesman")
        ):
            raise AccessError(
                self.env._("Only pickup volunteers and staff weigh orders.")
            )
        self._coop_check_weighable()
        to_weigh = self._coop_weighed_lines()
        changes = []
        for line, weight in weights.items():
            if line not in to_weigh:
                raise UserError(
                    self.env._(
                        "%(line)s is not a product sold by weight of %(order)s.",
                        line=line.name,
                        order=self.name,
                    )
                )
            line._coop_check_real_weight(weight)
            if line.coop_real_weight and not float_compare(
                line.coop_real_weight, weight, precision_digits=3
            ):
                continue
            changes.append((line, weight))
        if not changes:
            return []
        # sudo: volunteers are not salespeople; they set the weight of the
        # goods they hand over, on an order checked above, and the price
        # follows from the line's own price per kg. The close locked the
        # order: it is unlocked for this one change only.
        order = self.sudo()
        locked = order.locked
        order.locked = False
        for line, weight in changes:
            line = line.sudo()
            line.write(
                {
                    "coop_estimated_price_unit": line.coop_estimated_price_unit
                    or line.price_unit,
                    "price_unit": line._coop_weighed_price_unit(weight),
                    "coop_real_weight": weight,
                }
            )
        order.locked = locked
        self._coop_settle_money("weight")
        self._coop_post_weighing(changes)
        return changes

    def _coop_check_weighable(self):
        """Weighed after the close (the goods are in), before the hand-over."""
        self.ensure_one()
        if self.state != "sale":
            raise UserError(
                self.env._("%(order)s is not a confirmed order.", order=self.name)
            )
        if self.coop_cycle_id.state == "open":
            raise UserError(
                self.env._(
                    "%(order)s can still change until its cycle closes: weigh"
                    " it once the goods are in.",
                    order=self.name,
                )
            )
        if self.coop_collected:
            raise UserError(
                self.env._(
                    "%(order)s was already collected: its weights can't change.",
                    order=self.name,
                )
            )

    def _coop_post_weighing(self, changes):
        self.ensure_one()
        lang_env = self.with_context(lang=self.partner_id.lang).env
        parts = [
            self.env._(
                "%(product)s: %(weight)s kg (estimated %(estimate)s kg), %(amount)s",
                product=line.product_id.display_name,
                weight=formatLang(lang_env, weight, digits=3),
                estimate=formatLang(lang_env, line.coop_estimated_weight, digits=3),
                amount=format_amount(lang_env, line.price_total, self.currency_id),
            )
            for line, weight in changes
        ]
        body = self.env._("Weighed:") + " " + "; ".join(parts)
        if self.coop_amount_due:
            body += " " + self.env._(
                "To collect at the pickup: %(amount)s.",
                amount=format_amount(lang_env, self.coop_amount_due, self.currency_id),
            )
        # sudo: volunteers only read orders; the note is theirs (author), and
        # writing it makes them no follower of the member's order.
        self.sudo()._coop_message_post(
            body=body,
            message_type="comment",
            subtype_xmlid="mail.mt_note",
            author_id=self.env.user.partner_id.id,
        )
