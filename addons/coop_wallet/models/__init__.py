from . import coop_price_tier
from . import loyalty_program
from . import pos_order
from . import pos_order_line
from . import product_product
from . import product_template
from . import sale_order
from . import sale_order_line
