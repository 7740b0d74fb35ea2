from . import account_move
from . import coop_producer_statement
from . import res_partner
