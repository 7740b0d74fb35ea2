# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import http
from odoo.http import request

from odoo.addons.web.controllers.home import Home

# The web client's separator of the active companies in the "cids" cookie.
CIDS_SEPARATOR = "-"


class CoopProducerHome(Home):
    @http.route()
    def web_client(self, s_action=None, **kw):
        response = super().web_client(s_action=s_action, **kw)
        self._coop_activate_producer_companies(response)
        return response

    def _coop_activate_producer_companies(self, response):
        """A producer's space spans every platform it supplies. Without a
        choice of companies yet (no "cids" cookie: a first visit), the web
        client activates the user's default company only, which would hide
        the other platforms' orders and statements: activate them all. The
        producer's own choice in the switcher is kept afterwards."""
        if request.httprequest.cookies.get("cids") or not request.session.uid:
            return
        user = request.env.user
        if len(user.company_ids) < 2 or not user.has_group(
            "coop_producers.group_coop_producer"
        ):
            return
        companies = user.company_id | user.company_ids
        response.set_cookie(
            "cids", CIDS_SEPARATOR.join(str(company.id) for company in companies)
        )
