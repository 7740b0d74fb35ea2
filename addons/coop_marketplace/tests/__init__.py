from . import test_marketplace_access
from . import test_order_cycle
from . import test_ordered_qty
from . import test_pickup_slot
from . import test_slot_concurrency
from . import test_tour_shop_smoke
