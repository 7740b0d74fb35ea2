from . import test_cashier_weighs_bulk
