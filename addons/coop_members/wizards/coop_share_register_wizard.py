# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import csv
import io

from odoo import fields, models
from odoo.exceptions import UserError
from odoo.tools import format_date
from odoo.tools.misc import get_lang


class CoopShareRegisterWizard(models.TransientModel):
    """Print or export the share register for a period."""

    _name = "coop.share.register.wizard"
    _description = "Print the share register"

    date_from = fields.Date(string="Start date")
    date_to = fields.Date(string="End date")

    def _check_dates(self):
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise UserError(self.env._("The start date is after the end date."))

    def _report_data(self):
        return {
            "date_from": fields.Date.to_string(self.date_from),
            "date_to": fields.Date.to_string(self.date_to),
        }

    def action_print(self):
        self.ensure_one()
        self._check_dates()
        return self.env.ref("coop_members.action_report_share_register").report_action(
            None, data=self._report_data()
        )

    def action_export_csv(self):
        self.ensure_one()
        self._check_dates()
        attachment = self.env["ir.attachment"].create(
            {
                "name": self.env._("share_register.csv"),
                "raw": self._coop_register_csv(),
                "mimetype": "text/csv",
                "res_model": self._name,
                "res_id": self.id,
            }
        )
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/{attachment.id}?download=true",
            "target": "self",
        }

    def _coop_register_csv(self):
        """The register as CSV (UTF-8 with BOM, semicolons: opens as is in a
        French spreadsheet)."""
        rows = self.env["coop.share.movement"]._register_rows(
            self.date_from, self.date_to
        )
        columns = [
            ("name", self.env._("Number")),
            ("date", self.env._("Date")),
            ("partner_name", self.env._("Member")),
            ("member_number", self.env._("Member number")),
            ("class_code", self.env._("Class")),
            ("type_label", self.env._("Movement")),
            ("quantity", self.env._("Shares")),
            ("unit_value", self.env._("Unit value")),
            ("amount", self.env._("Amount")),
            ("origin", self.env._("Origin")),
        ]
        # Decimals and dates as the reader's language writes them ("10,00",
        # "15/01/2026" in French): a spreadsheet reads them as numbers and
        # dates, not as text.
        money = self.env.company.currency_id.decimal_places
        # No thousands separator: a spreadsheet reads "1000,00" as a number.
        decimal_point = get_lang(self.env).decimal_point

        def cell(key, value):
            if key in ("unit_value", "amount"):
                return f"{value:.{money}f}".replace(".", decimal_point)
            if key == "date":
                return format_date(self.env, value)
            return value

        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter=";")
        writer.writerow([label for _key, label in columns])
        for row in rows:
            writer.writerow([cell(key, row[key]) for key, _label in columns])
        return ("\ufeff" + buffer.getvalue()).encode()
