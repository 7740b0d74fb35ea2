from . import coop_member_state_wizard
from . import coop_share_redeem_wizard
from . import coop_share_register_wizard
from . import coop_share_subscribe_wizard
from . import coop_share_transfer_wizard
