# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


class CoopStandingOrder(models.Model):
    _inherit = "coop.standing.order"

    mandate_id = fields.Many2one(
        "account.banking.mandate",
        string="Paid by direct debit under",
        check_company=True,
        # The mandate is the accounts' and the members office's to read.
        groups="account.group_account_invoice,account_payment_order.group_account_payment,"
        "coop_members.coop_member_group_manager",
        help="Each cycle's order is paid by SEPA direct debit under this"
        " mandate of the member: invoiced when it is handed over, the month's"
        " invoices debited early the next month. Empty: paid at pickup.",
    )

    @api.constrains("mandate_id", "partner_id")
    def _check_mandate_is_the_members(self):
        # sudo: the mandate is the accounts' to read, whoever writes.
        for standing in self.sudo().filtered("mandate_id"):
            # sudo: the mandate's owner, whoever sets it (its record rule
            # shows members' mandates to the accounts only).
            owner = standing.mandate_id.sudo().partner_id.commercial_partner_id
            if owner != standing.partner_id.commercial_partner_id:
                raise UserError(
                    self.env._("A basket is debited under its member's own mandate.")
                )

    @api.model
    def _valid_mandate_of(self, partner, company):
        """The member's valid SEPA mandate in ``company``, if the coop has a
        direct-debit mode to collect it with (sudo: a member's bank details
        are the accounts', read here for her own choice)."""
        mode = (
            self.env["sale.order"]
            .sudo()
            .with_company(company)
            ._coop_direct_debit_mode(company)
        )
        if not mode:
            return self.env["account.banking.mandate"]
        return (
            self.env["account.banking.mandate"]
            .sudo()
            .search(
                [
                    ("partner_id", "child_of", partner.commercial_partner_id.id),
                    ("company_id", "=", company.id),
                    ("state", "=", "valid"),
                ],
                order="signature_date desc, id desc",
                limit=1,
            )
        )

    def _prepare_order_payment(self, order):
        """The cycle's order is debited under the basket's mandate while it
        is valid; otherwise it is paid at pickup and the member is told."""
        res = super()._prepare_order_payment(order)
        mandate = self.sudo().mandate_id
        if not mandate:
            return res
        if mandate.state == "valid":
            order._coop_set_mandate(mandate)
        else:
            # In the member's language, whoever runs the cycle's job.
            member_env = self.with_context(lang=self.partner_id.lang).env
            self._coop_message_post(
                body=member_env._(
                    "Your mandate %(mandate)s is no longer valid: your order of"
                    " %(cycle)s is paid at pickup.",
                    mandate=mandate.unique_mandate_reference,
                    cycle=order.coop_cycle_id.name,
                ),
                partner_ids=self.partner_id.ids,
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
            )
        return res

    def _action_member_pay_by_direct_debit(self, by_direct_debit):
        """The member's choice: her basket paid by direct debit under her
        valid mandate, or at pickup again. Her orders not yet handed over
        and not paid yet follow the choice (the others keep how they were
        paid). Returns the mandate (empty when paid at pickup)."""
        for standing in self:
            mandate = self.env["account.banking.mandate"]
            if by_direct_debit:
                mandate = self._valid_mandate_of(
                    standing.partner_id, standing.company_id
                )
                if not mandate:
                    raise UserError(
                        self.env._(
                            "You have no valid SEPA mandate with the coop: ask"
                            " the coop's office for a mandate form, then"
                            " choose direct debit here."
                        )
                    )
            standing.mandate_id = mandate
            standing.order_ids.filtered(
                lambda order: order._coop_follows_basket_payment()
            )._coop_set_mandate(mandate)
            standing._coop_message_post(
                body=self.env._(
                    "Paid by direct debit under mandate %(mandate)s, chosen by"
                    " the member.",
                    mandate=mandate.unique_mandate_reference,
                )
                if mandate
                else self.env._("Paid at pickup, chosen by the member.")
            )
        return self.sudo().mandate_id
