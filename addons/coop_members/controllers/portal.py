# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import http
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal


class CoopMembersPortal(CustomerPortal):
    """The member's own membership page and certificate.

    The routes take no partner id: a member only ever reaches their own data
    (nothing to guess, no IDOR), and record rules confine the register to it.
    """

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "coop_share_count" in counters:
            # Signed quantities: the shares held in every coop.
            values["coop_share_count"] = sum(
                self._coop_own_movements().mapped("quantity")
            )
        return values

    def _coop_own_movements(self):
        """The logged-in member's confirmed register lines in every coop.

        sudo: the multi-company rule would keep the website's company only,
        and a member of two coops reaches both memberships from either
        website; the domain is the member's own partner, nothing comes from
        the browser."""
        return (
            request.env["coop.share.movement"]
            .sudo()
            .search(
                [
                    ("partner_id", "=", request.env.user.partner_id.id),
                    ("state", "=", "confirmed"),
                ],
                order="date, name",
            )
        )

    def _coop_memberships(self):
        """The member's membership in each coop they belong to: the
        website's coop first, then the others where they hold or held
        shares."""
        partner = request.env.user.partner_id
        current = self._coop_page_company()
        movements = self._coop_own_movements()
        companies = movements.company_id
        # sudo: her own partner's state in the website's coop.
        if partner.sudo().with_company(current).coop_member_state or not companies:
            companies |= current
        memberships = []
        for company in (current & companies) | (companies - current).sorted("name"):
            # sudo: the member's own partner, read in each of its coops.
            member = partner.sudo().with_company(company)
            holdings = member._coop_holdings_by_class(member).get(partner.id, {})
            memberships.append(
                {
                    "company": company,
                    "member": member,
                    "movements": movements.filtered(
                        lambda m, company=company: m.company_id == company
                    ),
                    "holdings": sorted(
                        (
                            (share_class, quantity)
                            for share_class, quantity in holdings.items()
                            if quantity
                        ),
                        key=lambda item: (item[0].sequence, item[0].code),
                    ),
                    "state_label": member._coop_state_label(member.coop_member_state),
                }
            )
        return memberships

    def _coop_page_company(self):
        """The coop whose page this is: the website's (a member of Arras
        reads Lille's site as Lille's), else her current company."""
        website = getattr(request, "website", None)
        # sudo: a member of another coop reads this coop's name, which
        # every visitor of its website reads.
        return website.company_id.sudo() if website else request.env.company

    def _coop_has_members(self, company):
        """The coop ``company`` takes members: it has share classes.
        sudo: whether a coop has shares is no secret of its register."""
        return bool(
            request.env["coop.share.class"]
            .sudo()
            .search_count([("company_id", "=", company.id)], limit=1)
        )

    def _coop_membership_values(self):
        memberships = self._coop_memberships()
        current = self._coop_page_company()
        return {
            "page_name": "coop_membership",
            "partner": request.env.user.partner_id,
            "memberships": memberships,
            # A coop's name over its membership, once there is another one
            # or it is not the website's.
            "show_coop_names": len(memberships) > 1
            or memberships[0]["company"] != current,
            # She belongs to another coop of the network, not to this one.
            # A marketplace (no shares of its own) has no members to tell.
            "coop_not_member_here": current
            not in [membership["company"] for membership in memberships]
            and self._coop_has_members(current)
            and request.env._(
                "You are not a member of %(coop)s. Your membership of another"
                " coop of the network:",
                coop=current.name,
            ),
        }

    @http.route("/my/membership", type="http", auth="user", website=True)
    def portal_my_membership(self, **kw):
        return request.render(
            "coop_members.portal_my_membership", self._coop_membership_values()
        )

    @http.route("/my/membership/certificate", type="http", auth="user", website=True)
    def portal_my_membership_certificate(self, coop=None, **kw):
        """The member's certificate of the coop ``coop`` (a company id; the
        website's by default), only a coop whose shares they hold."""
        partner = request.env.user.partner_id
        companies = self._coop_own_movements().company_id
        company = request.env.company
        if coop:
            company = companies.filtered(lambda c: str(c.id) == str(coop))
        member = partner.sudo().with_company(company) if company else partner
        if not company or not member.coop_share_count:
            return request.redirect("/my/membership")
        # sudo: portal users can't read report actions; the document is the
        # logged-in member's own certificate, printed in its coop.
        pdf, _type = (
            request.env["ir.actions.report"]
            .sudo()
            .with_company(company)
            ._render_qweb_pdf(
                "coop_members.action_report_share_certificate", partner.ids
            )
        )
        filename = f"certificat-parts-{member.coop_member_number or partner.id}.pdf"
        return request.make_response(
            pdf,
            headers=[
                ("Content-Type", "application/pdf"),
                ("Content-Length", len(pdf)),
                ("Content-Disposition", f'attachment; filename="{filename}"'),
            ],
        )
