"""Our pages that only read are served from a read-only cursor (on a
PostgreSQL replica when ``db_replica_*`` is set, #18), and never write:
each is declared ``readonly=True`` and served here, on the demo, by the
test server's read-only transaction without Odoo's "retrying with a
read/write cursor". The routes that must write (every POST of ours) are
declared read/write. Odoo 18's product page is a read-only route and its
shop a read/write one, which our override makes read-only: our additions to
them (producer filter, cycle banner, prices at the member's tier) must not
write either."""

from odoo import http
from odoo.tests import HttpCase

READONLY_PATHS = {
    "/shop",
    '/shop/category/<model("product.public.category"):category>',
    "/shop/cycle/<int:cycle_id>",
    "/my/wallet",
    "/my/rounds",
    "/my/rounds/<int:batch_id>",
    "/coop_bike/round/<int:batch_id>/export.<string:kind>",
}


class TestReadonlyRoutes(HttpCase):
    # Repository-level test: Odoo's loader names these for addon tests only.
    test_module, test_class, test_sequence = "coop_repository", "TestReadonlyRoutes", 0
    test_tags = frozenset({"post_install", "coop_repository"})

    def _routes(self):
        """{path: routing} of the routes our addons declare or override."""
        modules = self.env["ir.module.module"].search([("state", "=", "installed")])
        routes = {}
        for url, endpoint in http._generate_routing_rules(
            modules.mapped("name"), nodb_only=False
        ):
            if endpoint.func.__module__.startswith("odoo.addons.coop_"):
                routes[url] = endpoint.routing
        return routes

    def test_declared_modes(self):
        routes = self._routes()
        for path in READONLY_PATHS:
            readonly = routes[path]["readonly"]
            if callable(readonly):  # Odoo's way to make an override read-only
                readonly = readonly(None)
            self.assertIs(readonly, True, path)
        writers = [
            path
            for path, routing in routes.items()
            if routing.get("methods") == ["POST"]
        ]
        self.assertGreaterEqual(len(writers), 8)
        for path in writers:
            self.assertFalse(routes[path]["readonly"], f"{path} writes")

    def _get_without_retry(self, url):
        with self.assertNoLogs("odoo.http", level="WARNING"):
            response = self.url_open(url)
        self.assertEqual(response.status_code, 200, url)
        return response

    def test_pages_are_served_read_only(self):
        cycle = self.env.ref("coop_marketplace.coop_order_cycle_demo")
        carrots = self.env.ref("coop_producers.product_marais_1_demo")
        farm = self.env.ref("coop_producers.coop_producer_marais_demo")
        round_ = self.env["stock.picking.batch"].search(
            [("coop_cycle_id", "=", cycle.id), ("coop_is_round", "=", True)]
        )
        # A visitor, then the member, in the shop.
        for login in (None, "membre"):
            if login:
                self.authenticate(login, login)
            self._get_without_retry("/shop")
            self._get_without_retry(f"/shop?producer={farm.id}")
            self._get_without_retry(carrots.website_url)
        self._get_without_retry(f"/shop/cycle/{cycle.id}")
        self.assertIn("Carottes", self._get_without_retry("/shop").text)
        self._get_without_retry("/my/wallet")
        self.authenticate("coursier", "coursier")
        self._get_without_retry("/my/rounds")
        self.assertIn(
            "Nicolas Delannoy", self._get_without_retry(f"/my/rounds/{round_.id}").text
        )
        self._get_without_retry(f"/coop_bike/round/{round_.id}/export.csv")
        self._get_without_retry(f"/coop_bike/round/{round_.id}/export.geojson")
