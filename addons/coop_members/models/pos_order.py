# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import logging

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import float_compare, float_is_zero

_logger = logging.getLogger(__name__)


class PosOrder(models.Model):
    _inherit = "pos.order"

    coop_share_movement_ids = fields.One2many(
        "coop.share.movement",
        "pos_order_id",
        string="Shares subscribed",
        # The till reads its orders back: cashiers don't read the register.
        groups="coop_members.coop_member_group_user",
    )
    coop_share_issue = fields.Text(
        string="Share sale to check",
        readonly=True,
        copy=False,
        help="The order sold shares that could not enter the register. The"
        " order is kept as paid: a members manager settles it (subscription"
        " by hand, or refund).",
    )

    @api.model
    def _process_order(self, order, existing_order):
        # The till sends back every field of the order it knows: the share
        # movements and their issue are the server's (made when the order is
        # paid), and a cashier outside the members' group may not write them.
        for field in ("coop_share_movement_ids", "coop_share_issue"):
            order.pop(field, None)
        return super()._process_order(order, existing_order)

    def _process_saved_order(self, draft):
        order_id = super()._process_saved_order(draft)
        if not draft and self.state in ("paid", "done", "invoiced"):
            self._coop_register_share_sales()
        return order_id

    def _coop_register_share_sales(self):
        """Enter the shares sold at the till in the register, once per line.

        A paid order is never dropped: a share line that can't enter the
        register flags the order for the members managers instead.
        """
        self.ensure_one()
        classes = self.env["coop.share.class"].sudo()._by_product(self.lines.product_id)
        # Idempotence: the unique index on the line guards the database; this
        # check keeps a resent order quiet. sudo: the cashier syncing the
        # order does not read the register.
        registered = (
            self.env["coop.share.movement"]
            .sudo()
            .search([("pos_order_line_id", "in", self.lines.ids)])
            .pos_order_line_id
        )
        issues = []
        for line in self.lines.filtered(lambda line: line.product_id in classes):
            if line in registered:
                continue
            try:
                with self.env.cr.savepoint():
                    self._coop_register_share_line(line, classes[line.product_id])
            except (UserError, ValidationError) as error:
                issues.append(f"{line.full_product_name}: {error.args[0]}")
        if issues:
            _logger.info("POS order %s: share sale to check", self.name)
            self.coop_share_issue = "\n".join(issues)
            self._coop_message_post(body="\n".join(issues))

    def action_coop_share_issue_settled(self):
        """The manager settled the share sale by hand (subscription, refund)."""
        if not self.env.user.has_group("coop_members.coop_member_group_manager"):
            raise AccessError(
                self.env._("Only members managers can settle share sales.")
            )
        for order in self.filtered("coop_share_issue"):
            # sudo: the manager reads POS orders but does not edit them
            # otherwise; only the flag is cleared, and the chatter says who.
            order.sudo().coop_share_issue = False
            order.sudo()._coop_message_post(
                body=self.env._(
                    "Share sale settled by %(user)s.", user=self.env.user.name
                )
            )
        return True

    def _coop_register_share_line(self, line, share_class):
        partner = self.partner_id
        if not partner:
            raise UserError(self.env._("Shares were sold without a customer."))
        quantity = line.qty
        if quantity <= 0 or not float_is_zero(
            quantity - round(quantity), precision_digits=3
        ):
            raise UserError(
                self.env._(
                    "Only whole, positive numbers of shares are sold at the till"
                    " (redemptions go through the register)."
                )
            )
        if float_compare(
            line.price_unit,
            share_class.nominal_value,
            precision_rounding=self.currency_id.rounding,
        ) or not float_is_zero(line.discount, precision_digits=2):
            raise UserError(
                self.env._(
                    "A share is sold at its nominal value (%(value)s), not at"
                    " %(price)s.",
                    value=share_class.nominal_value,
                    price=line.price_unit * (1 - line.discount / 100),
                )
            )
        # sudo: the cashier sells the share; the register entry it implies is
        # written by the system, with the register's own checks.
        movement = (
            self.env["coop.share.movement"]
            .sudo()
            ._create_subscription(
                partner,
                share_class,
                round(quantity),
                fields.Date.context_today(self, self.date_order),
                pos_order_line_id=line.id,
                origin=self.name,
            )
        )
        movement._confirm()
        return movement
