from . import test_wallet_orders
