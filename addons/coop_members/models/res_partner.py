# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.osv import expression
from odoo.tools.barcode import get_barcode_check_digit


class ResPartner(models.Model):
    """Membership is per company: a network of coops shares one database,
    and a person may be a member of two of them (one partner, a membership
    in each). The membership fields are company-dependent, so that each
    platform reads and searches its own, like Odoo's own card ``barcode``."""

    _inherit = "res.partner"

    coop_member_state = fields.Selection(
        [
            ("candidate", "Candidate"),
            ("active", "Active"),
            ("suspended", "Suspended"),
            ("resigned", "Resigned"),
            ("excluded", "Excluded"),
        ],
        string="Membership",
        company_dependent=True,
        tracking=True,
    )
    coop_member_state_date = fields.Date(
        string="Membership state since", company_dependent=True, tracking=True
    )
    coop_member_state_reason = fields.Char(
        string="Reason of the membership state",
        company_dependent=True,
        tracking=True,
    )
    coop_member_number = fields.Char(
        string="Member number", company_dependent=True, readonly=True
    )
    coop_share_ids = fields.One2many(
        "coop.share.movement",
        "partner_id",
        string="Share register",
        domain=[("state", "=", "confirmed")],
    )
    coop_share_count = fields.Integer(
        string="Shares held", compute="_compute_coop_shares"
    )
    coop_share_amount = fields.Monetary(
        string="Share capital", compute="_compute_coop_shares"
    )

    @api.constrains("coop_member_number")
    def _check_coop_member_number_unique(self):
        """Unique within the company (each coop numbers from 1)."""
        for partner in self.filtered("coop_member_number"):
            if self.search_count(
                [
                    ("id", "!=", partner.id),
                    ("coop_member_number", "=", partner.coop_member_number),
                ],
                limit=1,
            ):
                raise ValidationError(
                    self.env._(
                        "Member number %(number)s is already given to another"
                        " member of %(company)s.",
                        number=partner.coop_member_number,
                        company=self.env.company.name,
                    )
                )

    @api.model
    def _load_pos_data_fields(self, config_id):
        # The till shows the member number and state next to the customer;
        # it leaves out a member's addresses (their type; Odoo loads the
        # parent's name).
        return [
            *super()._load_pos_data_fields(config_id),
            "coop_member_number",
            "coop_member_state",
            "type",
        ]

    @api.model
    def _load_pos_data_domain(self, data):
        """A member's delivery address (the pickup point or home card Odoo
        keeps as her child contact) is no customer of the till: it showed as
        a "Non membre" at her tier."""
        return expression.AND(
            [
                super()._load_pos_data_domain(data),
                self._coop_not_an_address_domain(),
            ]
        )

    @api.model
    def _coop_not_an_address_domain(self):
        return ["|", ("parent_id", "=", False), ("type", "!=", "delivery")]

    @api.depends("coop_share_ids.quantity", "coop_share_ids.amount")
    @api.depends_context("company")
    def _compute_coop_shares(self):
        # One aggregate query for the whole recordset (lists show many
        # partners); the shares held in the current company, as the state.
        totals = {
            partner.id: (quantity, amount)
            for partner, quantity, amount in self.env[
                "coop.share.movement"
            ]._read_group(
                [
                    ("partner_id", "in", self.ids),
                    ("state", "=", "confirmed"),
                    ("company_id", "=", self.env.company.id),
                ],
                ["partner_id"],
                ["quantity:sum", "amount:sum"],
            )
        }
        for partner in self:
            partner.coop_share_count, partner.coop_share_amount = totals.get(
                partner.id, (0, 0.0)
            )

    def _coop_get_holdings(self, share_class):
        """Confirmed shares of ``share_class`` held by this partner."""
        self.ensure_one()
        groups = self.env["coop.share.movement"]._read_group(
            [
                ("partner_id", "=", self.id),
                ("share_class_id", "=", share_class.id),
                ("state", "=", "confirmed"),
            ],
            [],
            ["quantity:sum"],
        )
        return groups[0][0] or 0

    @api.model
    def _coop_holdings_by_class(self, partners):
        """{partner id: {class: quantity}} in the current company, in one
        aggregate query."""
        result = {}
        for partner, share_class, quantity in self.env[
            "coop.share.movement"
        ]._read_group(
            [
                ("partner_id", "in", partners.ids),
                ("state", "=", "confirmed"),
                ("company_id", "=", self.env.company.id),
            ],
            ["partner_id", "share_class_id"],
            ["quantity:sum"],
        ):
            result.setdefault(partner.id, {})[share_class] = quantity
        return result

    def _coop_update_member_state(self, dates=None):
        """Follow the register of the current company: a member holding a
        class minimum is active and gets the company's next number (once,
        never reused); a member with no share left has resigned. Suspended
        and excluded members stay so until staff decide. A new state dates
        from the movement that made it (``dates``: {partner id: date}),
        today without one."""
        holdings = self._coop_holdings_by_class(self)
        for partner in self:
            by_class = holdings.get(partner.id, {})
            is_member = any(
                quantity >= share_class.min_quantity
                for share_class, quantity in by_class.items()
                if quantity > 0
            )
            vals = {}
            if is_member:
                if not partner.coop_member_number:
                    number = self.env["coop.share.movement"]._next_number(
                        "coop.member.number"
                    )
                    vals["coop_member_number"] = number
                    if not partner.barcode:
                        vals["barcode"] = self._coop_card_barcode(number)
                if partner.coop_member_state in (False, "candidate", "resigned"):
                    vals["coop_member_state"] = "active"
            elif not any(by_class.values()):
                if partner.coop_member_state in ("active", "suspended"):
                    vals["coop_member_state"] = "resigned"
            elif not partner.coop_member_state:
                vals["coop_member_state"] = "candidate"
            if vals.get("coop_member_state"):
                vals.update(
                    coop_member_state_date=(dates or {}).get(partner.id)
                    or fields.Date.context_today(self),
                    coop_member_state_reason=False,
                )
            if vals:
                partner.write(vals)

    @api.model
    def _coop_card_barcode(self, number):
        """EAN-13 of the member card: the POS customer prefix 042 of the
        default nomenclature, then the member number, so that scanning the
        card at the till selects the member."""
        digits = "".join(c for c in number if c.isdigit())
        code = f"042{digits.zfill(9)[-9:]}0"
        return code[:-1] + str(get_barcode_check_digit(code))

    # Decisions of the board: the register does not decide these.
    ALLOWED_STATE_CHANGES = {
        "suspended": ("active",),
        "excluded": ("active", "suspended"),
        "active": ("suspended",),
    }

    def _coop_set_member_state(self, state, reason, date=None, force=False):
        """Suspend, exclude or reactivate members, with the reason, tracked.

        ``force`` skips the transition check: an exclusion decided with the
        redemption of all shares applies to a member the register has just
        made "resigned"."""
        if state in ("suspended", "excluded") and not (reason or "").strip():
            raise UserError(
                self.env._("Give the reason of the suspension or exclusion.")
            )
        holdings = self._coop_holdings_by_class(self)
        for partner in self:
            if (
                not force
                and partner.coop_member_state not in self.ALLOWED_STATE_CHANGES[state]
            ):
                raise UserError(
                    self.env._(
                        "%(partner)s is %(current)s: they can't become %(new)s.",
                        partner=partner.display_name,
                        current=partner._coop_state_label(partner.coop_member_state),
                        new=partner._coop_state_label(state),
                    )
                )
            if state == "active" and not any(holdings.get(partner.id, {}).values()):
                raise UserError(
                    self.env._(
                        "%(partner)s holds no share: subscribe shares to make"
                        " them a member again.",
                        partner=partner.display_name,
                    )
                )
        self.write(
            {
                "coop_member_state": state,
                "coop_member_state_date": date or fields.Date.context_today(self),
                "coop_member_state_reason": reason,
            }
        )

    def _coop_state_label(self, state):
        if not state:
            return self.env._("not a member")
        return dict(self._fields["coop_member_state"]._description_selection(self.env))[
            state
        ]
