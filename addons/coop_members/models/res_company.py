# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

# Odoo records whose French name is left in English by Odoo's own
# translation; what a French coop reads instead (chatter: "To-Do terminée").
ODOO_RECORDS_IN_FRENCH = (
    ("mail.mail_activity_data_todo", "name", "Tâche"),
    (
        "privacy_lookup.ir_action_server_action_privacy_lookup_partner",
        "name",
        "Recherche de données personnelles",
    ),
    (
        "privacy_lookup.ir_action_server_action_privacy_lookup_user",
        "name",
        "Recherche de données personnelles",
    ),
)


class ResCompany(models.Model):
    _inherit = "res.company"

    # Every coop prints on a paper whose header holds its logo and details.
    paperformat_id = fields.Many2one(
        default=lambda self: (
            self.env.ref("coop_members.paperformat_coop_a4", raise_if_not_found=False)
            or self.env.ref("base.paperformat_euro", raise_if_not_found=False)
        )
    )

    @api.model
    def _coop_use_coop_paper(self):
        """Companies printing on Odoo's A4 print on the coop's (once, at
        install): their documents' titles no longer slide under the header.
        A company that chose another format keeps it."""
        paper = self.env.ref("coop_members.paperformat_coop_a4")
        euro = self.env.ref("base.paperformat_euro", raise_if_not_found=False)
        self.search([("paperformat_id", "in", [False, euro.id if euro else 0])]).write(
            {"paperformat_id": paper.id}
        )

    @api.model
    def _coop_name_odoo_records_in_french(self):
        """French names for the Odoo records ODOO_RECORDS_IN_FRENCH lists
        (at install and update: a reload of Odoo's terms puts the English
        back). Strings of Odoo's screens go through i18n_extra/fr.po."""
        if not self.env["res.lang"]._lang_get("fr_FR"):
            return
        for xmlid, field, french in ODOO_RECORDS_IN_FRENCH:
            record = self.env.ref(xmlid, raise_if_not_found=False)
            if record:
                record.update_field_translations(field, {"fr_FR": french})
