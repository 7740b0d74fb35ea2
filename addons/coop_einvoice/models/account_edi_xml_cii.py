# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class AccountEdiXmlCII(models.AbstractModel):
    _inherit = "account.edi.xml.cii"

    def _import_retrieve_partner_vals(self, tree, role):
        vals = super()._import_retrieve_partner_vals(tree, role)
        # BT-30, the seller's legal registration: a SIRET under scheme 0002.
        vals["coop_siret"] = self._find_value(
            f".//ram:{role}/ram:SpecifiedLegalOrganization/ram:ID[@schemeID='0002']",
            tree,
        )
        return vals
