from . import coop_order_cycle
from . import website
