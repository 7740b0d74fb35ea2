"""Every addon has a sound manifest and the dependency graph of the design."""

import ast
from pathlib import Path

import pytest
from oca_maintainer_tools._hash import hash as source_digest

ADDONS = Path(__file__).resolve().parent.parent / "addons"
# ../shared/design.md, "Dependency graph"; coop_producers also needs
# stock_picking_batch, which the design's domain model uses for the receipts of
# a collection round (and coop_marketplace for distribution); coop_marketplace
# also needs sale_stock (the orders' deliveries, grouped per pickup slot) and
# payment_custom ("pay at pickup").
EXPECTED_DEPENDS = {
    "coop_members": {"account", "point_of_sale", "portal"},
    # Bulk weighing at the members' till, installed with coop_members (#34:
    # its own concern, out of the members' register).
    "coop_pos_bulk": {"coop_members"},
    "coop_solidarity_price": {"coop_members", "sale", "point_of_sale"},
    "coop_producers": {"purchase_stock", "stock", "stock_picking_batch"},
    "coop_marketplace": {
        "website_sale",
        "delivery",
        "sale_stock",
        "payment_custom",
        "coop_producers",
        "coop_members",
    },
    # A bridge, auto-installed when both sides are (design, "Bridge addons").
    "coop_marketplace_solidarity": {"coop_marketplace", "coop_solidarity_price"},
    # The members' prepaid account: Odoo's eWallet, outside the tiers and the
    # fund (design change: a fifth addon; see coop_wallet's readme).
    "coop_wallet": {"coop_solidarity_price", "pos_loyalty", "sale_loyalty"},
    # A bridge: the prepaid account in the cycles' shop (its basket form is
    # website_sale_loyalty's, which Odoo installs with both sides).
    "coop_marketplace_wallet": {
        "coop_marketplace",
        "coop_wallet",
        "website_sale_loyalty",
    },
    # Home delivery by bike couriers, on the marketplace (issue #17).
    "coop_bike_delivery": {"coop_marketplace", "stock_delivery"},
    # Joining online (issue #32): the website's "Join" page, the bridge the
    # design foresees for a public subscription form.
    "coop_members_website": {"coop_members", "website", "account_payment"},
    # A bridge: asking for the solidarity price when joining online, the
    # request kept as tier evidence (design, "Joining online").
    "coop_members_website_solidarity": {
        "coop_members_website",
        "coop_solidarity_price",
    },
    # What a member reads before buying food (#35, EU 1169/2011): OCA's
    # product_allergen (the 14 allergens) and product_origin, the producers
    # who fill it in, the shop that shows it.
    "coop_product_info": {
        "coop_producers",
        "website_sale",
        "product_allergen",
        "product_origin",
    },
    # Shelf labels of the épicerie (the till's products) on OCA's print
    # categories.
    "coop_shelf_label": {
        "coop_members",
        "coop_product_info",
        "product_print_category",
    },
    # Titres-restaurant at the till (the alcohol from the product's info).
    "coop_pos_meal_voucher": {"coop_members", "coop_product_info"},
    # E-invoices (#35): Odoo's Factur-X, on the coop's own invoices.
    "coop_einvoice": {
        "coop_members",
        "coop_producers",
        "account_edi_ubl_cii",
        "purchase_edi_ubl_bis3",
    },
    # Mollie (#35): Odoo's provider, on the cycles' orders and refunds.
    "coop_payment_mollie": {"coop_marketplace", "payment_mollie"},
    # SEPA direct debit (#35): OCA's mandates, orders and returns.
    "coop_sepa_direct_debit": {
        "coop_members",
        "account_banking_sepa_direct_debit",
        "account_payment_return",
    },
    # A bridge (#35): standing baskets paid monthly by SEPA direct debit.
    "coop_marketplace_sepa": {"coop_marketplace", "coop_sepa_direct_debit"},
    # Volunteer shifts (#36): participation, attendance, "can shop" at the
    # till; the shop's refusal in a bridge.
    "coop_shift": {"coop_members"},
    "coop_shift_marketplace": {"coop_shift", "coop_marketplace"},
    # The network (coordinator, figures of every platform): on top of all.
    "coop_network": {"coop_marketplace", "coop_solidarity_price"},
}


def manifest(name):
    return ast.literal_eval((ADDONS / name / "__manifest__.py").read_text())


def test_every_addon_is_in_the_design():
    found = {p.parent.name for p in ADDONS.glob("*/__manifest__.py")}
    assert found == set(EXPECTED_DEPENDS)


def model_of(node):
    """The model a class defines or extends (its ``_name``, else its first
    ``_inherit``)."""
    values = {}
    for statement in node.body:
        if isinstance(statement, ast.Assign) and len(statement.targets) == 1:
            target = statement.targets[0]
            if isinstance(target, ast.Name) and target.id in ("_name", "_inherit"):
                values[target.id] = ast.literal_eval(statement.value)
    inherit = values.get("_inherit")
    return values.get("_name") or (inherit[0] if isinstance(inherit, list) else inherit)


@pytest.mark.parametrize(
    "path",
    sorted(
        str(path.relative_to(ADDONS))
        for folder in ("models", "wizards")
        for path in ADDONS.glob(f"*/{folder}/*.py")
        if path.name != "__init__.py"
    ),
)
def test_one_class_per_file_named_after_its_model(path):
    """README, Contributing: ``<model>.py``, or ``<model>_<concern>.py``."""
    tree = ast.parse((ADDONS / path).read_text())
    classes = [node for node in tree.body if isinstance(node, ast.ClassDef)]
    assert len(classes) <= 1, f"{path}: {[c.name for c in classes]}"
    if not classes:
        return  # a helper the models use (the round planner), named for it
    stem = Path(path).stem
    model = model_of(classes[0]).replace(".", "_")
    assert stem == model or stem.startswith(model + "_"), f"{path} holds {model}"


@pytest.mark.parametrize("name", sorted(EXPECTED_DEPENDS))
def test_manifest_keys(name):
    m = manifest(name)
    assert m["version"].startswith("18.0.") and len(m["version"].split(".")) == 5
    assert m["license"] in {"AGPL-3", "LGPL-3"}
    assert m["author"] and m["website"] and m["summary"] and m["category"]
    assert m["installable"] is True
    assert "description" not in m, "use readme/ instead (OCA)"
    for key in ("data", "demo"):
        for rel in m.get(key, []):
            assert (ADDONS / name / rel).is_file(), f"{name}: {rel} missing"


@pytest.mark.parametrize("name", sorted(EXPECTED_DEPENDS))
def test_each_addon_is_a_package_as_oca_builds_them(name):
    """OCA 18.0: a pyproject.toml per addon, built by whool (the wheel's
    name, version and dependencies come from the manifest)."""
    text = (ADDONS / name / "pyproject.toml").read_text()
    assert 'build-backend = "whool.buildapi"' in text and '"whool"' in text


@pytest.mark.parametrize("name", sorted(EXPECTED_DEPENDS))
def test_readme_is_generated_from_its_fragments(name):
    """README.rst and static/description/index.html are written by OCA's
    generator (make readme) from the manifest and readme/; the digest it
    writes must be that of the current sources, or the README is stale."""
    addon = ADDONS / name
    digest = source_digest(
        str(addon / "__manifest__.py"), str(addon / "readme"), relative_to=str(addon)
    )
    readme = (addon / "README.rst").read_text()
    assert "generated by oca-gen-addon-readme" in readme
    assert f"!! source digest: {digest}" in readme, (
        f"{name}/README.rst is stale: run make readme"
    )
    assert (addon / "static" / "description" / "index.html").is_file()


@pytest.mark.parametrize("name", sorted(EXPECTED_DEPENDS))
def test_depends_follow_the_design(name):
    assert set(manifest(name)["depends"]) == EXPECTED_DEPENDS[name]


def test_dependency_graph_is_acyclic():
    graph = {
        n: set(manifest(n)["depends"]) & set(EXPECTED_DEPENDS) for n in EXPECTED_DEPENDS
    }
    seen, stack = set(), set()

    def visit(node):
        assert node not in stack, f"cycle through {node}"
        if node in seen:
            return
        stack.add(node)
        for dep in graph[node]:
            visit(dep)
        stack.discard(node)
        seen.add(node)

    for node in graph:
        visit(node)
