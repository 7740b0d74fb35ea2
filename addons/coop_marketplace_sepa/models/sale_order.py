# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.tools import date_utils, format_amount


class SaleOrder(models.Model):
    """A standing basket's order paid by SEPA direct debit: nothing is
    collected at pickup; the hand-over invoices what the order owes, due at
    the month's end, under the member's mandate, and the month's debit
    order (coop_sepa_direct_debit) takes the invoice early the next month.
    The invoice is what the order's money owner counts as paid by direct
    debit (``_coop_paid_elsewhere``); a debit the bank returns reopens the
    invoice, which the member then owes."""

    _inherit = "sale.order"

    coop_mandate_id = fields.Many2one(
        "account.banking.mandate",
        string="Paid by direct debit under",
        readonly=True,
        copy=False,
        index="btree_not_null",
        # The mandate is the accounts' and the members office's to read.
        groups="account.group_account_invoice,account_payment_order.group_account_payment,"
        "coop_members.coop_member_group_manager",
        help="The member's SEPA mandate that pays this order: invoiced when"
        " handed over, debited with the month's direct debits.",
    )

    coop_paid_by_direct_debit = fields.Boolean(
        string="Debited",
        compute="_compute_coop_paid_by_direct_debit",
        help="Paid by SEPA direct debit: nothing to collect at pickup.",
    )

    @api.depends("coop_mandate_id")
    def _compute_coop_paid_by_direct_debit(self):
        debited = self._coop_debited_orders()
        for order in self:
            order.coop_paid_by_direct_debit = order in debited

    @api.model
    def _coop_direct_debit_mode(self, company):
        """The coop's SEPA direct-debit mode that collects the members'
        invoices (the members' own mode when it is one)."""
        return self.env["account.payment.mode"].search(
            [
                ("company_id", "=", company.id),
                ("payment_method_id.code", "=", "sepa_direct_debit"),
                ("payment_order_ok", "=", True),
            ],
            order="id",
            limit=1,
        )

    def _coop_debited_by_mandate(self):
        """Whether the hand-over invoices this order for the direct debit
        (``_coop_debited_orders``)."""
        self.ensure_one()
        return bool(self._coop_debited_orders())

    def _coop_debited_orders(self):
        """The orders of these the hand-over invoices for the direct debit:
        their mandate is still valid and their coop has a direct-debit mode
        (a mandate revoked since: the volunteer collects at pickup). For the
        Pickup day list's rows at once: the mandates in one read, the modes
        once per coop. sudo: the volunteer reads the mandate's state, not
        the member's bank details."""
        valid = self.sudo().filtered(
            lambda order: order.coop_mandate_id.state == "valid"
        )
        has_mode = {
            company: bool(self.sudo()._coop_direct_debit_mode(company))
            for company in valid.company_id
        }
        return self.browse([order.id for order in valid if has_mode[order.company_id]])

    def _coop_follows_basket_payment(self):
        """A standing basket's order that changes means with its basket:
        confirmed, not handed over, nothing paid yet."""
        self.ensure_one()
        return (
            self.state == "sale"
            and not self.coop_collected
            and not any(self._coop_money().paid.values())
        )

    def _coop_set_mandate(self, mandate):
        # sudo: the member's choice on her basket reaches her orders, which
        # she reads but doesn't write.
        self.sudo().coop_mandate_id = mandate

    def _coop_direct_debit_invoices(self):
        """The posted invoices and credit notes of this order debited under
        its mandate."""
        self.ensure_one()
        # sudo: the order's money is read by whoever reads the order.
        return (
            self.sudo()
            .invoice_ids.filtered(
                lambda move: move.state == "posted" and move.mandate_id
            )
            .with_env(self.env)
        )

    def _coop_paid_elsewhere(self):
        paid = super()._coop_paid_elsewhere()
        # sudo: the mandate is the accounts' to read; whether the order is
        # paid by it is the order's reader's.
        if not self.sudo().coop_mandate_id:
            return paid
        invoiced = sum(
            move.amount_total * (-1 if move.move_type == "out_refund" else 1)
            for move in self._coop_direct_debit_invoices().sudo()
        )
        if invoiced:
            paid["direct_debit"] = paid.get("direct_debit", 0.0) + invoiced
        return paid

    def _coop_payment_means_labels(self):
        return {
            **super()._coop_payment_means_labels(),
            "direct_debit": self.env._("by SEPA direct debit"),
        }

    @api.depends("coop_mandate_id.state")
    def _compute_coop_amount_due(self):
        res = super()._compute_coop_amount_due()
        for order in self._coop_debited_orders():
            # Debited with the month's direct debits, never asked at pickup
            # nor on the order's page.
            order.coop_amount_to_collect = 0.0
            order.coop_amount_due = 0.0
        return res

    def _coop_money_sentence(self, money):
        if (
            self.state == "sale"
            and money.due
            and not self.coop_collected
            and self._coop_debited_by_mandate()
        ):
            amount = format_amount(self.env, money.due, self.currency_id)
            # sudo: the member's own mandate reference.
            reference = self.sudo().coop_mandate_id.unique_mandate_reference
            if self.coop_to_weigh:
                return self.env._(
                    "Debited from your bank account after the pickup (mandate"
                    " %(mandate)s): about %(amount)s, as weighed.",
                    mandate=reference,
                    amount=amount,
                )
            return self.env._(
                "Debited from your bank account after the pickup (mandate"
                " %(mandate)s): %(amount)s.",
                mandate=reference,
                amount=amount,
            )
        return super()._coop_money_sentence(money)

    def _coop_collect_due(self):
        """The hand-over: an order debited under a mandate is invoiced for
        what it owes, nothing is collected at pickup."""
        debited = self._coop_debited_orders()
        debited._coop_invoice_for_direct_debit()
        return super(SaleOrder, self - debited)._coop_collect_due()

    def _coop_invoice_for_direct_debit(self):
        """Invoice what each order still owes, posted in the order's company,
        due at the end of the month, to be debited under the order's
        mandate with the month's direct debits. Returns the invoices."""
        invoices = self.env["account.move"]
        for order in self:
            if not order._coop_money().due:
                continue
            company = order.company_id
            # sudo: volunteers and couriers hand orders over; the invoice is
            # the accounts' record, made exactly for this order.
            order_sudo = order.sudo().with_company(company)
            mandate = order_sudo.coop_mandate_id
            invoice = order_sudo._create_invoices(final=True)
            today = fields.Date.context_today(order)
            invoice.write(
                {
                    "invoice_date": today,
                    "invoice_payment_term_id": False,
                    "payment_mode_id": order_sudo._coop_direct_debit_mode(company).id,
                }
            )
            invoice.write(
                {
                    "mandate_id": mandate.id,
                    "invoice_date_due": date_utils.end_of(today, "month"),
                }
            )
            invoice.action_post()
            invoices |= invoice
        return invoices
