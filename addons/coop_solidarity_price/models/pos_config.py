# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

# What the till reads of the tiers while it loads (the partners' tier label
# and allowance, the pricelists): fetched with the tiers in one query.
POS_TIER_FIELDS = [
    "company_id",
    "is_reference",
    "is_discount",
    "display_label",
    "monthly_cap",
    "pricelist_id",
]


class PosConfig(models.Model):
    _inherit = "pos.config"

    coop_reference_pricelist_id = fields.Many2one(
        "product.pricelist",
        compute="_compute_coop_tier_pricelists",
        help="Pricelist of the reference tier: the till switches an order to it"
        " once the member's monthly allowance is used up.",
    )
    coop_tier_pricelist_ids = fields.Many2many(
        "product.pricelist",
        string="Tier pricelists",
        compute="_compute_coop_tier_pricelists",
        # The pricelists' own domain at loading drops archived ones: no read
        # of their "active" here.
        context={"active_test": False},
        help="Pricelists of the company's tiers: every till knows them, whatever"
        " its pricelist settings, so that selecting a member applies their tier.",
    )

    def _compute_coop_tier_pricelists(self):
        # The till loads its configuration first: the tiers read here stay in
        # the cache for the pricelists and the partners loaded after it.
        # sudo: the cashier prices with the tiers without reading them.
        Tier = self.env["coop.price.tier"].sudo()
        for config in self:
            tiers = Tier.search_fetch(
                [("company_id", "=", config.company_id.id)], POS_TIER_FIELDS
            )
            config.coop_reference_pricelist_id = Tier._get_reference_tier(
                config.company_id
            ).pricelist_id
            config.coop_tier_pricelist_ids = tiers.pricelist_id
