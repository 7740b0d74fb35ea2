# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from stdnum.fr import siret

from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResPartner(models.Model):
    _inherit = "res.partner"

    coop_is_producer = fields.Boolean(string="Producer", index=True)
    coop_farm_name = fields.Char(string="Farm name")
    coop_label_ids = fields.Many2many("coop.producer.label", string="Labels")
    coop_distance_km = fields.Float(
        string="Distance (km)", help="From the coop's preparation site."
    )
    coop_producer_description = fields.Text(string="About the farm", translate=True)
    coop_siret = fields.Char(
        string="Farm SIRET", help="14 digits, checked with its keys."
    )
    coop_commission_rate = fields.Float(
        string="Commission (%)",
        default=lambda self: self.env.company.coop_default_commission_rate,
        help="Share of the consumer price kept by the coop: consumer price ="
        " producer price / (1 − commission). A product category may override it.",
    )
    coop_producer_user_ids = fields.One2many(
        "res.users", "coop_producer_id", string="Producer users"
    )
    coop_product_count = fields.Integer(compute="_compute_coop_product_count")

    _sql_constraints = [
        (
            "coop_commission_rate_range",
            "CHECK(coop_commission_rate >= 0 AND coop_commission_rate < 100)",
            "A commission is between 0 % and less than 100 %.",
        ),
    ]

    @api.constrains("coop_siret")
    def _check_coop_siret(self):
        for partner in self.filtered("coop_siret"):
            if not siret.is_valid(partner.coop_siret):
                raise ValidationError(
                    self.env._(
                        "%(siret)s is not a valid SIRET number (14 digits with a"
                        " valid key).",
                        siret=partner.coop_siret,
                    )
                )

    @api.onchange("coop_siret")
    def _onchange_coop_siret(self):
        if self.coop_siret:
            self.coop_siret = siret.compact(self.coop_siret)

    def _compute_coop_product_count(self):
        counts = dict(
            self.env["product.template"]._read_group(
                [("coop_producer_id", "in", self.ids)],
                ["coop_producer_id"],
                ["__count"],
            )
        )
        for partner in self:
            partner.coop_product_count = counts.get(partner, 0)
