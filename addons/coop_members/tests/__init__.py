from . import test_member_state
from . import test_pos_member_data
from . import test_pos_share_sale
from . import test_redemption
from . import test_share_register
from . import test_subscription
from . import test_tour_pos_member
from . import test_tour_pos_smoke
