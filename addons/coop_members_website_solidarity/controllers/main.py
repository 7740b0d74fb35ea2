# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.http import request

from odoo.addons.coop_members_website.controllers.main import CoopJoin


class CoopJoinSolidarity(CoopJoin):
    def _coop_join_form_values(self, post):
        values = super()._coop_join_form_values(post)
        values["tier_qf_band"] = post.get("tier_qf_band", "")
        values["tier_household_size"] = post.get("tier_household_size", "")
        upload = request.httprequest.files.get("tier_document")
        if upload and upload.filename:
            values["tier_document"] = (upload.filename, upload.read())
        return values

    def _coop_join_values(self, values=None, error=None):
        result = super()._coop_join_values(values=values, error=error)
        # The bands' labels are the model's, translated in the visitor's
        # language.
        result["tier_qf_bands"] = (
            request.env["coop.tier.evidence"]
            .sudo()
            ._fields["qf_band"]
            ._description_selection(request.env)
        )
        return result
