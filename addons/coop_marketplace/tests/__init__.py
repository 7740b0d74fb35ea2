from . import test_tour_shop_smoke
