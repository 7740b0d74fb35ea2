# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import re

from odoo import fields, models


class AllergenAllergen(models.Model):
    _inherit = "allergen.allergen"

    coop_keywords = fields.Char(
        string="Words in ingredient lists",
        help="The words that name this allergen in an ingredient list, comma"
        " separated (blé, seigle, orge...): they are shown in bold, as the"
        " law asks, and an ingredient list that names one while the allergen"
        " is not ticked can't be validated.",
    )

    def _coop_keyword_pattern(self):
        """One regular expression matching any keyword of these allergens as
        a whole word, any case (``None`` without keywords)."""
        words = sorted(
            {
                word.strip()
                for allergen in self
                for word in (allergen.coop_keywords or "").split(",")
                if word.strip()
            },
            key=len,
            reverse=True,  # "fruits à coque" before "fruits"
        )
        if not words:
            return None
        return re.compile(
            r"(?<!\w)(" + "|".join(re.escape(word) for word in words) + r")s?(?!\w)",
            re.IGNORECASE,
        )

    def _coop_named_in(self, text):
        """The allergens among these whose words ``text`` contains."""
        return self.filtered(
            lambda allergen: (
                text
                and (pattern := allergen._coop_keyword_pattern())
                and pattern.search(text)
            )
        )
