# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


class CoopMembershipDocument(models.Model):
    """A version of the statutes or of the internal rules a candidate
    accepts when she joins. A version someone accepted is never changed:
    the coop uploads a new version instead, and each application keeps the
    versions its candidate accepted."""

    _name = "coop.membership.document"
    _description = "Statutes or internal rules (a version)"
    _order = "company_id, kind, date desc, id desc"

    kind = fields.Selection(
        [("statutes", "Statutes"), ("internal_rules", "Internal rules")],
        required=True,
    )
    version = fields.Char(required=True, help="E.g. 2026-1, as the coop numbers it.")
    date = fields.Date(
        string="Adopted on", required=True, default=fields.Date.context_today
    )
    datas = fields.Binary(string="Document", attachment=True, required=True)
    filename = fields.Char()
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    active = fields.Boolean(default=True)
    accepted_count = fields.Integer(
        string="Accepted by", compute="_compute_accepted_count"
    )

    _sql_constraints = [
        (
            "version_uniq",
            "unique(company_id, kind, version)",
            "This version of the document already exists.",
        ),
    ]

    @api.depends("kind", "version")
    def _compute_display_name(self):
        kinds = dict(self._fields["kind"]._description_selection(self.env))
        for document in self:
            document.display_name = self.env._(
                "%(kind)s (version %(version)s)",
                kind=kinds.get(document.kind, ""),
                version=document.version or "",
            )

    def _compute_accepted_count(self):
        counts = dict(
            self.env["coop.membership.application"]._read_group(
                [("accepted_document_ids", "in", self.ids)],
                ["accepted_document_ids"],
                ["__count"],
            )
        )
        for document in self:
            document.accepted_count = counts.get(document, 0)

    def write(self, vals):
        if {"datas", "version", "kind", "date", "company_id"} & set(vals):
            accepted = self.env["coop.membership.application"].search_count(
                [("accepted_document_ids", "in", self.ids)], limit=1
            )
            if accepted:
                raise UserError(
                    self.env._(
                        "Candidates accepted this version: it can't be changed."
                        " Add the new version instead."
                    )
                )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_accepted(self):
        if self.env["coop.membership.application"].search_count(
            [("accepted_document_ids", "in", self.ids)], limit=1
        ):
            raise UserError(
                self.env._(
                    "Candidates accepted this version: archive it rather than"
                    " delete it."
                )
            )

    @api.model
    def _current(self, company):
        """The version of each kind a candidate of ``company`` accepts now:
        the latest adopted, among the active ones."""
        documents = self.search([("company_id", "=", company.id)])
        current = self.browse()
        for kind in ("statutes", "internal_rules"):
            current |= documents.filtered(lambda d, k=kind: d.kind == k)[:1]
        return current
