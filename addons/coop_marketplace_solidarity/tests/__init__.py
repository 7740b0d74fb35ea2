from . import test_tiers_on_marketplace
from . import test_journey_manager
from . import test_order_edit_fund
from . import test_weighing_fund
