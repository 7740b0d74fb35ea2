# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from markupsafe import escape

from odoo import fields, models


class CoopProducerStatement(models.Model):
    _inherit = "coop.producer.statement"

    def _bill_values(self):
        """Under a self-billing mandate the bill is the farm's invoice that
        the coop issues in her name: numbered in her own series, with the
        mention the law asks for (CGI, annexe II, art. 242 nonies A, 13°)."""
        values = super()._bill_values()
        producer = self.producer_id.commercial_partner_id
        if not producer._coop_self_billing_on(self.company_id, self.date_to):
            return values
        number = self.env["account.move"]._coop_next_self_billing_number(
            producer, self.company_id
        )
        signed = producer.with_company(self.company_id).coop_self_billing_date
        lang = producer.lang or self.env.lang
        mention = self.with_context(lang=lang).env._(
            "Self-billing (autofacturation): invoice issued by %(coop)s in the"
            " name and on behalf of %(producer)s, under the mandate signed on"
            " %(date)s.",
            coop=self.company_id.name,
            producer=producer.name,
            date=signed.strftime("%d/%m/%Y"),
        )
        values.update(
            {
                "coop_self_billing_number": number,
                "ref": number,
                "narration": "".join(
                    f"<p>{escape(text)}</p>"
                    for text in (mention, values.get("narration"))
                    if text
                ),
            }
        )
        return values

    def action_confirm(self):
        """Confirmed, a self-billed statement's invoice gets its Factur-X:
        the farm's legal invoice, sent to her and read on her bill."""
        result = super().action_confirm()
        bills = self.vendor_bill_id.filtered("coop_self_billing_number")
        if self.env.context.get("coop_self_billing_not_sent"):
            for bill in bills:
                bill._coop_attach_self_billing_facturx()
        else:
            bills._coop_send_self_billed_invoice()
        return result

    def _coop_demo_self_billing(self, producer_xmlid):
        """Demo: the farm's unstated receipts, stated and confirmed under her
        mandate (a self-billed invoice and its Factur-X)."""
        producer = self.env.ref(producer_xmlid)
        moves = self._moves_to_state(
            fields.Date.today() - timedelta(days=60), fields.Date.today(), producer
        )
        if not moves:
            return
        days = [fields.Date.context_today(self, move.date) for move in moves]
        # No "created" message, and the invoice not sent: while this addon
        # installs, its French words are not loaded yet (its translations
        # come last).
        self.with_context(
            mail_create_nolog=True, coop_self_billing_not_sent=True
        )._generate(min(days), max(days), producer).action_confirm()
