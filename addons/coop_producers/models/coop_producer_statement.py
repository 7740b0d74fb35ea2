# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict
from datetime import datetime, time, timedelta

from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError


class CoopProducerStatement(models.Model):
    """What the coop owes a producer for a period.

    Lines are the receipts (done incoming moves of the producer's purchase
    orders, returns negative) not yet on another statement: each received
    move is paid once. Amounts per line: net = quantity × producer price (the
    purchase order price: what the producer is paid); sales value = net /
    (1 − commission), the consumer price excluding taxes; commission = sales
    value − net. The producer price already leaves the commission out of the
    consumer price, so the net is not reduced again. Confirming issues one
    posted vendor bill for the net amount, linked to the purchase lines."""

    _name = "coop.producer.statement"
    _description = "Producer statement"
    _inherit = ["mail.thread"]
    _order = "date_to desc, id desc"

    name = fields.Char(readonly=True, copy=False, default="/")
    producer_id = fields.Many2one(
        "res.partner",
        required=True,
        domain=[("coop_is_producer", "=", True)],
        tracking=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    date_from = fields.Date(required=True)
    date_to = fields.Date(required=True)
    state = fields.Selection(
        [("draft", "Draft"), ("confirmed", "Issued")],
        default="draft",
        required=True,
        tracking=True,
    )
    line_ids = fields.One2many(
        "coop.producer.statement.line", "statement_id", string="Lines"
    )
    amount_sales = fields.Monetary(
        string="Sales value", compute="_compute_amounts", store=True
    )
    amount_commission = fields.Monetary(
        string="Commission", compute="_compute_amounts", store=True
    )
    amount_net = fields.Monetary(
        string="Net amount", compute="_compute_amounts", store=True
    )
    vendor_bill_id = fields.Many2one(
        "account.move", readonly=True, copy=False, string="Vendor bill"
    )
    # The VAT on the net amount, as the vendor bill charges it (the
    # producer's regime: res.partner._coop_purchase_taxes).
    amount_tax = fields.Monetary(string="VAT", compute="_compute_amount_tax")
    amount_total = fields.Monetary(string="Total to pay", compute="_compute_amount_tax")
    vat_mention = fields.Char(string="VAT mention", compute="_compute_vat_mention")

    _sql_constraints = [
        (
            "period_check",
            "CHECK(date_from <= date_to)",
            "A statement period must end after it starts.",
        ),
    ]

    @api.depends("line_ids.amount_sales", "line_ids.amount_net")
    def _compute_amounts(self):
        for statement in self:
            statement.amount_sales = sum(statement.line_ids.mapped("amount_sales"))
            statement.amount_net = sum(statement.line_ids.mapped("amount_net"))
            statement.amount_commission = statement.amount_sales - statement.amount_net

    @api.depends(
        "line_ids.quantity",
        "line_ids.price_unit",
        "line_ids.purchase_line_id.taxes_id",
        "vendor_bill_id.amount_tax",
    )
    def _compute_amount_tax(self):
        for statement in self:
            if statement.vendor_bill_id:
                statement.amount_tax = statement.vendor_bill_id.amount_tax
            else:
                # The bill's lines, each taxed as the bill will.
                statement.amount_tax = sum(
                    sum(
                        tax["amount"]
                        for tax in line.purchase_line_id.taxes_id.compute_all(
                            line.price_unit,
                            currency=statement.currency_id,
                            quantity=line.quantity,
                            product=line.product_id,
                            partner=statement.producer_id,
                        )["taxes"]
                    )
                    for line in statement.line_ids
                )
            statement.amount_total = statement.amount_net + statement.amount_tax

    @api.depends("producer_id.coop_vat_regime")
    @api.depends_context("lang")
    def _compute_vat_mention(self):
        for statement in self:
            statement.vat_mention = (
                statement.producer_id._coop_vat_mention()
                if statement.producer_id
                else ""
            )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = self.env["ir.sequence"].next_by_code(
                    "coop.producer.statement"
                )
        return super().create(vals_list)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_issued(self):
        if any(statement.state != "draft" for statement in self):
            raise UserError(self.env._("An issued statement can't be deleted."))

    # ------------------------------------------------------------------
    # Lines
    # ------------------------------------------------------------------

    @api.model
    def _generate(self, date_from, date_to, producers=None):
        """Draft statements of the period, one per producer with receipts not
        yet on a statement (``producers``: all producers by default)."""
        if date_from > date_to:
            raise UserError(self.env._("A statement period must end after it starts."))
        moves = self._moves_to_state(date_from, date_to, producers)
        by_producer = defaultdict(lambda: self.env["stock.move"])
        for move in moves:
            by_producer[move.purchase_line_id.partner_id.commercial_partner_id] |= move
        statements = self.create(
            [
                {
                    "producer_id": producer.id,
                    "date_from": date_from,
                    "date_to": date_to,
                }
                for producer in sorted(by_producer, key=lambda p: p.id)
            ]
        )
        for statement in statements:
            statement._add_lines(by_producer[statement.producer_id])
        return statements

    def action_compute_lines(self):
        """Add the producer's receipts of the period not yet on a statement."""
        for statement in self:
            if statement.state != "draft":
                raise UserError(self.env._("Only a draft statement can change."))
            statement._add_lines(
                self._moves_to_state(
                    statement.date_from, statement.date_to, statement.producer_id
                )
            )
        return True

    def _moves_to_state(self, date_from, date_to, producers=None):
        domain = [
            ("state", "=", "done"),
            ("purchase_line_id", "!=", False),
            ("company_id", "=", (self.company_id or self.env.company).id),
            ("date", ">=", datetime.combine(date_from, time.min)),
            ("date", "<", datetime.combine(date_to + timedelta(days=1), time.min)),
            ("coop_statement_line_ids", "=", False),
        ]
        if producers is None:
            domain.append(("purchase_line_id.partner_id.coop_is_producer", "=", True))
        else:
            domain.append(
                (
                    "purchase_line_id.partner_id.commercial_partner_id",
                    "in",
                    producers.ids,
                )
            )
        moves = self.env["stock.move"].search(domain, order="date, id")
        return moves - moves._coop_billed_apart()

    def _add_lines(self, moves):
        self.ensure_one()
        values = []
        for move in moves:
            line = move.purchase_line_id
            quantity = move.product_uom._compute_quantity(
                move.quantity, line.product_uom
            )
            if move.location_dest_id.usage == "supplier":
                quantity = -quantity
            rate = move.product_id.product_tmpl_id.coop_commission_rate
            net = self.currency_id.round(quantity * line.price_unit)
            values.append(
                {
                    "statement_id": self.id,
                    "move_id": move.id,
                    "purchase_line_id": line.id,
                    "product_id": move.product_id.id,
                    "date": move.date,
                    "quantity": quantity,
                    "price_unit": line.price_unit,
                    "commission_rate": rate,
                    "amount_net": net,
                    "amount_sales": self.currency_id.round(net / (1 - rate / 100)),
                }
            )
        return self.env["coop.producer.statement.line"].create(values)

    # ------------------------------------------------------------------
    # Issue
    # ------------------------------------------------------------------

    def action_confirm(self):
        """Issue the statement: one posted vendor bill for the net amount."""
        if not self.env.su and not self.env.user.has_group(
            "account.group_account_invoice"
        ):
            raise AccessError(
                self.env._(
                    "Issuing a statement posts a vendor bill: billing rights needed."
                )
            )
        for statement in self:
            if statement.state != "draft":
                raise UserError(
                    self.env._(
                        "Statement %(name)s is already issued.", name=statement.name
                    )
                )
            if not statement.line_ids:
                raise UserError(
                    self.env._(
                        "Statement %(name)s has no receipts: nothing to pay.",
                        name=statement.name,
                    )
                )
            if statement.amount_net < 0:
                raise UserError(
                    self.env._(
                        "Statement %(name)s is negative (more returns than"
                        " receipts): settle it with a refund from the producer.",
                        name=statement.name,
                    )
                )
            # In the statement's company, whichever company the user is in:
            # its journals, accounts and taxes.
            bill = (
                self.env["account.move"]
                .with_company(statement.company_id)
                .create(statement._bill_values())
            )
            if statement.currency_id.compare_amounts(
                bill.amount_untaxed, statement.amount_net
            ):
                # The bill pays what the statement states, to the cent.
                raise UserError(
                    self.env._(
                        "The vendor bill of %(name)s (%(bill)s excl. taxes) does"
                        " not match the statement's net amount (%(net)s).",
                        name=statement.name,
                        bill=bill.amount_untaxed,
                        net=statement.amount_net,
                    )
                )
            bill.action_post()
            statement.write({"state": "confirmed", "vendor_bill_id": bill.id})
        return True

    def _bill_values(self):
        """One bill line per receipt: each line's subtotal is the statement
        line's net to the cent (one line per purchase line would round the
        summed weights once, and differ by cents)."""
        self.ensure_one()
        invoice_lines = []
        for line in self.line_ids.filtered("quantity").sorted("id"):
            po_line = line.purchase_line_id
            vals = po_line._prepare_account_move_line()
            vals["quantity"] = line.quantity
            invoice_lines.append(Command.create(vals))
        return {
            "move_type": "in_invoice",
            "partner_id": self.producer_id.id,
            "company_id": self.company_id.id,
            "currency_id": self.currency_id.id,
            "invoice_date": self.date_to,
            "ref": self.name,
            "invoice_origin": self.name,
            "invoice_line_ids": invoice_lines,
            # The VAT regime's legal mention, in the producer's language.
            "narration": self.producer_id.with_context(
                lang=self.producer_id.lang
            )._coop_vat_mention()
            or False,
        }

    def action_view_vendor_bill(self):
        self.ensure_one()
        action = {
            "type": "ir.actions.act_window",
            "res_model": "account.move",
            "res_id": self.vendor_bill_id.id,
            "view_mode": "form",
        }
        if not self.env.user.has_group("account.group_account_invoice"):
            # Producers read their bill in their own form (Odoo's computes
            # journals they can't read).
            view = self.env.ref("coop_producers.account_move_view_form_producer")
            action["views"] = [(view.id, "form")]
        return action

    @api.constrains("producer_id", "line_ids")
    def _check_lines_producer(self):
        for statement in self:
            others = (
                statement.line_ids.purchase_line_id.partner_id.commercial_partner_id
            )
            if others - statement.producer_id:
                raise ValidationError(
                    self.env._("A statement only holds its producer's receipts.")
                )
