from . import test_share_register
from . import test_tour_pos_smoke
