from . import coop_delivery_zone
from . import delivery_carrier
