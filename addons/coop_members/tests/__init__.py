from . import test_tour_pos_smoke
