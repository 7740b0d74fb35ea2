from . import test_wallet
from . import test_journey_cashier_wallet
