# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class SaleOrder(models.Model):
    _inherit = "sale.order"

    def _compute_type_name(self):
        """An online top-up of the prepaid account is a "top-up", not a
        quotation."""
        res = super()._compute_type_name()
        for order in self.filtered(lambda o: o._coop_is_top_up()):
            order.type_name = self.env._("Top-up")
        return res

    def _coop_is_top_up(self):
        """This order tops up the member's prepaid account (its quotation
        made by ``loyalty.program._coop_top_up_order``)."""
        self.ensure_one()
        return any(
            line.product_id.coop_money_kind == "top_up" for line in self.order_line
        )

    def _coop_money_kind_total(self, kind):
        self.ensure_one()
        return sum(
            self.order_line.filtered(
                lambda line: line.product_id.coop_money_kind == kind
            ).mapped("price_total")
        )

    def _coop_top_up_amount(self):
        return self._coop_money_kind_total("top_up")

    def _coop_donation_amount(self):
        return self._coop_money_kind_total("donation")

    def _send_order_confirmation_mail(self):
        """An online top-up is confirmed by a short message of the coop (the
        amount on the account, the gift to the fund), in the member's
        language, not by Odoo's quotation e-mail: its PDF's rendering
        (wkhtmltopdf, about 3 s) held the member's payment."""
        top_ups = self.filtered(lambda order: order._coop_is_top_up())
        for order in top_ups:
            order.with_context(lang=order.partner_id.lang)._coop_message_post(
                "coop_wallet.message_top_up_confirmed",
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
                partner_ids=order.partner_id.ids,
            )
        return super(SaleOrder, self - top_ups)._send_order_confirmation_mail()

    def action_confirm(self):
        res = super().action_confirm()
        for order in self:
            order._coop_record_donations()
        return res

    def _coop_record_donations(self):
        """A donation given with an online top-up enters the fund as a
        donation of the member."""
        self.ensure_one()
        # sudo: a member's confirmed order feeds the fund, whoever confirms.
        Entry = self.env["coop.solidarity.entry"].sudo()
        return Entry._coop_record_donations(
            self,
            self.order_line,
            "sale_order_line_id",
            fields.Date.context_today(self),
            Entry._coop_lang_env(self.company_id)._(
                "Donation online: %(order)s", order=self.name
            ),
        )
