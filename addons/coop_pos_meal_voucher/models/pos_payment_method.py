# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class PosPaymentMethod(models.Model):
    _inherit = "pos.payment.method"

    coop_meal_voucher = fields.Boolean(
        string="Titres-restaurant",
        help="Paper or card titres-restaurant: they pay the eligible food of"
        " an order, up to the daily limit, and never give change. Give the"
        " method its own journal and outstanding account (e.g. 511500"
        ' "Titres-restaurant à encaisser"): the issuer pays the coop later.',
    )

    @api.constrains("coop_meal_voucher", "journal_id")
    def _check_coop_meal_voucher_not_cash(self):
        for method in self:
            if method.coop_meal_voucher and method.is_cash_count:
                raise ValidationError(
                    self.env._(
                        "Titres-restaurant give no change: their payment"
                        " method can't use a cash journal."
                    )
                )

    @api.model
    def _load_pos_data_fields(self, config_id):
        return [*super()._load_pos_data_fields(config_id), "coop_meal_voucher"]
