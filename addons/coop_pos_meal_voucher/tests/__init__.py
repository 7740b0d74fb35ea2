from . import test_meal_voucher
from . import test_tour_meal_voucher
