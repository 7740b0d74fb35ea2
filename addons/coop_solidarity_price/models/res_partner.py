# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError
from odoo.tools import SQL

TIER_GROUPS = (
    "coop_solidarity_price.group_solidarity_officer,"
    "coop_members.coop_member_group_manager"
)


class ResPartner(models.Model):
    _inherit = "res.partner"

    coop_price_tier_id = fields.Many2one(
        "coop.price.tier",
        string="Price tier",
        tracking=True,
        copy=False,
        index="btree_not_null",
        groups=TIER_GROUPS,
        help="Decided by the solidarity officers. Expiry or a membership that is"
        " not active brings the reference tier back.",
    )
    coop_tier_valid_until = fields.Date(
        string="Tier valid until", tracking=True, copy=False, groups=TIER_GROUPS
    )
    coop_tier_evidence_ids = fields.One2many(
        "coop.tier.evidence",
        "partner_id",
        string="Tier evidence",
        groups="coop_solidarity_price.group_solidarity_officer",
    )
    # What the till may know: the neutral label and the allowance left.
    coop_tier_label = fields.Char(
        string="Price",
        compute="_compute_coop_tier_info",
        compute_sudo=True,
    )
    coop_cap_remaining = fields.Float(
        string="Allowance left this month",
        compute="_compute_coop_tier_info",
        compute_sudo=True,
        help="Solidarity advantage the member may still use this month; -1"
        " when the tier has no cap.",
    )

    @api.model
    def _load_pos_data_fields(self, config_id):
        return [
            *super()._load_pos_data_fields(config_id),
            "coop_tier_label",
            "coop_cap_remaining",
        ]

    def _compute_coop_tier_info(self):
        # Both fields in one pass: the till loads them for every partner it
        # shows. Partners who never had a tier (most customers) cost nothing
        # more; for the others the effective tiers are resolved once and the
        # month's usage is summed in one query, only for capped tiers.
        with_tier = self.filtered(lambda p: p.commercial_partner_id.coop_price_tier_id)
        for partner in self - with_tier:
            partner.coop_tier_label = False
            partner.coop_cap_remaining = -1
        if not with_tier:
            return
        date = fields.Date.context_today(self)
        tiers = {
            partner: partner.commercial_partner_id._coop_effective_tier(date=date)
            for partner in with_tier
        }
        capped = self.browse(
            [
                partner.id
                for partner, tier in tiers.items()
                if tier._monthly_cap_applies()
            ]
        )
        used = capped.commercial_partner_id._coop_advantage_used() if capped else {}
        for partner, tier in tiers.items():
            partner.coop_tier_label = tier.display_label if tier else False
            left = (
                tier._monthly_cap_left(used.get(partner.commercial_partner_id.id, 0.0))
                if tier
                else None
            )
            partner.coop_cap_remaining = -1 if left is None else left

    # ------------------------------------------------------------------
    # Which tier applies
    # ------------------------------------------------------------------

    def _coop_effective_tier(self, date=None):
        """The tier that prices this member today: theirs while valid and
        while they are an active member, else the reference tier. With the
        fund policy on, discounted tiers pause while the fund is negative."""
        self.ensure_one()
        date = date or fields.Date.context_today(self)
        tier = self.sudo().coop_price_tier_id
        company = tier.company_id or self.env.company
        # The membership that counts is the one in the tier's coop.
        partner = self.sudo().with_company(company)
        reference = self.env["coop.price.tier"].sudo()._get_reference_tier(company)
        if (
            not tier
            or partner.coop_member_state != "active"
            or (partner.coop_tier_valid_until and partner.coop_tier_valid_until < date)
        ):
            return reference
        if (
            tier.is_discount
            and company.coop_fund_suspend_when_negative
            and company.coop_fund_discounts_paused
        ):
            return reference
        return tier

    def _coop_apply_price_tier(self):
        """The partner's pricelist follows the effective tier, in the tier's
        company (the pricelist is a company-dependent property: a cron run as
        another company's user must not set it there); open carts and draft
        orders follow the pricelist."""
        changed = self.browse()
        Tier = self.env["coop.price.tier"].with_context(active_test=False)
        for partner in self:
            tier_company = partner.sudo().coop_price_tier_id.company_id
            if tier_company:
                partner = partner.with_company(tier_company)
            current = partner.sudo().property_product_pricelist
            if not partner.sudo().coop_price_tier_id and not Tier._get_pricelist_tier(
                current
            ):
                continue  # never had a tier: their pricelist is not ours to set
            tier = partner._coop_effective_tier()
            pricelist = tier.pricelist_id
            if pricelist and current != pricelist:
                # sudo: officers decide tiers, not pricelists; the pricelist is
                # the one the tier generated.
                partner.sudo().property_product_pricelist = pricelist
                changed |= partner
        if changed:
            changed._coop_reprice_open_orders()
        return changed

    def _coop_reprice_open_orders(self):
        # sudo: repricing the member's own draft orders and carts, wherever
        # they were started (shop, backend), is part of the tier decision.
        orders = (
            self.env["sale.order"]
            .sudo()
            .search([("partner_id", "in", self.ids), ("state", "=", "draft")])
        )
        for order in orders:
            pricelist = order.partner_id.with_company(
                order.company_id
            ).property_product_pricelist
            if order.pricelist_id != pricelist:
                order.pricelist_id = pricelist
                order._recompute_prices()

    def write(self, vals):
        res = super().write(vals)
        if {
            "coop_price_tier_id",
            "coop_tier_valid_until",
            "coop_member_state",
        } & set(vals):
            self._coop_apply_price_tier()
        return res

    def action_coop_end_price_tier(self):
        """End the member's tier now: the reference tier applies."""
        if not self.env.user.has_group(
            "coop_solidarity_price.group_solidarity_officer"
        ):
            raise AccessError(self.env._("Only solidarity officers end price tiers."))
        # sudo: officers decide tiers without editing contacts in general;
        # only the tier fields are written.
        self.commercial_partner_id.sudo().write(
            {"coop_price_tier_id": False, "coop_tier_valid_until": False}
        )
        return True

    @api.model
    def _cron_coop_price_tiers(self):
        """Daily: expired tiers give way to the reference tier; officers are
        reminded a month before a tier ends."""
        today = fields.Date.context_today(self)
        Partner = self.sudo()
        expired = Partner.search(
            [
                ("coop_price_tier_id", "!=", False),
                ("coop_tier_valid_until", "<", today),
            ]
        )
        expired._coop_apply_price_tier()
        soon = Partner.search(
            [
                ("coop_price_tier_id", "!=", False),
                ("coop_tier_valid_until", "=", today + relativedelta(months=1)),
            ]
        )
        soon._coop_remind_officers()

    def _coop_remind_officers(self):
        officers = (
            self.env.ref("coop_solidarity_price.group_solidarity_officer")
            .sudo()
            .users.filtered(lambda u: not u.share)
        )
        activity_type = self.env.ref("mail.mail_activity_data_todo")
        for partner in self:
            for officer in officers[:1]:
                partner.activity_schedule(
                    activity_type_id=activity_type.id,
                    summary=self.env._("Price tier to renew"),
                    note=self.env._(
                        "The price tier of %(partner)s ends on %(date)s.",
                        partner=partner.display_name,
                        date=partner.coop_tier_valid_until,
                    ),
                    user_id=officer.id,
                    date_deadline=partner.coop_tier_valid_until,
                )

    # ------------------------------------------------------------------
    # Monthly cap
    # ------------------------------------------------------------------

    def _coop_advantage_used(self, date=None):
        """{commercial partner id: advantage used in the month of ``date``},
        in one aggregate query over the fund ledger: the members' advantages
        (taxes included) of sales, less those of the goods returned (quantity
        and advantage of the same sign), with the corrections of goods
        weighed after the sale (no quantity: they follow their sale);
        supportive tiers' contributions don't count."""
        if not self:
            return {}
        date = date or fields.Date.context_today(self)
        month_start = date.replace(day=1)
        next_month = month_start + relativedelta(months=1)
        self.env["coop.solidarity.entry"].flush_model()
        self.env.cr.execute(
            SQL(
                """
                SELECT entry.partner_id, SUM(entry.member_advantage)
                  FROM coop_solidarity_entry entry
             LEFT JOIN coop_solidarity_entry sale
                    ON sale.id = entry.origin_entry_id
                 WHERE entry.partner_id = ANY(%s)
                   AND entry.entry_type = 'sale'
                   AND (
                        entry.member_advantage * entry.quantity > 0
                        OR (
                            entry.quantity = 0
                            AND sale.member_advantage * sale.quantity > 0
                        )
                   )
                   AND entry.date >= %s AND entry.date < %s
              GROUP BY entry.partner_id
                """,
                self.ids,
                month_start,
                next_month,
            )
        )
        return dict(self.env.cr.fetchall())
