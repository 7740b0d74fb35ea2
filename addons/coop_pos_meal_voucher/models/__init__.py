from . import coop_money_checker
from . import pos_order
from . import pos_payment_method
from . import product_category
from . import product_product
from . import product_template
from . import res_company
from . import res_config_settings
