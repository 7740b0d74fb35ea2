from . import coop_price_tier
from . import coop_slot
from . import delivery_carrier
