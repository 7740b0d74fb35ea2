# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import float_compare, format_amount, format_datetime


class SaleOrder(models.Model):
    """A member changes or cancels their order until the cycle closes.

    The one path for every such change (the portal, the backend): quantities
    within what the producers still offer (``_verify_updated_quantity``),
    the slot kept or given back, and the money following its owner
    (``_coop_settle_money``): nothing to settle when paid at pickup; what
    was paid beyond the new total goes back (the prepaid account first,
    then the provider), and an increase leaves an amount due that the
    order's page asks for (Odoo's own payment form)."""

    _inherit = "sale.order"

    coop_amount_due = fields.Monetary(
        string="Left to pay",
        compute="_compute_coop_amount_due",
        help="Paid online, then increased: the difference the member still "
        "has to pay (orders paid at pickup are paid there in full).",
    )

    coop_changed_on = fields.Datetime(
        string="Changed by the member on",
        readonly=True,
        copy=False,
        help="The last time the member changed her order on its page.",
    )

    @api.depends(
        "state",
        "amount_total",
        "transaction_ids.state",
        "transaction_ids.amount",
        "coop_refund_ids.amount",
        "coop_paid_at_pickup",
    )
    def _compute_coop_amount_due(self):
        for order in self:
            money = order._coop_money()
            due = money.due if order.state == "sale" else 0.0
            # Asked for on the order's page: only what an order paid online
            # lacks; collected at pickup: whatever is due.
            order.coop_amount_due = due if money.paid["online"] else 0.0
            order.coop_amount_to_collect = due

    def _has_to_be_paid(self):
        """An order paid online and then increased asks for the difference
        on its page, until the cycle closes."""
        if (
            self.state == "sale"
            and self.coop_cycle_id._takes_orders()
            and self.currency_id.compare_amounts(self.coop_amount_due, 0) > 0
        ):
            return True
        return super()._has_to_be_paid()

    # ------------------------------------------------------------------
    # Editing
    # ------------------------------------------------------------------

    def _coop_is_editable(self):
        """Confirmed, in a cycle that still takes orders (its closing time
        not passed), not locked."""
        self.ensure_one()
        return (
            self.state == "sale"
            and bool(self.coop_cycle_id)
            and self.coop_cycle_id._takes_orders()
            and not self.locked
        )

    def _coop_check_editable(self):
        self.ensure_one()
        if self._coop_is_editable():
            return
        if self.state == "cancel":
            raise UserError(self.env._("This order is cancelled."))
        raise UserError(self._coop_locked_message())

    def _coop_locked_message(self):
        """Why the member can't change the order any more, and whom to ask."""
        self.ensure_one()
        company = self.company_id
        contact = company.email or company.phone or company.name
        cycle = self.coop_cycle_id
        if cycle and not cycle._takes_orders() and cycle.close_datetime:
            return self.env._(
                "This order can't change any more: its cycle closed on %(date)s"
                " and the producers are preparing it. For any question, contact"
                " %(company)s (%(contact)s).",
                date=format_datetime(
                    self.env,
                    cycle.close_datetime,
                    tz=cycle._tz(),
                    dt_format="d MMMM HH:mm",
                ),
                company=company.name,
                contact=contact,
            )
        return self.env._(
            "This order can't change any more. For any question, contact"
            " %(company)s (%(contact)s).",
            company=company.name,
            contact=contact,
        )

    def _coop_goods_lines(self):
        """The lines a member may change, the close pools and takes off:
        goods, not notes, fees nor payments."""
        return self.order_line.filtered(lambda line: line._coop_is_goods())

    def _coop_member_edit(self, quantities, additions=None):
        """Set the quantities of goods lines (``{line: quantity}``, 0 takes
        the product off) and add products of the order's cycle
        (``{product: quantity}``). All or nothing: a quantity beyond what
        is left, a product not in the cycle or an empty order is refused
        and nothing changes."""
        self.ensure_one()
        self._coop_check_editable()
        additions = additions or {}
        goods = self._coop_goods_lines()
        rounding = 0.001
        changes = []
        with self.env.cr.savepoint():
            for line, quantity in quantities.items():
                if line not in goods:
                    raise UserError(self.env._("This line is not part of the order."))
                if quantity < 0:
                    raise UserError(self.env._("A quantity can't be negative."))
                if (
                    float_compare(
                        quantity, line.product_uom_qty, precision_rounding=rounding
                    )
                    == 0
                ):
                    continue
                if (
                    float_compare(
                        quantity, line.product_uom_qty, precision_rounding=rounding
                    )
                    > 0
                ):
                    self._coop_check_available(line, line.product_id, quantity)
                changes.append((line.product_id, line.product_uom_qty, quantity))
                line.product_uom_qty = quantity
            for product, quantity in additions.items():
                if float_compare(quantity, 0, precision_rounding=rounding) <= 0:
                    continue
                if not self.coop_cycle_id._line_of(product):
                    raise UserError(
                        self.env._(
                            "%(product)s is not on offer in this order's cycle.",
                            product=product.display_name,
                        )
                    )
                line = self._coop_goods_lines().filtered(
                    lambda l, product=product: l.product_id == product
                )[:1]
                before = line.product_uom_qty if line else 0.0
                total = before + quantity
                self._coop_check_available(line, product, total)
                changes.append((product, before, total))
                if line:
                    line.product_uom_qty = total
                else:
                    self.env["sale.order.line"].create(
                        {
                            "order_id": self.id,
                            "product_id": product.id,
                            "product_uom_qty": quantity,
                        }
                    )
            if not any(
                float_compare(line.product_uom_qty, 0, precision_rounding=rounding) > 0
                for line in self._coop_goods_lines()
            ):
                raise UserError(
                    self.env._(
                        "Your order would be empty: cancel it instead (button"
                        " “Cancel my order”)."
                    )
                )
            if changes:
                self.coop_changed_on = fields.Datetime.now()
                self._coop_settle_money("edit")
        if changes:
            self._coop_post_edit(changes)
        return changes

    def _coop_addable_products(self):
        """What the member may still add, for the order's page: (product,
        unit price taxes included at the order's prices), products of the
        cycle with something left, by name."""
        self.ensure_one()
        if not self._coop_is_editable():
            return []
        products = self.coop_cycle_id.line_ids.filtered(
            lambda l: l.unlimited or l._available_qty() > 0
        ).product_id.sorted("display_name")
        # The whole offer priced at once: the page lists the cycle's every
        # product.
        prices = products._coop_prices_incl(
            self.pricelist_id, self.company_id, self.partner_id
        )
        return [(product, prices[product.id]) for product in products]

    def _coop_check_available(self, line, product, quantity):
        """``quantity`` of ``product`` on this order fits what producers
        still offer, other members' orders counted (the shop's own rule)."""
        allowed, _warning = self._verify_updated_quantity(
            line or self.env["sale.order.line"], product.id, quantity
        )
        if float_compare(allowed, quantity, precision_rounding=0.001) < 0:
            raise UserError(
                self.env._(
                    "At most %(qty)s × %(product)s on your order: the producers"
                    " offer no more in this cycle. Nothing was changed.",
                    qty=_qty(allowed),
                    product=product.display_name,
                )
            )

    def _coop_member_cancel(self):
        """Cancel the whole order while its cycle is open: the slot and the
        products go back, the fund and allowance follow, and what was paid
        online is refunded."""
        self.ensure_one()
        self._coop_check_editable()
        self._action_cancel()
        self._coop_settle_money("cancel")
        self._coop_message_post(
            body=self.env._("Order cancelled by the member before the close."),
            message_type="comment",
            subtype_xmlid="mail.mt_note",
        )

    def _coop_post_edit(self, changes):
        """A note in the order's history: what changed, and the money."""
        self.ensure_one()
        lines = [
            self.env._(
                "%(product)s: %(before)s → %(after)s",
                product=product.display_name,
                before=_qty(before),
                after=_qty(after),
            )
            for product, before, after in changes
        ]
        body = (
            self.env._("Changed by the member before the close:")
            + " "
            + "; ".join(lines)
        )
        if self.coop_amount_due:
            body += " " + self.env._(
                "Left to pay: %(amount)s.",
                amount=format_amount(self.env, self.coop_amount_due, self.currency_id),
            )
        self._coop_message_post(
            body=body, message_type="comment", subtype_xmlid="mail.mt_note"
        )


def _qty(quantity):
    return int(quantity) if quantity == int(quantity) else quantity
