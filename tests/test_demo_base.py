"""The four addons install together on a French demo base (the test database
is a copy of the template that `make run` serves as coop_demo)."""

import pytest

from odoo import SUPERUSER_ID, api
from odoo.modules.registry import Registry
from odoo.tests.common import get_db_name


@pytest.fixture
def env():
    cr = Registry(get_db_name()).cursor()
    try:
        yield api.Environment(cr, SUPERUSER_ID, {})
    finally:
        cr.rollback()
        cr.close()


def test_all_addons_installed_together(env):
    names = [
        "coop_members",
        "coop_solidarity_price",
        "coop_producers",
        "coop_marketplace",
        "l10n_fr_account",
        "website_sale",
    ]
    modules = env["ir.module.module"].search([("name", "in", names)])
    assert {m.name: m.state for m in modules} == dict.fromkeys(names, "installed")


def test_french_company_and_chart(env):
    company = env.ref("base.main_company")
    assert company.name == "Épicerie coopérative"
    assert (company.city, company.zip) == ("Lille", "59000")
    assert company.country_id == env.ref("base.fr")
    assert company.currency_id == env.ref("base.EUR")
    assert company.chart_template == "fr"
    # Share capital will land in 101300 (coop_members): the chart must have it.
    assert (
        env["account.chart.template"].with_company(company).ref("pcg_1013").code
        == "101300"
    )


def test_french_is_installed_and_translated(env):
    assert env["res.lang"]._lang_get("fr_FR").active
    menu = env.ref("base.menu_administration").with_context(lang="fr_FR")
    assert menu.name == "Paramètres"


def test_demo_till_and_shop(env):
    till = env["pos.config"].search([("name", "=", "Caisse épicerie")])
    assert len(till) == 1
    assert "cash" in till.payment_method_ids.mapped("type")
    assert env["website"].search([], limit=1)
    assert env.ref("coop_members.product_pain_campagne_demo").is_published


def test_demo_users(env):
    users = {
        login: env["res.users"].search([("login", "=", login)])
        for login in ("admin", "gerante", "caisse", "producteur", "membre")
    }
    assert all(users.values()), "every demo login exists"
    assert all(u.lang == "fr_FR" for u in users.values())
    cashier = users["caisse"]
    assert cashier.has_group("point_of_sale.group_pos_user")
    assert not cashier.has_group("point_of_sale.group_pos_manager")
    assert not cashier.has_group("account.group_account_invoice")
    assert users["producteur"]._is_internal()
    assert not users["producteur"].has_group("point_of_sale.group_pos_user")
    assert users["membre"]._is_portal()
    assert users["gerante"].has_group("point_of_sale.group_pos_manager")


def test_demo_member_and_register(env):
    classes = env["coop.share.class"].search([]).mapped("code")
    assert {"A", "B", "C", "D"} <= set(classes)
    amina = env.ref("coop_members.res_users_member_demo").partner_id
    assert amina.coop_member_state == "active"
    assert amina.coop_member_number
    assert amina.coop_share_count == 2
    assert amina.coop_share_ids.name.startswith("REG/")


def test_demo_members_over_the_four_classes(env):
    members = env["res.partner"].search([("coop_member_state", "!=", False)])
    assert len(members) >= 30
    states = set(members.mapped("coop_member_state"))
    assert {"active", "candidate", "suspended", "resigned"} <= states
    held = env["coop.share.movement"].read_group(
        [("state", "=", "confirmed")], ["quantity:sum"], ["share_class_id"]
    )
    assert {g["share_class_id"][1][0] for g in held if g["quantity"]} >= set("ABCD")
    resigned = members.filtered(lambda p: p.coop_member_state == "resigned")
    redemption = env["coop.share.movement"].search(
        [("partner_id", "in", resigned.ids), ("type", "=", "redemption")]
    )
    assert redemption and redemption.redemption_move_id.state == "posted"
    # Every member with a number has a card barcode the till reads.
    numbered = members.filtered("coop_member_number")
    assert numbered and all(p.barcode.startswith("042") for p in numbered)


def test_demo_price_tiers(env):
    # The Lille épicerie's (each platform of the network has its own).
    tiers = env["coop.price.tier"].search(
        [("company_id", "=", env.ref("base.main_company").id)]
    )
    assert len(tiers) >= 4
    reference = tiers.filtered("is_reference")
    assert len(reference) == 1 and reference.pricelist_id.sequence == 1
    amina = env.ref("coop_members.res_users_member_demo").partner_id
    tier_b = env.ref("coop_solidarity_price.coop_price_tier_b_demo")
    assert amina.property_product_pricelist == tier_b.pricelist_id
    # Tiers are named neutrally wherever the member or the till can see them.
    assert all("olidar" not in t.pricelist_id.name for t in tiers)
    beer = env.ref("coop_members.product_biere_demo")
    price = tier_b.pricelist_id._get_product_price(beer, 1.0)
    assert price == beer.lst_price  # alcohol: always the reference price
    # 1,500 € subsidy + 200 € donation, less the advantage of the demo's
    # tier-priced sales (Amina's shop order in the open cycle).
    entries = env["coop.solidarity.entry"].search(
        [("company_id", "=", env.ref("base.main_company").id)]
    )
    assert env["coop.solidarity.entry"]._fund_balance() == pytest.approx(
        sum(entries.mapped("amount"))
    )
    assert sum(entries.filtered(lambda e: e.amount > 0).mapped("amount")) >= 1700
    for tier in ("a", "b", "d"):
        members = env["res.partner"].search(
            [
                (
                    "coop_price_tier_id",
                    "=",
                    env.ref(f"coop_solidarity_price.coop_price_tier_{tier}_demo").id,
                )
            ]
        )
        assert members, tier


def test_demo_producers(env):
    producers = env["res.partner"].search([("coop_is_producer", "=", True)])
    assert len(producers) >= 12
    products = env["product.template"].search(
        [("coop_producer_id", "in", producers.ids)]
    )
    assert len(products) >= 70
    maroilles = env.ref("coop_producers.product_sambre_1_demo")
    assert maroilles.list_price == round(maroilles.coop_producer_price / 0.87, 2)
    thomas = env.ref("coop_producers.res_users_producer_demo")
    assert thomas.has_group("coop_producers.group_coop_producer")
    mine = env["product.template"].with_user(thomas).search([])
    assert mine and mine.coop_producer_id == thomas.coop_producer_id
