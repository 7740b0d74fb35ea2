from . import test_wallet
from . import test_journey_cashier_wallet
from . import test_journey_member_wallet
from . import test_wallet_portal
