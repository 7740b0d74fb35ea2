from . import coop_producer_label
from . import product_category
from . import product_template
from . import res_company
from . import res_partner
from . import res_users
