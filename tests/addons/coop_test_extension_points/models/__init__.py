from . import coop_price_tier
from . import coop_pickup_slot
from . import delivery_carrier
