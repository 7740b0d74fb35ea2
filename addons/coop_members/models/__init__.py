from . import account_move
from . import coop_share_class
from . import coop_share_movement
from . import res_partner
