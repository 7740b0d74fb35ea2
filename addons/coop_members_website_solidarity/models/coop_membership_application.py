# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64

from odoo import api, models
from odoo.exceptions import ValidationError
from odoo.tools.mimetypes import guess_mimetype

TIER_DOCUMENT_MAX_BYTES = 10 * 1024 * 1024
TIER_DOCUMENT_MIMETYPES = ("application/pdf", "image/jpeg", "image/png")


class CoopMembershipApplication(models.Model):
    """The joining form's optional request for the solidarity price.

    What the candidate declares (household, quotient familial band, a
    document) never lands on the application nor on her contact, which the
    members staff read: it becomes tier evidence of the coop, read by the
    solidarity officers only. Until an officer decides a tier, she pays
    the reference price."""

    _inherit = "coop.membership.application"

    @api.model
    def _coop_check_application(self, company, values, partner):
        result = super()._coop_check_application(company, values, partner)
        self._coop_tier_request(values)
        return result

    @api.model
    def _coop_apply(self, company, values, user=None):
        application = super()._coop_apply(company, values, user=user)
        request = self._coop_tier_request(values)
        if request:
            application._coop_record_tier_evidence(**request)
        return application

    @api.model
    def _coop_tier_request(self, values):
        """The form's tier request, checked: ``{}`` when she asked for
        nothing, else the band, the household size (0 if not given) and the
        document ``(filename, bytes, mimetype)`` or ``None``."""
        band = (values.get("tier_qf_band") or "").strip()
        size_text = str(values.get("tier_household_size") or "").strip()
        document = values.get("tier_document")
        if not band:
            if size_text or document:
                raise ValidationError(
                    self.env._(
                        "To ask for the solidarity price, choose your household's"
                        " quotient familial band (or leave that part empty)."
                    )
                )
            return {}
        bands = dict(
            self.env["coop.tier.evidence"]
            ._fields["qf_band"]
            ._description_selection(self.env)
        )
        if band not in bands:
            raise ValidationError(
                self.env._("Choose your quotient familial band in the list.")
            )
        household_size = 0
        if size_text:
            if not size_text.isdigit() or not 1 <= int(size_text) <= 20:
                raise ValidationError(
                    self.env._(
                        "The number of people in your household is a number"
                        " from 1 to 20."
                    )
                )
            household_size = int(size_text)
        if document:
            filename, content = document
            if len(content) > TIER_DOCUMENT_MAX_BYTES:
                raise ValidationError(
                    self.env._("Your document is too big: 10 MB at most.")
                )
            mimetype = guess_mimetype(content)
            if mimetype not in TIER_DOCUMENT_MIMETYPES:
                raise ValidationError(
                    self.env._("Send your document as a PDF, a JPEG or a PNG picture.")
                )
            document = (filename, content, mimetype)
        return {
            "band": band,
            "household_size": household_size,
            "document": document or None,
        }

    def _coop_record_tier_evidence(self, band, household_size, document):
        """One evidence record of the application's coop, with the document
        attached to it (so only who reads the evidence reads the document)."""
        self.ensure_one()
        # sudo: the candidate (a visitor) hands over her evidence; nobody but
        # the solidarity officers may read it back.
        evidence = (
            self.env["coop.tier.evidence"]
            .sudo()
            .create(
                {
                    "partner_id": self.partner_id.id,
                    "qf_band": band,
                    "household_size": household_size,
                    "company_id": self.company_id.id,
                    "note": self.env._(
                        "Declared online with the application %(application)s:"
                        " to check against the documents before deciding a tier.",
                        application=self.name,
                    ),
                }
            )
        )
        if document:
            filename, content, mimetype = document
            evidence.attachment_ids = (
                self.env["ir.attachment"]
                .sudo()
                .create(
                    {
                        "name": filename,
                        "datas": base64.b64encode(content),
                        "mimetype": mimetype,
                        "res_model": "coop.tier.evidence",
                        "res_id": evidence.id,
                        "company_id": self.company_id.id,
                    }
                )
            )
        return evidence
