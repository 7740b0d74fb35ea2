# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import http
from odoo.exceptions import AccessError, MissingError, ValidationError
from odoo.http import request

from odoo.addons.account_payment.controllers.portal import PortalAccount
from odoo.addons.portal.controllers.portal import CustomerPortal

FORM_FIELDS = (
    "name",
    "email",
    "phone",
    "street",
    "zip",
    "city",
    "share_class_id",
    "share_quantity",
    "payment_choice",
)


class CoopJoin(http.Controller):
    """The website's "Join" page: the coop of the website, its share
    classes, its statutes and internal rules, and the form. The rules live
    in ``coop.membership.application``; this only reads the form and
    shows the result."""

    def _coop_join_values(self, values=None, error=None):
        company = request.website.company_id
        # sudo: the classes and documents of the website's coop are public
        # information for who wants to join it.
        applications = request.env["coop.membership.application"].sudo()
        share_classes = applications._coop_open_share_classes(company)
        documents = request.env["coop.membership.document"].sudo()._current(company)
        user = request.env.user
        return {
            "company": company,
            "share_classes": share_classes,
            "documents": documents,
            "logged_in": not user._is_public(),
            "values": values or {},
            "error": error,
        }

    def _coop_join_form_values(self, post):
        """What the form sent, as ``_coop_apply`` reads it (bridges add
        their fields)."""
        values = {key: post.get(key, "") for key in FORM_FIELDS}
        values["document_ids"] = request.httprequest.form.getlist("document_ids")
        if not post.get("accept_documents"):
            values["document_ids"] = []
        return values

    @http.route(
        "/devenir-membre", type="http", auth="public", website=True, sitemap=True
    )
    def coop_join(self, **kwargs):
        return request.render(
            "coop_members_website.page_join", self._coop_join_values()
        )

    @http.route(
        "/devenir-membre/envoyer",
        type="http",
        auth="public",
        website=True,
        methods=["POST"],
        sitemap=False,
    )
    def coop_join_submit(self, **post):
        values = self._coop_join_form_values(post)
        company = request.website.company_id
        try:
            # sudo: a visitor applies; the model checks every value itself
            # and takes the company from the website, never from the form.
            application = (
                request.env["coop.membership.application"]
                .sudo()
                .with_company(company)
                ._coop_apply(company, values, user=request.env.user)
            )
        except ValidationError as error:
            request.env.cr.rollback()
            return request.render(
                "coop_members_website.page_join",
                self._coop_join_values(values, error.args[0]),
                status=400,
            )
        return request.redirect(application.get_portal_url())

    @http.route(
        "/devenir-membre/suivi/<int:application_id>",
        type="http",
        auth="public",
        website=True,
        sitemap=False,
    )
    def coop_join_follow(self, application_id, access_token=None, **kwargs):
        try:
            application = CustomerPortal()._document_check_access(
                "coop.membership.application", application_id, access_token
            )
        except (AccessError, MissingError):
            raise request.not_found() from None
        values = {"application": application}
        invoice = application.invoice_id
        if application.state in ("submitted", "approved") and (
            invoice._has_to_be_paid()
        ):
            # The payment form of the shares' invoice (account_payment's own
            # values: providers, amount, transaction route), on this page;
            # once paid, the provider brings her back here.
            values.update(
                PortalAccount()._invoice_get_page_view_values(
                    invoice, invoice._portal_ensure_token()
                )
            )
            values.update(
                landing_route=application.get_portal_url(),
                show_payment_form=True,
                page_name="coop_application",
            )
        return request.render("coop_members_website.page_application", values)

    @http.route(
        "/devenir-membre/document/<int:document_id>",
        type="http",
        auth="public",
        website=True,
        sitemap=False,
    )
    def coop_join_document(self, document_id, **kwargs):
        # sudo: the statutes and internal rules of the website's coop are
        # public; another coop's, or an archived version, are not served.
        document = (
            request.env["coop.membership.document"]
            .sudo()
            .search(
                [
                    ("id", "=", document_id),
                    ("company_id", "=", request.website.company_id.id),
                ]
            )
        )
        if not document:
            raise request.not_found()
        return (
            request.env["ir.binary"]
            ._get_stream_from(document, "datas", filename=document.filename)
            .get_response(as_attachment=False)
        )
