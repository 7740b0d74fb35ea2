# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models
from odoo.exceptions import UserError


class ProductPrintWizard(models.TransientModel):
    _inherit = "product.print.wizard"

    def print_report(self):
        """Print on the paper of the lines' categories: a sheet of labels
        and a label printer's roll can't come out of one document."""
        self.ensure_one()
        categories = self.line_ids.print_category_id
        if len(set(categories.mapped("coop_label_format"))) > 1:
            raise UserError(
                self.env._(
                    "These labels go on different papers (A4 sheets and a"
                    " label printer's roll): print each category apart."
                )
            )
        super().print_report()  # OCA's checks: every line has a category
        # Printed: out of the queue (not while rendering, see the report).
        self.line_ids.product_id.write({"to_print": False})
        return categories._coop_label_report().report_action(self.line_ids)
