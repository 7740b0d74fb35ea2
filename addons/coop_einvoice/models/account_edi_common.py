# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class AccountEdiCommon(models.AbstractModel):
    _inherit = "account.edi.common"

    def _import_partner(self, company_id, name, phone, email, vat, *args, **kwargs):
        """A farm's invoice finds the farm. Many farms' software names the
        seller with her SIRET and no VAT number (the franchise), or by name
        only; Odoo's lookup by name is an ``ilike`` that gives up when two
        contacts match, and a farm's login contact ("Thomas Delattre (Ferme
        des Marais)") always matches her name. So: her SIRET first (BT-30,
        as distinctive as a VAT number), then Odoo's lookup, then the one
        producer of exactly that name."""
        siret = kwargs.pop("coop_siret", False)
        producer = self._coop_import_producer(company_id, name, siret)
        if producer and siret:
            return producer, []
        partner, logs = super()._import_partner(
            company_id, name, phone, email, vat, *args, **kwargs
        )
        if not partner and producer:
            return producer, logs
        return partner, logs

    def _coop_import_producer(self, company_id, name, siret):
        """The producer of this SIRET, or else of exactly this name, seen
        from ``company_id`` (her own contact or a shared one); nothing when
        none or several match."""
        Partner = self.env["res.partner"].with_company(company_id)
        base = [
            ("coop_is_producer", "=", True),
            ("parent_id", "=", False),
            *Partner._check_company_domain(company_id),
        ]
        for criterion in (
            [("coop_siret", "=", siret.replace(" ", ""))] if siret else None,
            [("name", "=ilike", name)] if name else None,
        ):
            if criterion:
                producers = Partner.search(base + criterion, limit=2)
                if len(producers) == 1:
                    return producers
        return Partner
