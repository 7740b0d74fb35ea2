# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import logging

from odoo import api, fields, models

_logger = logging.getLogger(__name__)


class PosOrder(models.Model):
    _inherit = "pos.order"

    coop_shift_issue = fields.Text(
        string="Sale to a member who may not shop",
        readonly=True,
        copy=False,
        help="The till sold goods to a member whose shifts suspend her"
        " shopping. The sale is kept (a paid sale is never lost): the"
        " shifts office follows it up.",
    )

    @api.model
    def _process_order(self, order, existing_order):
        # The server's flag, never the till's.
        order.pop("coop_shift_issue", None)
        return super()._process_order(order, existing_order)

    def _process_saved_order(self, draft):
        order_id = super()._process_saved_order(draft)
        if not draft and self.state in ("paid", "done", "invoiced"):
            self._coop_check_shift_state()
        return order_id

    def _coop_check_shift_state(self):
        """Flag a paid sale of goods to a member who may not shop (the till
        warned, or a manager let it through): checked on the server, as the
        customer's state is, not as the till says."""
        self.ensure_one()
        partner = self.partner_id
        if not partner or not self.config_id.coop_member_till:
            return
        # Her state first: a column of her contact, read with the order; the
        # share classes only for the rare member who may not shop.
        person = partner.with_company(self.company_id)
        if person.coop_can_shop:
            return
        classes = self.env["coop.share.class"].sudo()._by_product(self.lines.product_id)
        if not self.lines.filtered(lambda line: line.product_id not in classes):
            return
        _logger.info("POS order %s: sale to a member who may not shop", self.name)
        self.coop_shift_issue = self.env._(
            "%(name)s may not shop (%(state)s) and was sold goods.",
            name=partner.name,
            state=dict(
                person._fields["coop_shift_state"]._description_selection(self.env)
            ).get(person.coop_shift_state),
        )
        self._coop_message_post(body=self.coop_shift_issue)
