from . import test_wallet_orders
from . import test_standing_wallet
