# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from dateutil.relativedelta import relativedelta

from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import SQL

# Sign of the quantity for each movement type.
TYPE_SIGNS = {
    "subscription": 1,
    "transfer_in": 1,
    "transfer_out": -1,
    "redemption": -1,
}


class CoopShareMovement(models.Model):
    """One line of the share register.

    French cooperatives keep a register that is never rewritten: a confirmed
    movement can't be written or deleted by anyone, corrections are new
    movements. Numbers are gapless (``no_gap`` sequence) and given at
    confirmation, in confirmation order.
    """

    _name = "coop.share.movement"
    _description = "Share register movement"
    _order = "date desc, id desc"
    _rec_name = "name"

    name = fields.Char(
        string="Number", readonly=True, copy=False, default="/", index=True
    )
    state = fields.Selection(
        [("draft", "Draft"), ("confirmed", "Confirmed")],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
    )
    date = fields.Date(required=True, default=fields.Date.context_today)
    partner_id = fields.Many2one(
        "res.partner", string="Member", required=True, index=True
    )
    share_class_id = fields.Many2one(
        "coop.share.class", string="Share class", required=True, index=True
    )
    company_id = fields.Many2one(related="share_class_id.company_id", store=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    type = fields.Selection(
        [
            ("subscription", "Subscription"),
            ("transfer_in", "Transfer in"),
            ("transfer_out", "Transfer out"),
            ("redemption", "Redemption"),
        ],
        required=True,
    )
    quantity = fields.Integer(
        required=True,
        help="Number of shares: positive for subscriptions and transfers in,"
        " negative for redemptions and transfers out.",
    )
    unit_value = fields.Monetary(
        compute="_compute_unit_value", store=True, readonly=False, precompute=True
    )
    amount = fields.Monetary(compute="_compute_amount", store=True)
    invoice_id = fields.Many2one(
        "account.move",
        readonly=True,
        copy=False,
        index="btree_not_null",
        help="Subscription invoice: the movement enters the register when it is paid.",
    )
    origin = fields.Char(
        help="Invoice, POS order or transfer this movement comes from."
    )
    redemption_reason = fields.Selection(
        [
            ("resignation", "Resignation"),
            ("exclusion", "Exclusion"),
            ("death", "Death"),
            ("other", "Other (partial redemption)"),
        ],
        readonly=True,
        copy=False,
    )
    redemption_move_id = fields.Many2one(
        "account.move",
        string="Redemption entry",
        readonly=True,
        copy=False,
        help="Moves the capital to the account of capital to pay back.",
    )
    payout_due_date = fields.Date(
        string="Pay back from",
        readonly=True,
        copy=False,
        help="The statutory delay of the class ends on this date.",
    )
    payout_payment_id = fields.Many2one(
        "account.payment", string="Pay-back payment", readonly=True, copy=False
    )
    pos_order_line_id = fields.Many2one(
        "pos.order.line",
        string="POS order line",
        readonly=True,
        copy=False,
        index="btree_not_null",
    )
    pos_order_id = fields.Many2one(
        related="pos_order_line_id.order_id", store=True, string="POS order"
    )
    transfer_pair_id = fields.Many2one(
        "coop.share.movement",
        string="Other side of the transfer",
        readonly=True,
        copy=False,
    )

    _sql_constraints = [
        (
            "pos_order_line_uniq",
            "unique(pos_order_line_id)",
            "A share sold at the till enters the register once.",
        ),
    ]

    @api.depends("share_class_id")
    def _compute_unit_value(self):
        for movement in self:
            movement.unit_value = movement.share_class_id.nominal_value

    @api.depends("quantity", "unit_value")
    def _compute_amount(self):
        for movement in self:
            movement.amount = movement.quantity * movement.unit_value

    @api.constrains("type", "quantity")
    def _check_quantity_sign(self):
        for movement in self:
            if movement.quantity * TYPE_SIGNS[movement.type] <= 0:
                raise ValidationError(
                    self.env._(
                        "%(type)s of %(qty)s shares: subscriptions and transfers in"
                        " take a positive number of shares, redemptions and"
                        " transfers out a negative one.",
                        type=dict(
                            self._fields["type"]._description_selection(self.env)
                        )[movement.type],
                        qty=movement.quantity,
                    )
                )

    @api.constrains("partner_id", "share_class_id")
    def _check_partner_allowed_in_class(self):
        for movement in self:
            share_class = movement.share_class_id
            is_company = movement.partner_id.commercial_partner_id.is_company
            if (is_company and not share_class.allow_companies) or (
                not is_company and not share_class.allow_individuals
            ):
                raise ValidationError(
                    self.env._(
                        "%(partner)s can't hold shares of class %(share_class)s:"
                        " this class is for %(who)s only.",
                        partner=movement.partner_id.display_name,
                        share_class=share_class.display_name,
                        who=self.env._("individuals")
                        if share_class.allow_individuals
                        else self.env._("companies"),
                    )
                )

    # ------------------------------------------------------------------
    # The register is never rewritten
    # ------------------------------------------------------------------

    # Links to what happened after the register entry (the pay-back of a
    # redemption): they complete the movement without rewriting it.
    _WRITABLE_WHEN_CONFIRMED = ("payout_payment_id",)

    def write(self, vals):
        if self.filtered(lambda m: m.state == "confirmed") and not set(vals) <= set(
            self._WRITABLE_WHEN_CONFIRMED
        ):
            raise UserError(
                self.env._(
                    "A confirmed register movement can't be changed. Record a"
                    " correcting movement instead."
                )
            )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_confirmed(self):
        if self.filtered(lambda m: m.state == "confirmed"):
            raise UserError(
                self.env._(
                    "A confirmed register movement can't be deleted. Record a"
                    " correcting movement instead."
                )
            )

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    @api.model
    def _create_subscription(self, partner, share_class, quantity, date, **values):
        """A subscription of ``quantity`` shares, the one path of the back
        office (invoiced, entered in the register at payment) and of the till
        (paid, entered at once): what the register would refuse (class,
        maximum held) is refused now, before anything else is written."""
        movement = self.create(
            {
                "partner_id": partner.id,
                "share_class_id": share_class.id,
                "type": "subscription",
                "quantity": quantity,
                "date": date,
                **values,
            }
        )
        movement._check_holdings_after()
        return movement

    def action_confirm(self):
        """Enter the movements in the register, in order, all or none."""
        if not self.env.user.has_group("coop_members.coop_member_group_manager"):
            raise AccessError(
                self.env._("Only members managers can confirm register movements.")
            )
        if self.filtered(lambda m: m.state != "draft"):
            raise UserError(self.env._("Only draft movements can be confirmed."))
        return self._confirm()

    def _confirm(self):
        """Check and number the movements, in order, then update the members."""
        for movement in self.sorted(lambda m: (m.date, m.id)):
            movement = movement.with_company(movement.company_id)
            movement._check_holdings_after()
            # super().write: confirming is the one write allowed, and it is
            # what turns the movement read-only.
            super(CoopShareMovement, movement).write(
                {
                    "state": "confirmed",
                    "name": movement._next_number("coop.share.movement"),
                }
            )
        for company in self.company_id:
            movements = self.filtered(lambda m, c=company: m.company_id == c)
            dates = {}
            for movement in movements:
                partner_id = movement.partner_id.id
                dates[partner_id] = max(
                    movement.date, dates.get(partner_id, movement.date)
                )
            movements.partner_id.with_company(company)._coop_update_member_state(dates)
        return True

    @api.model
    def _next_number(self, code):
        """Next number of the current company's own sequence ``code`` (the
        register and the member numbers): each coop of a network numbers
        from 1. A company's sequence is made from the shipped one the first
        time it is needed; the shipped one belongs to the first company."""
        company = self.env.company
        # sudo: sequences are configuration; numbering is part of confirming.
        Sequence = self.env["ir.sequence"].sudo()
        # One lookup per number (the register confirms thousands at once).
        sequence = Sequence.search(
            [("code", "=", code), ("company_id", "=", company.id)], limit=1
        )
        if not sequence:
            template = Sequence.search(
                [("code", "=", code)], order="company_id, id", limit=1
            )
            sequence = template.copy(
                {
                    "company_id": company.id,
                    "number_next": 1,
                    "name": f"{template.name} ({company.name})",
                }
            )
        return sequence._next()

    def _check_holdings_after(self):
        """Holdings never go negative, never above the class maximum."""
        self.ensure_one()
        held = self.partner_id._coop_get_holdings(self.share_class_id)
        after = held + self.quantity
        share_class = self.share_class_id
        if after < 0:
            raise ValidationError(
                self.env._(
                    "%(partner)s holds %(held)s shares of class %(share_class)s:"
                    " %(qty)s can't be taken out.",
                    partner=self.partner_id.display_name,
                    held=held,
                    share_class=share_class.display_name,
                    qty=-self.quantity,
                )
            )
        if share_class.max_quantity and after > share_class.max_quantity:
            raise ValidationError(
                self.env._(
                    "A member may hold at most %(max)s shares of class"
                    " %(share_class)s; %(partner)s would hold %(after)s.",
                    max=share_class.max_quantity,
                    share_class=share_class.display_name,
                    partner=self.partner_id.display_name,
                    after=after,
                )
            )

    @api.model
    def _create_transfer(self, from_partner, to_partner, share_class, quantity):
        """Transfer shares: a linked pair of movements, confirmed together."""
        if from_partner.commercial_partner_id == to_partner.commercial_partner_id:
            raise ValidationError(
                self.env._("Shares can't be transferred to their own holder.")
            )
        if quantity <= 0:
            raise ValidationError(self.env._("A transfer moves at least one share."))
        out, in_ = self.create(
            [
                {
                    "partner_id": from_partner.id,
                    "share_class_id": share_class.id,
                    "type": "transfer_out",
                    "quantity": -quantity,
                },
                {
                    "partner_id": to_partner.id,
                    "share_class_id": share_class.id,
                    "type": "transfer_in",
                    "quantity": quantity,
                },
            ]
        )
        out.transfer_pair_id, in_.transfer_pair_id = in_, out
        out.origin = in_.origin = self.env._(
            "Transfer %(from)s → %(to)s",
            **{"from": from_partner.display_name, "to": to_partner.display_name},
        )
        (out | in_).action_confirm()
        return out | in_

    @api.model
    def _create_redemption(self, partner, share_class, quantity, reason, date):
        """Redeem shares at nominal value: the register entry and the entry that
        moves the capital to "capital to pay back", both or none."""
        if quantity <= 0:
            raise ValidationError(self.env._("A redemption takes at least one share."))
        if not share_class.account_id or not share_class.redemption_account_id:
            raise UserError(
                self.env._(
                    "Set the capital account and the account of capital to pay"
                    " back of class %(share_class)s first.",
                    share_class=share_class.display_name,
                )
            )
        movement = self.create(
            {
                "partner_id": partner.id,
                "share_class_id": share_class.id,
                "type": "redemption",
                "quantity": -quantity,
                "date": date,
                "redemption_reason": reason,
                "payout_due_date": date
                + relativedelta(months=share_class.redemption_delay_months),
            }
        )
        # Refuse before any accounting is written.
        movement._check_holdings_after()
        movement.origin = dict(
            self._fields["redemption_reason"]._description_selection(self.env)
        )[reason]
        movement.redemption_move_id = movement._create_redemption_move()
        movement.action_confirm()
        return movement

    def _create_redemption_move(self):
        self.ensure_one()
        amount = -self.amount
        label = self.env._(
            "Redemption of %(qty)s shares of class %(share_class)s",
            qty=-self.quantity,
            share_class=self.share_class_id.display_name,
        )
        move = self.env["account.move"].create(
            {
                "move_type": "entry",
                "date": self.date,
                "ref": label,
                "journal_id": self.env["account.journal"]
                .search(
                    [
                        *self.env["account.journal"]._check_company_domain(
                            self.company_id
                        ),
                        ("type", "=", "general"),
                    ],
                    limit=1,
                )
                .id,
                "line_ids": [
                    Command.create(
                        {
                            "name": label,
                            "account_id": self.share_class_id.account_id.id,
                            "partner_id": self.partner_id.id,
                            "debit": amount,
                        }
                    ),
                    Command.create(
                        {
                            "name": label,
                            "account_id": self.share_class_id.redemption_account_id.id,
                            "partner_id": self.partner_id.id,
                            "credit": amount,
                            "date_maturity": self.payout_due_date,
                        }
                    ),
                ],
            }
        )
        move.action_post()
        return move

    def action_pay_back(self):
        """Pay the redeemed capital back to the (former) member."""
        self.ensure_one()
        if not self.env.user.has_group("coop_members.coop_member_group_manager"):
            raise AccessError(
                self.env._("Only members managers can pay back redeemed shares.")
            )
        if self.type != "redemption" or self.state != "confirmed":
            raise UserError(self.env._("Only confirmed redemptions are paid back."))
        if self.payout_payment_id:
            raise UserError(
                self.env._(
                    "%(movement)s has already been paid back.", movement=self.name
                )
            )
        today = fields.Date.context_today(self)
        if self.payout_due_date and today < self.payout_due_date:
            raise UserError(
                self.env._(
                    "The statutory delay runs until %(date)s: these shares can't"
                    " be paid back before.",
                    date=self.payout_due_date,
                )
            )
        journal = self.env["account.journal"].search(
            [
                *self.env["account.journal"]._check_company_domain(self.company_id),
                ("type", "=", "bank"),
            ],
            limit=1,
        )
        payable_line = self.redemption_move_id.line_ids.filtered(
            lambda line: line.account_id == self.share_class_id.redemption_account_id
        )
        payment = self.env["account.payment"].create(
            {
                "payment_type": "outbound",
                "partner_type": "supplier",
                "partner_id": self.partner_id.id,
                "amount": -self.amount,
                "date": today,
                "journal_id": journal.id,
                "destination_account_id": payable_line.account_id.id,
                "memo": self.env._(
                    "Pay-back of shares %(movement)s", movement=self.name
                ),
            }
        )
        payment.action_post()
        (
            payment.move_id.line_ids.filtered(
                lambda line: line.account_id == payable_line.account_id
            )
            | payable_line
        ).reconcile()
        self.payout_payment_id = payment
        return {
            "type": "ir.actions.act_window",
            "res_model": "account.payment",
            "res_id": payment.id,
            "view_mode": "form",
        }

    # ------------------------------------------------------------------
    # Register report and export
    # ------------------------------------------------------------------

    @api.model
    def _register_rows(self, date_from=None, date_to=None):
        """Confirmed movements of the allowed companies, in register order, as
        dicts: one query whatever the size of the register."""
        self.check_access("read")
        conditions = [
            SQL("m.state = 'confirmed'"),
            SQL("m.company_id = ANY(%s)", self.env.companies.ids),
        ]
        if date_from:
            conditions.append(SQL("m.date >= %s", date_from))
        if date_to:
            conditions.append(SQL("m.date <= %s", date_to))
        self.env.cr.execute(
            SQL(
                """
                SELECT m.name, m.date, m.type, m.quantity, m.unit_value, m.amount,
                       m.origin, p.name AS partner_name,
                       p.coop_member_number->>m.company_id::text AS member_number,
                       c.code AS class_code
                  FROM coop_share_movement m
                  JOIN res_partner p ON p.id = m.partner_id
                  JOIN coop_share_class c ON c.id = m.share_class_id
                 WHERE %s
              ORDER BY m.company_id, m.name
                """,
                SQL(" AND ").join(conditions),
            )
        )
        # Fetch before anything else runs a query on the cursor: the labels
        # below may load translations (first call), which replaced the rows
        # with their own result: the register's first print was empty.
        rows = self.env.cr.dictfetchall()
        type_labels = dict(self._fields["type"]._description_selection(self.env))
        for row in rows:
            row["type_label"] = type_labels[row["type"]]
            row["member_number"] = row["member_number"] or ""
            row["origin"] = row["origin"] or ""
        return rows

    @api.model
    def _register_totals(self, rows):
        totals = {}
        for row in rows:
            total = totals.setdefault(
                row["class_code"],
                {"class_code": row["class_code"], "quantity": 0, "amount": 0.0},
            )
            total["quantity"] += row["quantity"]
            total["amount"] += row["amount"]
        return [totals[code] for code in sorted(totals)]
