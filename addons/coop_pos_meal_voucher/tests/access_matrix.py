"""Role matrix of coop_pos_meal_voucher (checked by tests/test_role_matrix.py).

The till's payment methods (the "Titres-restaurant" mark added here): the
cashier's till reads them, the till's managers and administrators set them
up (point_of_sale's rights, unchanged).
"""

from odoo.addons.coop_producers.tests.access_matrix import rights

MODEL_ACCESS = {
    "pos.payment.method": rights(pos_cashier="r", administrator="rwcu"),
}
