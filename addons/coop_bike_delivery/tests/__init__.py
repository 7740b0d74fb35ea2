from . import test_courier
from . import test_delivery_slot_concurrency
from . import test_delivery_slots
from . import test_delivery_zone
from . import test_journey_courier
from . import test_journey_member_delivery
from . import test_rounds
