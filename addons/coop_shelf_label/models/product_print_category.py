# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ProductPrintCategory(models.Model):
    _inherit = "product.print.category"

    coop_label_format = fields.Selection(
        [
            ("a4", "A4 sheet of 24 labels (70 × 37 mm)"),
            ("roll", "Label printer roll (62 × 37 mm)"),
        ],
        string="Label format",
        default="a4",
        required=True,
        help="The paper the labels of this category are printed on: sheets"
        " of adhesive labels in an office printer, or the roll of a small"
        " label printer.",
    )

    def _coop_label_report(self):
        """The report that prints this category's labels on its paper."""
        if set(self.mapped("coop_label_format")) == {"roll"}:
            return self.env.ref("coop_shelf_label.action_report_shelf_label_roll")
        return self.env.ref("coop_shelf_label.action_report_shelf_label_a4")
