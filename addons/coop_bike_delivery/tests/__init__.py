from . import test_delivery_zone
