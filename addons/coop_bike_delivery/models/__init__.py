from . import coop_delivery_zone
from . import coop_order_cycle
from . import coop_slot
from . import delivery_carrier
from . import sale_order
from . import stock_picking
from . import stock_picking_batch
