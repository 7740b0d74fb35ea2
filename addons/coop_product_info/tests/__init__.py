from . import test_product_info
