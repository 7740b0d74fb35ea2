"""Role matrix of coop_product_info (checked by tests/test_role_matrix.py).

The regulated allergens (OCA's product_allergen) are reference data, read by
everyone, the shop's visitors included (the product page, the "without ..."
filter); only administrators change them. The product's information is on
product.template (coop_producers' table): producers write their own products',
staff validate it (tests/test_product_info.py).
"""

from odoo.addons.coop_producers.tests.access_matrix import EVERYONE_READS

MODEL_ACCESS = {
    "allergen.allergen": EVERYONE_READS,
}
