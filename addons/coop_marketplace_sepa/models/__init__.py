from . import coop_money_checker
from . import coop_standing_order
from . import sale_order
