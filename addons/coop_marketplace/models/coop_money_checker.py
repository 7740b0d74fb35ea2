# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models
from odoo.tools import float_compare


class CoopMoneyChecker(models.AbstractModel):
    _inherit = "coop.money.checker"

    @api.model
    def _checks(self):
        return [
            *super()._checks(),
            self._check_cycle_orders,
            self._check_producer_statements,
            self._check_receipts_billed_once,
        ]

    @api.model
    def _check_receipts_billed_once(self):
        """A producer is billed for what the coop received from her, once:
        on each of her purchase lines billed on receipts, the posted vendor
        bills (statements' and her own, refunds taken off) bill at most the
        received quantity."""
        billed = {}
        for move_type, sign in (("in_invoice", 1), ("in_refund", -1)):
            # sudo: the checker reads every company's money.
            groups = (
                self.env["account.move.line"]
                .sudo()
                ._read_group(
                    [
                        ("purchase_line_id.partner_id.coop_is_producer", "=", True),
                        (
                            "purchase_line_id.product_id.purchase_method",
                            "=",
                            "receive",
                        ),
                        ("move_id.state", "=", "posted"),
                        ("move_id.move_type", "=", move_type),
                        ("display_type", "=", "product"),
                    ],
                    ["purchase_line_id"],
                    ["quantity:sum"],
                )
            )
            for po_line, quantity in groups:
                billed[po_line] = billed.get(po_line, 0.0) + sign * quantity
        problems = []
        for po_line, quantity in billed.items():
            rounding = po_line.product_uom.rounding
            if (
                float_compare(
                    quantity, po_line.qty_received, precision_rounding=rounding
                )
                > 0
            ):
                problems.append(
                    self._problem(
                        "producer billed once",
                        f"{po_line.order_id.name}, {po_line.product_id.display_name}:"
                        f" billed {quantity:g}, received {po_line.qty_received:g}",
                        po_line,
                    )
                )
        return problems

    @api.model
    def _check_cycle_orders(self):
        """What a member paid, less what was given back, is what her order
        owes (goods as delivered at the sale's prices, plus fees), whatever
        the mix of means (sale.order._coop_money): never more (the excess
        goes back at once), and all of it once handed over. A refund never
        gives back more than came in online."""
        problems = []
        # sudo: the checker reads every company's money.
        orders = (
            self.env["sale.order"]
            .sudo()
            .search(
                [("coop_cycle_id", "!=", False), ("state", "in", ("sale", "cancel"))]
            )
        )
        for order in orders:
            money = order._coop_money()
            if money.excess:
                problems.append(
                    self._problem(
                        "order balance",
                        f"{order.name}: paid {sum(money.paid.values()):.2f}"
                        f" {money.paid}, given back {money.given_back:.2f},"
                        f" owes {money.owed:.2f}: {money.excess:.2f} kept too much",
                        order,
                    )
                )
            if order.state == "sale" and order.coop_collected and money.due:
                problems.append(
                    self._problem(
                        "order balance",
                        f"{order.name}: handed over with {money.due:.2f} unpaid",
                        order,
                    )
                )
            refunded = sum(order.coop_refund_ids.mapped("amount"))
            if order.currency_id.compare_amounts(refunded, money.paid["online"]) > 0:
                problems.append(
                    self._problem(
                        "refunds",
                        f"{order.name}: {refunded:.2f} refunded for"
                        f" {money.paid['online']:.2f} paid online",
                        order.coop_refund_ids,
                    )
                )
        return problems

    @api.model
    def _check_producer_statements(self):
        """What the coop owes a farm: an issued statement's vendor bill is
        hers, in the statement's company, and bills exactly the statement's
        net amount before VAT (one bill line per receipt)."""
        problems = []
        # sudo: the checker reads every company's money.
        statements = (
            self.env["coop.producer.statement"]
            .sudo()
            .search([("state", "=", "confirmed")])
        )
        for statement in statements:
            bill = statement.vendor_bill_id
            if (
                not bill
                or bill.partner_id != statement.producer_id
                or bill.company_id != statement.company_id
            ):
                problems.append(
                    self._problem(
                        "producer statement",
                        f"{statement.name}: no bill of its producer and company",
                        statement,
                    )
                )
                continue
            if statement.currency_id.compare_amounts(
                bill.amount_untaxed, statement.amount_net
            ):
                problems.append(
                    self._problem(
                        "producer statement",
                        f"{statement.name}: billed {bill.amount_untaxed:.2f}"
                        f" before VAT, states {statement.amount_net:.2f}",
                        statement,
                    )
                )
        return problems
