from . import test_assignment
from . import test_fund_and_cap
from . import test_journey_cashier
from . import test_price_tier
from . import test_tour_pos_tier
